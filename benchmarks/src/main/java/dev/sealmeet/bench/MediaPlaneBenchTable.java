package dev.sealmeet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link MediaPlaneRekeyBenchmark} through the JMH API with short settings and prints one
 * table: media-thread throughput with and without epoch changes, their ratio, and p50 / p99 / p99.9
 * per frame, with the CPU, JDK and load-average lines. {@code java -cp
 * benchmarks/target/benchmarks.jar dev.sealmeet.bench.MediaPlaneBenchTable [forks warmup-ms
 * measure-ms iterations install-every-us]} (the last: the control thread's period, default 1,000).
 */
public final class MediaPlaneBenchTable {
  private MediaPlaneBenchTable() {}

  /**
   * Runs and prints to standard output.
   *
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int warmupMillis = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int measureMillis = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    long installMicros = args.length > 4 ? Long.parseLong(args[4]) : 1000;
    PrintStream out = System.out;
    String loadBefore = loadAverage();
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(MediaPlaneRekeyBenchmark.class.getSimpleName())
        .include(MediaPlaneCommitBenchmark.class.getSimpleName())
        .mode(Mode.Throughput).mode(Mode.SampleTime)
        .forks(forks).jvmArgsAppend("-Dsealmeet.installEveryMicros=" + installMicros)
        .warmupIterations(2).warmupTime(TimeValue.milliseconds(warmupMillis))
        .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(measureMillis))
        .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).run();
    Map<String, Result<?>> byKey = new HashMap<>();
    for (RunResult r : results) {
      String mode = r.getParams().getMode().shortLabel();
      String benchmark = r.getParams().getBenchmark();
      String group = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      r.getSecondaryResults().forEach((label, result) -> byKey.put(
          mode + "/" + (label.equals("lost") ? group + "/lost" : label), result));
    }
    out.println("Media plane, 4 media threads, 1,200-byte frames, protect + unprotect, an epoch "
        + "installed every " + installMicros + " us (quick run: short, noisy; see "
        + "benchmarks/README.md)");
    out.println(CpuLine.describe());
    out.println("load average before: " + loadBefore + "; after: " + loadAverage());
    out.printf(Locale.ROOT, "%-12s %16s %10s %10s %10s %8s%n", "group", "frames/ms (all)",
        "p50 us", "p99 us", "p99.9 us", "lost");
    double steady = row(out, "steady", "frameSteady", byKey);
    double rekeying = row(out, "rekeying", "frameRekeying", byKey);
    double aside = row(out, "commitAside", "frameCommitAside", byKey);
    double committing = row(out, "committing", "frameCommitting", byKey);
    out.printf(Locale.ROOT, "throughput ratio rekeying / steady: %.3f%n", rekeying / steady);
    out.printf(Locale.ROOT, "throughput ratio committing / commitAside (real MLS commits of a "
        + "%d-member group, back to back): %.3f%n", MediaPlaneCommitBenchmark.MEMBERS,
        committing / aside);
  }

  private static double row(PrintStream out, String group, String method,
      Map<String, Result<?>> byKey) {
    Result<?> thrpt = byKey.get("thrpt/" + method);
    Result<?> sample = byKey.get("sample/" + method);
    Result<?> lost = byKey.get("thrpt/" + group + "/lost");
    double perMs = thrpt == null ? Double.NaN : thrpt.getScore() * 1000;
    Statistics s = sample == null ? null : sample.getStatistics();
    out.printf(Locale.ROOT, "%-12s %16.1f %10.2f %10.2f %10.2f %8.0f%n", group, perMs,
        s == null ? Double.NaN : s.getPercentile(50), s == null ? Double.NaN : s.getPercentile(99),
        s == null ? Double.NaN : s.getPercentile(99.9), lost == null ? Double.NaN : lost.getScore());
    return perMs;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
