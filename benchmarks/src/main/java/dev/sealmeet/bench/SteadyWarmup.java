package dev.sealmeet.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs one benchmark path in this JVM until {@link SteadyState} says its cost stopped changing,
 * or a time budget ends (then the outcome says it is not steady). Batches are sized to take about
 * {@link #BATCH_NANOS} each once the path is warm.
 */
public final class SteadyWarmup {
  /** The target length of one batch. */
  static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /** Batches that must agree. */
  static final int WINDOW = 5;
  /** How far a batch may lie from the window's median. */
  static final double TOLERANCE = 0.05;

  /** One operation of the path. */
  @FunctionalInterface
  public interface Operation {
    void run() throws Exception;
  }

  /**
   * What the warm-up found.
   *
   * @param steady whether the path reached its steady state within the budget
   * @param nanosPerOp the median cost of the last batches
   * @param elapsedNanos how long the warm-up ran
   */
  public record Outcome(boolean steady, double nanosPerOp, long elapsedNanos) {}

  private SteadyWarmup() {}

  /**
   * Warms {@code op} up.
   *
   * @param budgetNanos the longest warm-up
   * @throws Exception what {@code op} throws
   */
  public static Outcome run(Operation op, long budgetNanos) throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
    SteadyState state = new SteadyState(WINDOW, TOLERANCE);
    long start = System.nanoTime();
    long ops = 1;
    while (true) {
      long batchStart = System.nanoTime();
      for (long i = 0; i < ops; i++) {
        op.run();
      }
      long now = System.nanoTime();
      long took = Math.max(1, now - batchStart);
      boolean steady = state.add((double) took / ops, jitTimed ? jit.getTotalCompilationTime() : 0);
      if (steady || now - start >= budgetNanos) {
        return new Outcome(steady, state.median(), now - start);
      }
      ops = Math.max(1, Math.min(ops * 4, ops * BATCH_NANOS / took));
    }
  }
}
