package dev.sealmeet.conformance;

/**
 * The result of one vector case.
 *
 * @param name a stable, human-readable case name, e.g. {@code "suite 3 / case 12"}
 * @param outcome passed, failed or skipped
 * @param detail empty when passed; the failing field, or the skip reason
 */
public record CaseResult(String name, Outcome outcome, String detail) {
  /** A passed case. */
  public static CaseResult passed(String name) {
    return new CaseResult(name, Outcome.PASSED, "");
  }

  /** A failed case; {@code detail} names what differed (never a secret of the implementation). */
  public static CaseResult failed(String name, String detail) {
    return new CaseResult(name, Outcome.FAILED, detail);
  }

  /**
   * A case the code under test (or the vector) made throw: the detail is the exception's type and
   * message, which never carry secrets (see {@code dev.sealmeet.error}).
   */
  public static CaseResult failed(String name, Exception e) {
    return failed(name, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /** A skipped case with its reason. */
  public static CaseResult skipped(String name, String reason) {
    return new CaseResult(name, Outcome.SKIPPED, reason);
  }
}
