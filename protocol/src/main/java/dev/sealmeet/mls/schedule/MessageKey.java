package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.mls.crypto.MlsSuite;

/**
 * The key and nonce of one generation of a sender's hash ratchet (RFC 9420 §9.1), single use. Seal and
 * open XOR the message's reuse guard into the nonce (§6.3.1). Destroy it after use.
 */
public final class MessageKey extends AeadKeyNonce {
  private final long generation;

  MessageKey(MlsSuite suite, long generation, Secret key, Secret nonce) {
    super(suite, key, nonce);
    this.generation = generation;
  }

  /** The ratchet generation this key belongs to. */
  public long generation() {
    return generation;
  }

  /**
   * AEAD-encrypts PrivateMessageContent under PrivateContentAAD.
   *
   * @param reuseGuard the four random bytes also sent in SenderData
   */
  public byte[] seal(byte[] reuseGuard, byte[] aad, byte[] plaintext) {
    return sealWith(requireGuard(reuseGuard), aad, plaintext);
  }

  /**
   * AEAD-decrypts a PrivateMessage ciphertext.
   *
   * @param reuseGuard the reuse guard from the decrypted SenderData
   * @throws AuthenticationException if the tag does not verify
   */
  public byte[] open(byte[] reuseGuard, byte[] aad, byte[] ciphertext)
      throws AuthenticationException {
    return openWith(requireGuard(reuseGuard), aad, ciphertext);
  }

  private static byte[] requireGuard(byte[] reuseGuard) {
    if (reuseGuard == null) {
      throw new IllegalArgumentException("a message key needs the 4-byte reuse guard");
    }
    return reuseGuard;
  }

  /** Generation only. */
  @Override
  public String toString() {
    return "MessageKey[generation " + generation + (isDestroyed() ? ", destroyed]" : "]");
  }
}
