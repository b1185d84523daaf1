package dev.sealmeet.crypto.hpke;

/**
 * The sender's HPKE context, ContextS (RFC 9180 §5.2): {@link #enc()} to send, then {@link #seal} for
 * each message in order.
 */
public final class HpkeSenderContext extends HpkeContext {
  private final byte[] enc;

  HpkeSenderContext(Hpke suite, KeySchedule.Output schedule, byte[] enc) {
    super(suite, schedule);
    this.enc = enc.clone();
  }

  /** The encapsulated key {@code enc} the receiver needs for its setup. */
  public byte[] enc() {
    return enc.clone();
  }

  /**
   * ContextS.Seal(aad, pt): encrypts with the nonce of the current sequence number, then increments
   * it.
   *
   * @throws IllegalStateException for an export-only context, a destroyed context, or when the
   *     message limit is reached
   */
  public synchronized byte[] seal(byte[] aad, byte[] plaintext) {
    byte[] nonce = currentNonce();
    incrementSeq();
    return aead().seal(key(), nonce, aad, plaintext);
  }
}
