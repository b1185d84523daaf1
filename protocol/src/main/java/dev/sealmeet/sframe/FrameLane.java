package dev.sealmeet.sframe;

import java.util.Arrays;

/**
 * What one thread needs to seal or open one frame under one KID: a keyed AEAD (its JCE objects are
 * not thread-safe), a private copy of {@code sframe_salt}, and the nonce and header scratch. A
 * {@link FrameKey} lends a lane to one thread at a time, so no two threads ever share a JCE object
 * or a scratch array, and a lane's key bytes are wiped only by the thread that holds it or after it
 * came back.
 */
final class FrameLane {
  final FrameAead aead;
  private final byte[] salt;
  final byte[] nonce = new byte[SframeSuite.NONCE_LENGTH];
  final byte[] header = new byte[SframeHeader.MAX_LENGTH];

  FrameLane(FrameAead aead, byte[] salt) {
    this.aead = aead;
    this.salt = salt.clone();
  }

  /** Writes {@code sframe_salt XOR CTR} (RFC 9605 §4.4.3) to {@link #nonce}. */
  void computeNonce(long ctr) {
    SframeKeySchedule.xorCounter(salt, ctr, nonce);
  }

  /** Wipes the key bytes, the salt and the scratch. */
  void destroy() {
    aead.destroy();
    Arrays.fill(salt, (byte) 0);
    Arrays.fill(nonce, (byte) 0);
    Arrays.fill(header, (byte) 0);
  }
}
