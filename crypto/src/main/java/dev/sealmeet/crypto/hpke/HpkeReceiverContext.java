package dev.sealmeet.crypto.hpke;

import dev.sealmeet.error.AuthenticationException;

/**
 * The receiver's HPKE context, ContextR (RFC 9180 §5.2): {@link #open} each message in the sender's
 * order. A failed open leaves the sequence number unchanged.
 */
public final class HpkeReceiverContext extends HpkeContext {

  HpkeReceiverContext(Hpke suite, KeySchedule.Output schedule) {
    super(suite, schedule);
  }

  /**
   * ContextR.Open(aad, ct): decrypts with the nonce of the current sequence number and increments it
   * on success only.
   *
   * @throws AuthenticationException if the ciphertext does not verify (the sequence number is kept)
   * @throws IllegalStateException for an export-only context, a destroyed context, or when the
   *     message limit is reached
   */
  public synchronized byte[] open(byte[] aad, byte[] ciphertext) throws AuthenticationException {
    byte[] nonce = currentNonce();
    if (sequenceNumber() == Long.MAX_VALUE) {
      incrementSeq(); // throws: the message limit is reached before any decryption
    }
    byte[] plaintext = aead().open(key(), nonce, aad, ciphertext);
    incrementSeq();
    return plaintext;
  }
}
