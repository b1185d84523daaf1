package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/** {@code SenderType} of RFC 9420 §6. Unknown and reserved values are rejected on decode. */
public enum SenderType {
  /** Wire value 1. */
  MEMBER(1),
  /** Wire value 2. */
  EXTERNAL(2),
  /** Wire value 3. */
  NEW_MEMBER_PROPOSAL(3),
  /** Wire value 4. */
  NEW_MEMBER_COMMIT(4);

  private final int value;

  SenderType(int value) {
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
  public static SenderType fromValue(int value) throws DecodeException {
    for (SenderType v : values()) {
      if (v.value == value) {
        return v;
      }
    }
    throw new DecodeException("unknown SenderType " + value);
  }

  /** Reads a uint8 and maps it. */
  public static SenderType decode(TlsReader reader) throws DecodeException {
    return fromValue(reader.readUint8());
  }

  /** Writes the uint8 wire value. */
  public void encode(TlsWriter writer) {
    writer.writeUint8(value);
  }
}
