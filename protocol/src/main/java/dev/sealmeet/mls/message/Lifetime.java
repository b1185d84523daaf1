package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Lifetime} of RFC 9420 §7.2: seconds since the Unix epoch, as unsigned 64-bit values (a
 * negative {@code long} stands for a value of 2^63 or more).
 *
 * @param notBefore first valid second
 * @param notAfter last valid second
 */
public record Lifetime(long notBefore, long notAfter) implements MlsStruct {

  /** Reads one {@code Lifetime}. */
  public static Lifetime decode(TlsReader reader) throws DecodeException {
    long notBefore = reader.readUint64();
    return new Lifetime(notBefore, reader.readUint64());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint64(notBefore);
    writer.writeUint64(notAfter);
  }
}
