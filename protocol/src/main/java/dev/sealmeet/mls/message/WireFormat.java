package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/** {@code WireFormat} of RFC 9420 §6. Unknown and reserved values are rejected on decode. */
public enum WireFormat {
  /** Wire value 1. */
  PUBLIC_MESSAGE(1),
  /** Wire value 2. */
  PRIVATE_MESSAGE(2),
  /** Wire value 3. */
  WELCOME(3),
  /** Wire value 4. */
  GROUP_INFO(4),
  /** Wire value 5. */
  KEY_PACKAGE(5);

  private final int value;

  WireFormat(int value) {
    this.value = value;
  }

  /** The wire value (a uint16). */
  public int value() {
    return value;
  }

  /**
   * The constant for a wire value.
   *
   * @throws DecodeException if {@code value} is reserved or unknown
   */
  public static WireFormat fromValue(int value) throws DecodeException {
    for (WireFormat v : values()) {
      if (v.value == value) {
        return v;
      }
    }
    throw new DecodeException("unknown WireFormat " + value);
  }

  /** Reads a uint16 and maps it. */
  public static WireFormat decode(TlsReader reader) throws DecodeException {
    return fromValue(reader.readUint16());
  }

  /** Writes the uint16 wire value. */
  public void encode(TlsWriter writer) {
    writer.writeUint16(value);
  }
}
