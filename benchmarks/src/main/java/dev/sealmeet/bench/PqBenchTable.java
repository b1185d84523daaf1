package dev.sealmeet.bench;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the post-quantum suite benchmarks ({@link PqBenchmarkBase}) through the JMH API with short
 * settings and prints two tables: ms/op per operation, group size and suite, and the wire sizes of
 * KeyPackage, commits and Welcome ({@link PqSizes}); each post-quantum column is followed by its
 * ratio to suite 1 of the same run. Used by {@code sealmeet bench pq}. A benchmark that fails
 * prints {@code -} instead of stopping the table.
 */
public final class PqBenchTable {
  private static final String[] OPS = {"add", "update"};

  private final int forks;
  private final int warmupMillis;
  private final int measureMillis;
  private final List<String> members;
  private final List<RunResult> results = new ArrayList<>();
  private ProgressFormat progress;

  /**
   * @param forks JMH forks per benchmark (0 runs in this JVM)
   * @param warmupMillis one warm-up iteration of this length
   * @param measureMillis one measured iteration of this length
   * @param members group sizes, e.g. {@code ["10", "100", "1000"]}
   */
  public PqBenchTable(int forks, int warmupMillis, int measureMillis, List<String> members) {
    this.forks = forks;
    this.warmupMillis = warmupMillis;
    this.measureMillis = measureMillis;
    this.members = List.copyOf(members);
  }

  /**
   * Runs the benchmarks, computes the sizes and prints both tables to {@code out}.
   *
   * @throws RunnerException if JMH fails
   * @throws SealmeetException if a group for the sizes cannot be built
   */
  public void run(PrintStream out) throws RunnerException, SealmeetException {
    Map<String, Double> score = new HashMap<>();
    results.clear();
    // per suite: KeyPackage, 2 ops x create/process, join
    int suites = PqBenchmarkBase.SUITES.length;
    progress = new ProgressFormat(new Progress(
        suites * (1 + 2 * 2 * members.size() + members.size()), System::nanoTime), System.err);
    collect(score, run(PqKeyPackageBenchmark.class));
    collect(score, run(PqCommitCreateBenchmark.class));
    collect(score, run(PqCommitProcessBenchmark.class));
    collect(score, run(PqJoinBenchmark.class));
    List<Integer> sizes = new ArrayList<>();
    members.forEach(n -> sizes.add(Integer.parseInt(n)));
    Map<String, Map<String, Integer>> bytes = new HashMap<>();
    for (String suite : PqBenchmarkBase.SUITES) {
      bytes.put(suite, PqSizes.of(Integer.decode(suite), sizes));
    }
    print(score, bytes, out);
  }

  private Collection<RunResult> run(Class<?> benchmark) throws RunnerException {
    OptionsBuilder options = new OptionsBuilder();
    options.include(benchmark.getName() + "\\.");
    if (!benchmark.equals(PqKeyPackageBenchmark.class)) {
      options.param("members", members.toArray(new String[0]));
    }
    options.forks(forks)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(warmupMillis))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(measureMillis))
        .verbosity(VerboseMode.SILENT)
        .shouldFailOnError(false);
    Collection<RunResult> cells = new Runner(options.build(), progress).run();
    results.addAll(cells);
    return cells;
  }

  /**
   * Every cell measured by the last {@link #run}, as JMH returned them (for a plot of the run).
   */
  public List<RunResult> results() {
    return List.copyOf(results);
  }

  private static void collect(Map<String, Double> score, Collection<RunResult> results) {
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String benchmark = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1,
          name.lastIndexOf('.'));
      String op = r.getParams().getParam("op");
      String n = r.getParams().getParam("members");
      score.put(benchmark + "/" + (op == null ? "-" : op) + "/" + (n == null ? "-" : n) + "/"
          + r.getParams().getParam("suite"), r.getPrimaryResult().getScore());
    }
  }

  private void print(Map<String, Double> score, Map<String, Map<String, Integer>> bytes,
      PrintStream out) {
    out.println("MLS post-quantum suites against suite 1, Sealmeet, ms/op (quick run: short, "
        + "noisy; see benchmarks/README.md)");
    out.println(CpuLine.describe());
    for (String suite : PqBenchmarkBase.SUITES) {
      out.println("  " + suite + " = " + SuiteRegistry.draftPq()
          .definition(Integer.decode(suite)).orElseThrow().name());
    }
    header(out, "operation");
    row(out, "KeyPackage", "-", suite -> score.get("PqKeyPackageBenchmark/-/-/" + suite));
    for (String op : OPS) {
      for (String n : members) {
        row(out, "create " + op, n,
            suite -> score.get("PqCommitCreateBenchmark/" + op + "/" + n + "/" + suite));
      }
    }
    for (String op : OPS) {
      for (String n : members) {
        row(out, "process " + op, n,
            suite -> score.get("PqCommitProcessBenchmark/" + op + "/" + n + "/" + suite));
      }
    }
    for (String n : members) {
      row(out, "join (Welcome)", n, suite -> score.get("PqJoinBenchmark/-/" + n + "/" + suite));
    }
    out.println();
    out.println("Wire sizes, bytes (encoded MLSMessage)");
    header(out, "message");
    row(out, "KeyPackage", "-", suite -> size(bytes, suite, "KeyPackage/-"));
    for (String what : List.of("add commit", "Welcome", "update commit")) {
      for (String n : members) {
        row(out, what, n, suite -> size(bytes, suite, what + "/" + n));
      }
    }
  }

  private static Double size(Map<String, Map<String, Integer>> bytes, String suite, String key) {
    Integer value = bytes.get(suite).get(key);
    return value == null ? null : value.doubleValue();
  }

  private static void header(PrintStream out, String first) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s", first,
        "members"));
    for (int i = 0; i < PqBenchmarkBase.SUITES.length; i++) {
      line.append(String.format(Locale.ROOT, " %10s", PqBenchmarkBase.SUITES[i]));
      if (i > 0) {
        line.append(String.format(Locale.ROOT, " %8s", "x 0x0001"));
      }
    }
    out.println(line);
  }

  private static void row(PrintStream out, String label, String n,
      java.util.function.Function<String, Double> value) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s", label, n));
    Double base = value.apply(PqBenchmarkBase.SUITES[0]);
    for (int i = 0; i < PqBenchmarkBase.SUITES.length; i++) {
      Double v = value.apply(PqBenchmarkBase.SUITES[i]);
      line.append(String.format(Locale.ROOT, " %10s", number(v)));
      if (i > 0) {
        line.append(String.format(Locale.ROOT, " %8s", base == null || v == null
            ? "-" : String.format(Locale.ROOT, "%.2f", v / base)));
      }
    }
    out.println(line);
  }

  private static String number(Double v) {
    if (v == null) {
      return "-";
    }
    if (v == Math.rint(v) && v >= 100) {
      return String.format(Locale.ROOT, "%,d", v.longValue());
    }
    return String.format(Locale.ROOT, v < 10 ? "%.3f" : "%.1f", v);
  }
}
