package dev.sealmeet.cli;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole (a load test records thousands, not millions) and sorted
 * for percentiles. Thread-safe.
 */
final class Latencies {
  private long[] values = new long[1024];
  private int size;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized int count() {
    return size;
  }

  /**
   * The value at quantile {@code q} in [0, 1] (nearest rank), or -1 if there is none.
   */
  synchronized long quantile(double q) {
    if (size == 0) {
      return -1;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size);
    return sorted[Math.min(size - 1, Math.max(0, rank - 1))];
  }

  long max() {
    return quantile(1.0);
  }
}
