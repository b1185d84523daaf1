package dev.sealmeet.crypto.hpke;

import java.security.SecureRandom;

/**
 * A "random" source that hands out exactly the bytes it was given, in order, so that one code path
 * serves both fresh encapsulation and the derandomized encapsulation of known-answer tests ({@code
 * ikmE} of draft-ietf-hpke-pq's vectors, {@code eseed} of X-Wing's). Fails loudly when asked for more
 * than it holds; {@link #isExhausted()} tells whether all of it was used. Never a source of randomness.
 */
final class ExactRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private final byte[] bytes;
  private int position;

  ExactRandom(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  @Override
  public synchronized void nextBytes(byte[] out) {
    if (out.length > bytes.length - position) {
      throw new IllegalArgumentException("encapsulation randomness is " + bytes.length
          + " bytes, asked for " + out.length + " more after " + position);
    }
    System.arraycopy(bytes, position, out, 0, out.length);
    java.util.Arrays.fill(bytes, position, position + out.length, (byte) 0);
    position += out.length;
  }

  synchronized boolean isExhausted() {
    return position == bytes.length;
  }

  @Override
  public String toString() {
    return "ExactRandom[" + bytes.length + " bytes]";
  }
}
