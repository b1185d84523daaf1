package dev.sealmeet.meeting;

/**
 * The rules the meeting layer enforces, each with the section it rests on. A spec section can point
 * at one constant; the code that enforces it names the same constant.
 */
public enum MeetingRule {
  /** An Add was committed by a member whose role may not admit (issue 10, roles). */
  ADD_WITHOUT_RIGHT("meeting roles"),
  /** A Remove of another member was committed and proposed by members who may not remove. */
  REMOVE_WITHOUT_RIGHT("meeting roles"),
  /** The roles extension was changed by a member who may not assign roles. */
  ROLES_CHANGE_WITHOUT_RIGHT("meeting roles"),
  /** A roles change would leave the meeting without a host. */
  NO_HOST_LEFT("meeting roles"),
  /** A commit by a new member (external join): meetings admit only through the lobby. */
  EXTERNAL_JOIN("RFC 9420 §12.4.3.2"),
  /** An end-of-meeting message not sent by a host. */
  END_WITHOUT_RIGHT("meeting roles"),
  /** A member's credential was refused by the identity verifier (RFC 9420 §5.3.1). */
  IDENTITY_REFUSED("RFC 9420 §5.3.1"),
  /** A frame's KID names an epoch this member holds no keys for (RFC 9605 §5.2). */
  UNKNOWN_EPOCH("RFC 9605 §5.2"),
  /** A frame's KID names a sender that was not a member of its epoch (RFC 9605 §5.2). */
  UNKNOWN_SENDER("RFC 9605 §5.2"),
  /**
   * A proposal of a kind the meeting never commits by reference (ReInit, PreSharedKey, Add,
   * Update, GroupContextExtensions, ExternalInit, unknown types): refused on receipt and in a
   * commit, so that nothing proposed can block or widen a commit.
   */
  PROPOSAL_REFUSED("meeting proposals"),
  /** A commit adds a member that the new roles name: a former member's role would pass to it. */
  ROLE_OUTLIVES_MEMBER("meeting roles"),
  /**
   * The meeting's media parameters (SFrame suite, KID epoch bits, grace, send delay) are ones
   * this client cannot honour, or a commit would change them.
   */
  MEDIA_PARAMETERS("spec §2.1"),
  /**
   * A commit would add, change or drop the meeting's sender-authentication requirement (spec
   * §2.7), which is fixed for the life of the meeting.
   */
  SENDER_AUTHENTICATION("spec §2.7"),
  /** A control envelope of a kind this call does not take, or for another meeting. */
  UNEXPECTED_ENVELOPE("meeting control messages"),
  /** The meeting was ended or this member is no longer in it. */
  NOT_IN_MEETING("meeting lifecycle"),
  /** The delivery service ordered a commit this member rejected; see {@link Stall}. */
  STALLED("delivery-service contract"),
  /**
   * A pushed envelope's sequence number is ahead of the member's next one: envelopes before it
   * are missing, and the member reads the log from its {@link Meeting#nextSequence()} first.
   */
  SEQUENCE_GAP("delivery-service contract");

  private final String section;

  MeetingRule(String section) {
    this.section = section;
  }

  /** The RFC section or design section the rule rests on. */
  public String section() {
    return section;
  }
}
