package dev.sealmeet.meeting;

/**
 * A membership change as a member saw it when it merged the commit, with the identity its
 * verifier vouched for and the security code of the new epoch.
 *
 * @param epoch the epoch the change started
 * @param kind what happened
 * @param leaf the leaf index concerned
 * @param identity the verified identity of that leaf
 * @param byLeaf the committer's leaf
 * @param securityCode the new epoch's security code
 */
public record RosterEvent(long epoch, Kind kind, long leaf, VerifiedIdentity identity,
    long byLeaf, String securityCode) {
  /** What happened. */
  public enum Kind {
    /** The meeting was opened, or this member joined. */
    OPENED,
    /** Admitted from the lobby. */
    JOINED,
    /** Removed by someone else (a moderator, or on the delivery service's proposal). */
    REMOVED,
    /** Left by its own proposal. */
    LEFT
  }
}
