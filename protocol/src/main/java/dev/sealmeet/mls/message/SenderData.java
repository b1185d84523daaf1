package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code SenderData} of RFC 9420 §6.3.2: who sent a {@link PrivateMessage} and at which ratchet
 * generation.
 *
 * @param leafIndex the sender's leaf index (uint32)
 * @param generation the ratchet generation (uint32)
 * @param reuseGuard four random bytes XORed into the nonce (copied in and out)
 */
public record SenderData(long leafIndex, long generation, byte[] reuseGuard) implements MlsStruct {
  /** Length of {@code reuse_guard}. */
  public static final int REUSE_GUARD_LENGTH = 4;

  /** Checks ranges and the guard length, and copies the guard. */
  public SenderData {
    Wire.uint32(leafIndex, "leafIndex");
    Wire.uint32(generation, "generation");
    reuseGuard = Wire.copy(reuseGuard, "reuseGuard");
    if (reuseGuard.length != REUSE_GUARD_LENGTH) {
      throw new IllegalArgumentException("reuse guard must be 4 bytes, got " + reuseGuard.length);
    }
  }

  /** A copy of the reuse guard. */
  @Override
  public byte[] reuseGuard() {
    return reuseGuard.clone();
  }

  /** Reads one {@code SenderData}. */
  public static SenderData decode(TlsReader reader) throws DecodeException {
    long leaf = reader.readUint32();
    long generation = reader.readUint32();
    return new SenderData(leaf, generation, reader.readBytes(REUSE_GUARD_LENGTH));
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint32(leafIndex);
    writer.writeUint32(generation);
    writer.writeBytes(reuseGuard);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof SenderData
        && Wire.sameEncoding(this, (SenderData) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
