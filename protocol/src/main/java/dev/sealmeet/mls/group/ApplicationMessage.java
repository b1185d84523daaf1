package dev.sealmeet.mls.group;

/**
 * Application data from a member (RFC 9420 §6.3), decrypted and authenticated.
 *
 * @param epoch the epoch it was sent in (may be a kept past epoch)
 * @param senderLeaf the sender's leaf index in that epoch
 * @param authenticatedData the sender's authenticated, unencrypted data (copied in and out)
 * @param data the plaintext (copied in and out)
 */
public record ApplicationMessage(long epoch, long senderLeaf, byte[] authenticatedData,
    byte[] data) implements ProcessedMessage {
  /** Copies the arrays. */
  public ApplicationMessage {
    authenticatedData = authenticatedData.clone();
    data = data.clone();
  }

  /** A copy of the authenticated data. */
  @Override
  public byte[] authenticatedData() {
    return authenticatedData.clone();
  }

  /** A copy of the plaintext. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Never the plaintext. */
  @Override
  public String toString() {
    return "ApplicationMessage[epoch " + epoch + ", leaf " + senderLeaf + ", " + data.length
        + " bytes]";
  }
}
