package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/** {@code LeafNodeSource} of RFC 9420 §7.2. Unknown and reserved values are rejected on decode. */
public enum LeafNodeSource {
  /** Wire value 1. */
  KEY_PACKAGE(1),
  /** Wire value 2. */
  UPDATE(2),
  /** Wire value 3. */
  COMMIT(3);

  private final int value;

  LeafNodeSource(int value) {
    this.value = value;
  }

  /** The wire value (a uint8). */
  public int value() {
    return value;
  }

  /**
   * The constant for a wire value.
   *
   * @throws DecodeException if {@code value} is reserved or unknown
   */
  public static LeafNodeSource fromValue(int value) throws DecodeException {
    for (LeafNodeSource v : values()) {
      if (v.value == value) {
        return v;
      }
    }
    throw new DecodeException("unknown LeafNodeSource " + value);
  }

  /** Reads a uint8 and maps it. */
  public static LeafNodeSource decode(TlsReader reader) throws DecodeException {
    return fromValue(reader.readUint8());
  }

  /** Writes the uint8 wire value. */
  public void encode(TlsWriter writer) {
    writer.writeUint8(value);
  }
}
