package dev.sealmeet.sframe;

import dev.sealmeet.crypto.Secret;
import java.util.Arrays;

/**
 * The per-KID state derived once at key install: the keyed AEAD (its JCE objects created here),
 * {@code sframe_salt} and a nonce scratch array. A sender key adds its next CTR; a receiver key
 * adds its replay window.
 */
final class FrameKey {
  final long kid;
  final FrameAead aead;
  private final byte[] salt;
  final byte[] nonce = new byte[SframeSuite.NONCE_LENGTH];
  /** Sender only: the next CTR to use (unsigned). */
  long nextCtr;
  /** Sender only: set once CTR 2^64-1 was used. */
  boolean exhausted;
  /** Receiver only. */
  final ReplayWindow window;

  private FrameKey(long kid, FrameAead aead, byte[] salt, long nextCtr, ReplayWindow window) {
    this.kid = kid;
    this.aead = aead;
    this.salt = salt;
    this.nextCtr = nextCtr;
    this.window = window;
  }

  /** Derives {@code sframe_key} and {@code sframe_salt} (RFC 9605 §4.4.2) and keys the AEAD. */
  static FrameKey derive(SframeSuite suite, FrameCrypto crypto, long kid, Secret baseKey,
      long firstCtr, ReplayWindow window) {
    SframeKeyMaterial material = SframeKeySchedule.derive(suite, kid, baseKey);
    byte[] key = material.key().copyBytes();
    try {
      return new FrameKey(kid, FrameAead.create(suite, key, crypto), material.salt().copyBytes(),
          firstCtr, window);
    } finally {
      Arrays.fill(key, (byte) 0);
      material.destroy();
    }
  }

  /** Writes {@code sframe_salt XOR CTR} (CTR big-endian in the last 8 bytes) to {@link #nonce}. */
  void computeNonce(long ctr) {
    SframeKeySchedule.xorCounter(salt, ctr, nonce);
  }

  void destroy() {
    aead.destroy();
    Arrays.fill(salt, (byte) 0);
    Arrays.fill(nonce, (byte) 0);
  }
}
