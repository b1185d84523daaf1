package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.error.SealmeetException;

/**
 * Runs the tests of one Wycheproof schema against Sealmeet's crypto API and states our policy for
 * them. The family compares the {@link Verdict} with the {@link #expectAccept expectation}.
 */
interface Check {
  /** A short label of the group's parameters for case names, e.g. {@code "keySize 128, ivSize 96"}. */
  String groupLabel(WycheproofTest t);

  /**
   * Why this test is not run (parameters our API deliberately does not offer), or {@code null} to
   * run it.
   */
  String skipReason(WycheproofTest t);

  /**
   * Whether our policy requires the API to accept this test: {@code valid} always, {@code invalid}
   * never, {@code acceptable} as {@code spec/wycheproof-policy.md} decides per flag.
   */
  boolean expectAccept(WycheproofTest t);

  /**
   * Runs the test against the API. Exceptions the API documents as rejection are turned into a
   * rejecting {@link Verdict}; anything else propagates and fails the case.
   */
  Verdict run(WycheproofTest t) throws SealmeetException;
}
