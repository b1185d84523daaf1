package dev.sealmeet.conformance;

import java.util.List;

/**
 * The results for one vector file.
 *
 * @param file the path relative to the folder given, '/'-separated
 * @param family the family that ran it, or empty if the file was not recognised
 * @param cases the case results (empty if unrecognised)
 * @param error a file-level failure (unreadable, invalid JSON), or empty
 */
public record FileReport(String file, String family, List<CaseResult> cases, String error) {
  /** Copies the case list. */
  public FileReport {
    cases = List.copyOf(cases);
  }

  /** Whether no family claimed the file. */
  public boolean unrecognised() {
    return family.isEmpty() && error.isEmpty();
  }

  /** Number of cases with {@code outcome}. */
  public long count(Outcome outcome) {
    return cases.stream().filter(c -> c.outcome() == outcome).count();
  }

  /** Failed cases plus one for a file-level error. */
  public long failures() {
    return count(Outcome.FAILED) + (error.isEmpty() ? 0 : 1);
  }
}
