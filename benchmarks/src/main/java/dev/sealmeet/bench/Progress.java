package dev.sealmeet.bench;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a quick benchmark run of a known number of cells: one line per finished cell with
 * the time so far and an estimate of what remains (the mean time per finished cell times the cells
 * left). The clock is injected.
 */
public final class Progress {
  private final int expected;
  private final LongSupplier nanoTime;
  private final long start;
  private int done;

  /**
   * @param expected cells the run will measure (at least 1)
   * @param nanoTime the clock, e.g. {@code System::nanoTime}
   */
  public Progress(int expected, LongSupplier nanoTime) {
    if (expected < 1) {
      throw new IllegalArgumentException("expected cells: " + expected);
    }
    this.expected = expected;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /**
   * Counts one finished cell and returns its line, e.g. {@code [ 3/24] JoinBenchmark.sealmeet
   * members=10: 1.234 ms/op (6 s so far, about 42 s left)}.
   *
   * @param cell the cell's name and parameters
   * @param score its score and unit, or a reason it has none
   */
  public String finished(String cell, String score) {
    done++;
    long elapsed = nanoTime.getAsLong() - start;
    int left = Math.max(expected - done, 0);
    long leftSeconds = Math.round(elapsed / 1e9 / done * left);
    int width = String.valueOf(expected).length();
    return String.format(Locale.ROOT, "[%" + width + "d/%d] %s: %s (%d s so far, %s)", done,
        expected, cell, score, Math.round(elapsed / 1e9),
        left == 0 ? "done" : "about " + leftSeconds + " s left");
  }
}
