package dev.sealmeet.sframe.auth;

/** Why a frame was reported forged (spec §2.7). */
public enum ForgeryReason {
  /**
   * A verified signature of the claimed sender lists another tag for the frame's CTR: proof that
   * someone else made the frame.
   */
  TAG_MISMATCH,
  /**
   * No verified signature listed the frame within the deadline, or it left the frames kept first: a
   * presumption (every copy of an honest statement lost, or dropped by a relay, looks the same).
   */
  UNSIGNED
}
