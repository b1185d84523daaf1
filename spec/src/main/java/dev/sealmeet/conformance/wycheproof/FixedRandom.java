package dev.sealmeet.conformance.wycheproof;

import java.security.SecureRandom;

/**
 * A "random" source that returns exactly the bytes a vector prescribes (e.g. ML-KEM's {@code m}), so a
 * randomised operation of our API can be checked against a known answer. Fails loudly if asked for
 * more or fewer bytes than it holds. For vectors only; never a source of randomness.
 */
final class FixedRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private final byte[] bytes;
  private boolean used;

  FixedRandom(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  @Override
  public synchronized void nextBytes(byte[] out) {
    if (used || out.length != bytes.length) {
      throw new IllegalStateException(
          "vector randomness is " + bytes.length + " bytes, asked for " + out.length
              + (used ? " a second time" : ""));
    }
    used = true;
    System.arraycopy(bytes, 0, out, 0, bytes.length);
  }
}
