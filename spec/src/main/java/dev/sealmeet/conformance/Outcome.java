package dev.sealmeet.conformance;

/** How one vector case ended. */
public enum Outcome {
  /** Every check of the case held. */
  PASSED,
  /** At least one check failed; the detail says which field. */
  FAILED,
  /** The case was not run; the detail gives the reason (never silently dropped). */
  SKIPPED
}
