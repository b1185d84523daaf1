package dev.sealmeet.conformance.mls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A reproducible byte stream for vector generators, never a source of randomness: block i is
 * SHA-256(label || i), so the same label gives the same keys, nonces and inputs on every run.
 */
final class SeededRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private final byte[] label;
  private final byte[] block = new byte[32];
  private long counter;
  private int used = block.length;

  /** A stream named by {@code label} (e.g. {@code "crypto-basics/0xf001/case 0"}). */
  SeededRandom(String label) {
    this.label = ("sealmeet pq vectors " + label).getBytes(StandardCharsets.UTF_8);
  }

  /** The next {@code length} bytes. */
  byte[] bytes(int length) {
    byte[] out = new byte[length];
    nextBytes(out);
    return out;
  }

  @Override
  public synchronized void nextBytes(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      if (used == block.length) {
        refill();
      }
      out[i] = block[used++];
    }
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    return bytes(numBytes);
  }

  @Override
  public void setSeed(long seed) {
    // The stream depends on its label only; SecureRandom's constructor calls this.
  }

  @Override
  public void setSeed(byte[] seed) {
    // As above.
  }

  private void refill() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(label);
      for (int shift = 56; shift >= 0; shift -= 8) {
        sha256.update((byte) (counter >>> shift));
      }
      System.arraycopy(sha256.digest(), 0, block, 0, block.length);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    counter++;
    used = 0;
  }

  @Override
  public String toString() {
    return "SeededRandom[" + new String(label, StandardCharsets.UTF_8) + "]";
  }
}
