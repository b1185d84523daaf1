package dev.sealmeet.conformance;

import java.util.List;

/**
 * The results for one vector file.
 *
 * @param file the path relative to the folder given, '/'-separated
 * @param family the family that ran it, or empty if the file was not recognised
 * @param cases the case results (empty if unrecognised)
 * @param error a file-level failure (unreadable, invalid JSON, malformed, unrecognised), or empty
 */
public record FileReport(String file, String family, List<CaseResult> cases, String error) {
  /** The error of a file no family claims: a failure, so a run cannot pass by doing nothing. */
  public static final String UNRECOGNISED = "unrecognised (no vector family runs this file)";

  /** Copies the case list. */
  public FileReport {
    cases = List.copyOf(cases);
  }

  /** The report of a file that no family claimed. */
  public static FileReport unrecognised(String file) {
    return new FileReport(file, "", List.of(), UNRECOGNISED);
  }

  /** Whether no family claimed the file. */
  public boolean unrecognised() {
    return family.isEmpty() && error.equals(UNRECOGNISED);
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
