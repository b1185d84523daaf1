package dev.sealmeet.meeting;

import java.util.Objects;

/**
 * A Welcome naming a lobby guest's account that the guest did not join with, and why (spec
 * §3.3). An impostor's Welcome, or a broken one, is skipped; the guest keeps waiting.
 *
 * @param sequence the Welcome's sequence number in the delivery service's log
 * @param reason why it was skipped
 * @param detail the exception type or check that failed (no secret)
 */
public record WelcomeSkip(long sequence, Reason reason, String detail) {
  /** Checks nulls. */
  public WelcomeSkip {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** Why a Welcome was skipped. */
  public enum Reason {
    /** The envelope holds no decodable MLS message. */
    MALFORMED,
    /** None of the guest's KeyPackages opens it, or the group it opens is invalid. */
    CANNOT_OPEN,
    /** It opens a group other than the meeting of the invitation. */
    OTHER_MEETING,
    /** The group has no roles or media suite: not a meeting this client can take part in. */
    NOT_A_MEETING,
    /** It is not signed by the admitter the invitation names. */
    NOT_SIGNED_BY_ADMITTER,
    /** The admitter the invitation names may not admit in that group. */
    ADMITTER_MAY_NOT_ADMIT
  }
}
