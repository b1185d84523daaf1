package dev.sealmeet.conformance.wycheproof;

/**
 * What our crypto API did with one Wycheproof test: accepted it (and whether every output matched the
 * expected values), or rejected it (and how).
 *
 * @param accepted whether the API accepted the input (verify true, open/dh/expand returned)
 * @param detail when accepted: empty if every output matched, else the first field that differed;
 *     when rejected: how (the exception type and message, or "verify returned false")
 */
record Verdict(boolean accepted, String detail) {
  /** Accepted with every output as expected. */
  static Verdict acceptedMatching() {
    return new Verdict(true, "");
  }

  /** Accepted, but {@code field} differed from the expected value. */
  static Verdict acceptedMismatch(String field) {
    return new Verdict(true, field + " differs from the expected value");
  }

  /** Rejected, {@code how}. */
  static Verdict rejected(String how) {
    return new Verdict(false, how);
  }

  /** Rejected by an exception of the API. */
  static Verdict rejected(Exception e) {
    return new Verdict(false, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /** Accepted with matching output if {@code matches}, else a mismatch on {@code field}. */
  static Verdict acceptedComparing(boolean matches, String field) {
    return matches ? acceptedMatching() : acceptedMismatch(field);
  }
}
