package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import java.security.SecureRandom;

/**
 * The four-byte reuse guard of RFC 9420 §6.3.1: XORed into the first four bytes of a key-schedule
 * nonce so that a sender that lost its ratchet state still does not reuse a (key, nonce) pair.
 */
public final class ReuseGuard {
  /** Length of {@code reuse_guard} in SenderData (RFC 9420 §6.3.2). */
  public static final int LENGTH = 4;

  private ReuseGuard() {}

  /** A fresh random reuse guard. */
  public static byte[] random(SecureRandom random) {
    byte[] guard = new byte[LENGTH];
    random.nextBytes(guard);
    return guard;
  }

  /**
   * The nonce with {@code guard} XORed into its first four bytes; {@code guard == null} leaves the
   * nonce as it is (sender data, Welcome). The caller owns and should wipe the result.
   *
   * @throws IllegalArgumentException if {@code guard} is not four bytes or the nonce is shorter
   */
  public static byte[] apply(Secret nonce, byte[] guard) {
    byte[] n = nonce.copyBytes();
    if (guard == null) {
      return n;
    }
    if (guard.length != LENGTH || n.length < LENGTH) {
      throw new IllegalArgumentException(
          "reuse guard must be 4 bytes and the nonce at least 4: " + guard.length + ", " + n.length);
    }
    for (int i = 0; i < LENGTH; i++) {
      n[i] ^= guard[i];
    }
    return n;
  }
}
