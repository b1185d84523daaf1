package dev.sealmeet.testing;

import dev.sealmeet.error.SealmeetException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * The invariant every fuzz target checks (issue 9 §2): the only throwable that escapes an entry
 * point is a {@link SealmeetException} subtype, and the heap one call allocates stays within a small
 * multiple of its input plus a fixed allowance, measured per thread as {@code
 * MessagesHostileInputProperties} does. Anything else escapes to Jazzer as a finding.
 */
public final class FuzzChecks {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

  static {
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  private FuzzChecks() {}

  /** One call into the code under test. */
  @FunctionalInterface
  public interface Call {
    /** Runs the entry point on the fuzzer's input. */
    void run() throws SealmeetException;
  }

  /** How much heap one call may allocate: {@code perInputByte * input length + fixed}. */
  public record Budget(long perInputByte, long fixed) {
    /**
     * Decoders: 32 bytes per input byte and 32 KiB, the bound {@code
     * MessagesHostileInputProperties} measured and documented.
     */
    public static final Budget DECODE = new Budget(32, 32 * 1024);

    /**
     * Whole protocol steps (signature checks, HPKE, key schedule, tree hashes): 64 bytes per input
     * byte and 4 MiB for the fixed cost of the cryptography in one step. A length trusted from the
     * wire (up to 2^30) would exceed it by orders of magnitude.
     */
    public static final Budget STEP = new Budget(64, 4L * 1024 * 1024);

    long limit(int inputLength) {
      return perInputByte * inputLength + fixed;
    }
  }

  /**
   * Runs {@code call}; returns whether it was rejected with a {@link SealmeetException}. Any other
   * throwable propagates, and an allocation over {@code budget} is an {@link AssertionError}.
   *
   * <p>A call during which the JVM loaded a class is not measured: loading, and Jazzer's
   * instrumentation of what was loaded, allocate on the calling thread. That happens on a path's
   * first run only, so a fuzzing run measures almost every call.
   */
  public static boolean rejects(int inputLength, Budget budget, Call call) {
    boolean rejected = false;
    long classes = CLASSES.getTotalLoadedClassCount();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      call.run();
    } catch (SealmeetException expected) {
      rejected = true;
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    if (CLASSES.getTotalLoadedClassCount() == classes && allocated > budget.limit(inputLength)) {
      throw new AssertionError("allocated " + allocated + " bytes for " + inputLength
          + " input bytes; the budget is " + budget.limit(inputLength));
    }
    return rejected;
  }
}
