package dev.sealmeet.bench.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH benchmark cell: the benchmark method, its parameters, and the primary score with its
 * error (the half-width of JMH's 99.9% confidence interval; {@code NaN} when JMH had too few
 * iterations to give one).
 *
 * @param benchmark fully qualified method, e.g. {@code dev.sealmeet.bench.JoinBenchmark.sealmeet}
 * @param params parameter name to value, sorted by name
 * @param score the primary metric's score
 * @param error the score's error, or {@code NaN}
 * @param unit JMH's unit, e.g. {@code ms/op}
 */
public record JmhResult(
    String benchmark, Map<String, String> params, double score, double error, String unit) {

  /** Copies {@code params} into a sorted, unmodifiable map. */
  public JmhResult {
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** The benchmark class without its package, e.g. {@code JoinBenchmark}. */
  public String className() {
    String[] parts = benchmark.split("\\.");
    return parts.length < 2 ? benchmark : parts[parts.length - 2];
  }

  /** The benchmark method, e.g. {@code sealmeet}. */
  public String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** {@code Class.method}, the name tables print. */
  public String shortName() {
    return className() + "." + method();
  }
}
