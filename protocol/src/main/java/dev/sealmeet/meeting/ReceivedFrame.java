package dev.sealmeet.meeting;

/**
 * A media frame that authenticated and decrypted under the key its KID names.
 *
 * @param epoch the MLS epoch whose keys protected it
 * @param senderLeaf the leaf whose KID the frame carries. Group-authenticated only: every member
 *     of the epoch holds its {@code base_key} and can derive any member's key (RFC 9605 §9), so a
 *     member can send a frame under another member's KID; it is not proof of the sender
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
