package dev.sealmeet.bench;

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
 * Runs the MLS group benchmarks through the JMH API with short settings and prints one table: per
 * operation and group size, Sealmeet and BouncyCastle MLS in ms/op and their ratio. Used by {@code
 * sealmeet bench mls}; the full-length numbers come from the JMH command in {@code
 * benchmarks/README.md}. A benchmark that fails prints {@code -} instead of stopping the table.
 */
public final class MlsBenchTable {
  private static final String[] OPS = {"add", "remove", "update"};

  private final int forks;
  private final int warmupMillis;
  private final int measureMillis;
  private final List<String> members;
  private final List<RunResult> results = new ArrayList<>();
  private ProgressFormat progress;

  /**
   * @param forks JMH forks per benchmark (0 runs in this JVM: faster, less isolated)
   * @param warmupMillis one warm-up iteration of this length
   * @param measureMillis one measured iteration of this length
   * @param members group sizes, e.g. {@code ["2", "10", "100", "1000"]}; join also takes 10000
   */
  public MlsBenchTable(int forks, int warmupMillis, int measureMillis, List<String> members) {
    this.forks = forks;
    this.warmupMillis = warmupMillis;
    this.measureMillis = measureMillis;
    this.members = List.copyOf(members);
  }

  /**
   * Runs the benchmarks, prints a progress line per finished cell to {@code System.err} and the
   * table to {@code out}.
   *
   * @throws RunnerException if JMH fails
   */
  public void run(PrintStream out) throws RunnerException {
    List<String> commitSizes = new ArrayList<>(members);
    commitSizes.remove("10000");
    results.clear();
    // KeyPackage, 3 ops x create/process, join: each for both libraries
    progress = new ProgressFormat(new Progress(
        2 + 2 * 2 * OPS.length * commitSizes.size() + 2 * members.size(), System::nanoTime),
        System.err);
    Map<String, Double> score = new HashMap<>();
    collect(score, run(KeyPackageBenchmark.class, null));
    if (!commitSizes.isEmpty()) {
      collect(score, run(CommitCreateBenchmark.class, commitSizes));
      collect(score, run(CommitProcessBenchmark.class, commitSizes));
    }
    collect(score, run(JoinBenchmark.class, members));
    print(score, commitSizes, out);
  }

  private Collection<RunResult> run(Class<?> benchmark, List<String> sizes)
      throws RunnerException {
    OptionsBuilder options = new OptionsBuilder();
    options.include(benchmark.getName() + "\\.");
    if (sizes != null) {
      options.param("members", sizes.toArray(new String[0]));
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
      String[] parts = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1)
          .split("\\.");
      String op = r.getParams().getParam("op");
      String n = r.getParams().getParam("members");
      score.put(parts[0] + "/" + (op == null ? "-" : op) + "/" + (n == null ? "-" : n) + "/"
          + parts[1], r.getPrimaryResult().getScore());
    }
  }

  private void print(Map<String, Double> score, List<String> commitSizes, PrintStream out) {
    out.println("MLS group operations, suite 1, ms/op (quick run: short, noisy; see "
        + "benchmarks/README.md)");
    out.println(CpuLine.describe());
    out.printf(Locale.ROOT, "%-18s %7s %12s %12s %10s%n",
        "operation", "members", "Sealmeet", "BC MLS", "BC/Sealm.");
    row(out, score, "KeyPackageBenchmark/-/-", "KeyPackage", "-");
    for (String op : OPS) {
      for (String n : commitSizes) {
        row(out, score, "CommitCreateBenchmark/" + op + "/" + n, "create " + op, n);
      }
    }
    for (String op : OPS) {
      for (String n : commitSizes) {
        row(out, score, "CommitProcessBenchmark/" + op + "/" + n, "process " + op, n);
      }
    }
    for (String n : members) {
      row(out, score, "JoinBenchmark/-/" + n, "join (Welcome)", n);
    }
    out.println("- : no result (BouncyCastle 1.84 cannot commit a remove that leaves one member)");
  }

  private static void row(PrintStream out, Map<String, Double> score, String key, String label,
      String n) {
    Double sealmeet = score.get(key + "/sealmeet");
    Double bc = score.get(key + "/bouncycastle");
    out.printf(Locale.ROOT, "%-18s %7s %12s %12s %10s%n", label, n, ms(sealmeet), ms(bc),
        bc == null || sealmeet == null ? "-" : String.format(Locale.ROOT, "%.2f", bc / sealmeet));
  }

  private static String ms(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, v < 10 ? "%.3f" : "%.1f", v);
  }
}
