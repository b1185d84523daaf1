package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/** {@code ResumptionPSKUsage} of RFC 9420 §8.4. Unknown and reserved values are rejected on decode. */
public enum ResumptionPskUsage {
  /** Wire value 1. */
  APPLICATION(1),
  /** Wire value 2. */
  REINIT(2),
  /** Wire value 3. */
  BRANCH(3);

  private final int value;

  ResumptionPskUsage(int value) {
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
  public static ResumptionPskUsage fromValue(int value) throws DecodeException {
    for (ResumptionPskUsage v : values()) {
      if (v.value == value) {
        return v;
      }
    }
    throw new DecodeException("unknown ResumptionPskUsage " + value);
  }

  /** Reads a uint8 and maps it. */
  public static ResumptionPskUsage decode(TlsReader reader) throws DecodeException {
    return fromValue(reader.readUint8());
  }

  /** Writes the uint8 wire value. */
  public void encode(TlsWriter writer) {
    writer.writeUint8(value);
  }
}
