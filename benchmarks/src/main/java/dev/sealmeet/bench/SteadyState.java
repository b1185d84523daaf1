package dev.sealmeet.bench;

import java.util.Arrays;

/**
 * Decides when a repeated measurement has reached its steady state: the last {@code window} batch
 * scores lie within {@code tolerance} of their median and the JIT compiled nothing while they ran.
 * Both conditions matter: a path can look flat for a while in C1-compiled code before C2 (and an
 * intrinsic such as AES-GCM's) takes over, which the compiler's activity shows and the scores alone
 * do not. A pure detector (no clock of its own), fed by {@link SteadyWarmup}.
 */
public final class SteadyState {
  private final int window;
  private final double tolerance;
  private final double[] scores;
  private final long[] compileMillis;
  private int count;

  /**
   * @param window how many consecutive batches must agree (at least 2)
   * @param tolerance the largest relative distance of a batch's score from the window's median,
   *     e.g. 0.05
   */
  public SteadyState(int window, double tolerance) {
    if (window < 2 || !(tolerance > 0)) {
      throw new IllegalArgumentException("window must be at least 2, tolerance positive");
    }
    this.window = window;
    this.tolerance = tolerance;
    this.scores = new double[window];
    this.compileMillis = new long[window];
  }

  /**
   * Adds one batch.
   *
   * @param score the batch's cost per operation (any unit, positive)
   * @param totalCompileMillis the JIT's total compilation time when the batch ended (from {@code
   *     CompilationMXBean}; a constant if the JVM does not report it)
   * @return whether the last {@code window} batches are steady
   */
  public boolean add(double score, long totalCompileMillis) {
    scores[count % window] = score;
    compileMillis[count % window] = totalCompileMillis;
    count++;
    return steady();
  }

  /** Whether the last {@code window} batches are steady (false before there are that many). */
  public boolean steady() {
    if (count < window) {
      return false;
    }
    long firstCompile = Long.MAX_VALUE;
    long lastCompile = Long.MIN_VALUE;
    for (long c : compileMillis) {
      firstCompile = Math.min(firstCompile, c);
      lastCompile = Math.max(lastCompile, c);
    }
    if (lastCompile != firstCompile) {
      return false; // the JIT was still at work during the window
    }
    double median = median();
    for (double s : scores) {
      if (Math.abs(s - median) > tolerance * median) {
        return false;
      }
    }
    return true;
  }

  /** The median score of the last {@code window} batches (of fewer, before there are that many). */
  public double median() {
    int n = Math.min(count, window);
    if (n == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(scores, n);
    Arrays.sort(sorted);
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** How many batches were added. */
  public int batches() {
    return count;
  }
}
