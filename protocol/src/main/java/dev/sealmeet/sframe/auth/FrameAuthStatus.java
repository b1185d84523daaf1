package dev.sealmeet.sframe.auth;

/** Where a received frame stands with sender authentication (spec §2.7, [SM-AUTH-4]). */
public enum FrameAuthStatus {
  /** No verified signature frame covers it yet; the application decides whether to render it. */
  PENDING,
  /** A signature of the sender leaf's key lists its (KID, CTR, tag). Never changes. */
  VERIFIED,
  /**
   * A signature lists another tag for its CTR, or none came in time while no statement of its
   * sender is known lost. Never changes.
   */
  FORGED,
  /**
   * No signature listed it in time, but a statement of its sender that may have listed it is known
   * lost (its number is missing): loss, not shown to be forgery. Never verified; the application
   * treats it as it treats a PENDING frame. Never changes.
   */
  UNVERIFIED,
  /** Not (or no longer) tracked: never recorded, or past the frames kept per KID. */
  UNKNOWN
}
