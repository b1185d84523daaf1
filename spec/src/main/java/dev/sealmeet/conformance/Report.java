package dev.sealmeet.conformance;

import java.util.List;

/** The results of a whole conformance run. */
public record Report(List<FileReport> files) {
  /** Copies the file list. */
  public Report {
    files = List.copyOf(files);
  }

  /** Passed cases over all files. */
  public long passed() {
    return files.stream().mapToLong(f -> f.count(Outcome.PASSED)).sum();
  }

  /** Failed cases plus file-level errors over all files. */
  public long failed() {
    return files.stream().mapToLong(FileReport::failures).sum();
  }

  /**
   * Whether the run succeeded: no case or file failed (an unrecognised file is a failure), and at
   * least one case passed, so that a run over nothing, or over skips only, does not pass.
   */
  public boolean succeeded() {
    return failed() == 0 && passed() > 0;
  }

  /** Skipped cases over all files. */
  public long skipped() {
    return files.stream().mapToLong(f -> f.count(Outcome.SKIPPED)).sum();
  }
}
