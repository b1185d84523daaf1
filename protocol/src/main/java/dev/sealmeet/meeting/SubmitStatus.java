package dev.sealmeet.meeting;

/** The delivery service's verdict on one submitted envelope. */
public enum SubmitStatus {
  /** Ordered into the meeting's log (or ordered before, for a repeated submit id). */
  ACCEPTED,
  /** A handshake of an epoch other than the meeting's current one: not stored. */
  STALE_EPOCH,
  /**
   * Not a well-formed message of the current epoch from a current member (or, for a proposal, an
   * external sender), or a submit id reused for other bytes: not stored.
   */
  REFUSED
}
