package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Extension} of RFC 9420 §7.2: a type and opaque data. Unknown types (including GREASE,
 * RFC 9420 §13.5) are kept as they are so they re-encode unchanged.
 *
 * @param extensionType the {@code ExtensionType} (uint16); see {@link Extensions} for known values
 * @param extensionData the extension's body (copied in and out)
 */
public record Extension(int extensionType, byte[] extensionData) implements MlsStruct {

  /** Checks the type range and copies the data. */
  public Extension {
    Wire.uint16(extensionType, "extensionType");
    extensionData = Wire.copy(extensionData, "extensionData");
  }

  /** A copy of the extension data. */
  @Override
  public byte[] extensionData() {
    return extensionData.clone();
  }

  /** Reads one {@code Extension}. */
  public static Extension decode(TlsReader reader) throws DecodeException {
    int type = reader.readUint16();
    return new Extension(type, reader.readOpaque());
  }

  @Override
  public int encodedSizeHint() {
    return 6 + extensionData.length;
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint16(extensionType);
    writer.writeOpaque(extensionData);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Extension
        && Wire.sameEncoding(this, (Extension) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
