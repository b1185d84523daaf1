package dev.sealmeet.meeting;

import dev.sealmeet.sframe.auth.FrameAuthStatus;
import java.util.Objects;

/**
 * A media frame that authenticated and decrypted under the key its KID names.
 *
 * @param epoch the MLS epoch whose keys protected it
 * @param senderLeaf the leaf whose KID the frame carries. Group-authenticated only: every member
 *     of the epoch holds its {@code base_key} and can derive any member's key (RFC 9605 §9), so a
 *     member can send a frame under another member's KID; it is not proof of the sender until
 *     sender authentication (spec §2.7) says {@link FrameAuthStatus#VERIFIED}
 * @param payload the plaintext frame (copied in and out)
 * @param kid the KID it carried, or -1 if not known
 * @param ctr its SFrame CTR, or -1 if not known
 * @param authStatus its sender-authentication status when it was returned: usually {@link
 *     FrameAuthStatus#PENDING} (ask {@link SenderAuthentication#status} later), {@link
 *     FrameAuthStatus#UNKNOWN} if the meeting does not require sender authentication
 */
public record ReceivedFrame(long epoch, long senderLeaf, byte[] payload, long kid, long ctr,
    FrameAuthStatus authStatus) {
  /** Copies the payload. */
  public ReceivedFrame {
    payload = payload.clone();
    Objects.requireNonNull(authStatus, "authStatus");
  }

  /** A frame whose KID and CTR are not known and that no sender authentication tracked. */
  public ReceivedFrame(long epoch, long senderLeaf, byte[] payload) {
    this(epoch, senderLeaf, payload, -1, -1, FrameAuthStatus.UNKNOWN);
  }

  /** This frame with {@code status} as its sender-authentication status. */
  public ReceivedFrame withAuthStatus(FrameAuthStatus status) {
    return new ReceivedFrame(epoch, senderLeaf, payload, kid, ctr, status);
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
        + " bytes, " + authStatus + "]";
  }
}
