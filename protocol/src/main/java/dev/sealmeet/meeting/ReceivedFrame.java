package dev.sealmeet.meeting;

/**
 * A media frame that authenticated and decrypted under the key its KID names.
 *
 * @param epoch the MLS epoch whose keys protected it
 * @param senderLeaf the sender's leaf index in that epoch
 * @param payload the plaintext frame (copied in and out)
 */
public record ReceivedFrame(long epoch, long senderLeaf, byte[] payload) {
  /** Copies the payload. */
  public ReceivedFrame {
    payload = payload.clone();
  }

  /** A copy of the plaintext. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** Never the plaintext. */
  @Override
  public String toString() {
    return "ReceivedFrame[epoch " + epoch + ", leaf " + senderLeaf + ", " + payload.length
        + " bytes]";
  }
}
