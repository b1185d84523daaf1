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
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the per-frame benchmarks through the JMH API with short settings and prints one table: per
 * JCE provider, suite and size, protect and protect+unprotect in ns/frame and their ratio to raw
 * JCE AES-128-GCM of the same provider. Used by
 * {@code sealmeet bench sframe}; the full-length numbers come from the JMH command in
 * {@code benchmarks/README.md}.
 */
public final class SframeBenchTable {
  private final int forks;
  private final int warmupMillis;
  private final int measureMillis;
  private final List<String> suites;
  private final List<String> sizes;
  private final List<String> providers;
  private List<RunResult> results = List.of();
  /** The longest a path is run before measuring when it does not settle. */
  static final long STEADY_BUDGET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
  /** Paths (provider/suite or raw/size) that were not steady after the budget. */
  private final List<String> unsteady = new ArrayList<>();
  private int warmed;
  private long longestWarmupNanos;

  /**
   * @param forks JMH forks per benchmark (0 runs in this JVM: faster, less isolated)
   * @param warmupMillis one warm-up iteration of this length
   * @param measureMillis one measured iteration of this length
   * @param suites suite ids to run, e.g. {@code ["1", "4"]}
   * @param sizes frame sizes in bytes, e.g. {@code ["1200"]}
   * @param providers JCE providers, {@code jdk} and/or {@code accp} (see {@link JceProviders})
   */
  public SframeBenchTable(int forks, int warmupMillis, int measureMillis, List<String> suites,
      List<String> sizes, List<String> providers) {
    this.forks = forks;
    this.warmupMillis = warmupMillis;
    this.measureMillis = measureMillis;
    this.suites = List.copyOf(suites);
    this.sizes = List.copyOf(sizes);
    this.providers = List.copyOf(providers);
  }

  /**
   * Runs the benchmarks and prints the table to {@code out}.
   *
   * @throws RunnerException if JMH fails
   */
  public void run(PrintStream out) throws RunnerException {
    if (forks == 0) {
      prewarm();
    }
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(SframeProtectBenchmark.class.getSimpleName())
        .include(SframeRoundTripBenchmark.class.getSimpleName())
        .include(RawAesGcmBenchmark.class.getSimpleName())
        .param("suite", suites.toArray(new String[0]))
        .param("size", sizes.toArray(new String[0]))
        .param("provider", providers.toArray(new String[0]))
        .forks(forks)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(warmupMillis))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(measureMillis))
        .verbosity(VerboseMode.SILENT)
        .shouldFailOnError(true);
    // per provider and size: protect and protectUnprotect per suite, raw encrypt and encryptDecrypt
    ProgressFormat progress = new ProgressFormat(new Progress(
        providers.size() * sizes.size() * (2 * suites.size() + 2), System::nanoTime), System.err);
    Collection<RunResult> cells = new Runner(options.build(), progress).run();
    results = List.copyOf(cells);
    print(cells, out);
  }

  /**
   * Every cell measured by the last {@link #run}, as JMH returned them (for a plot of the run).
   */
  public List<RunResult> results() {
    return results;
  }

  /**
   * With {@code forks == 0} every benchmark shares this JVM, and JMH runs them in name order, so the raw
   * baseline would run first with cold JCE code (a GCM decryption takes seconds to reach compiled
   * code, and a short JMH warm-up then measures the JIT, not the path). Every path is run here first
   * until its cost is steady ({@link SteadyWarmup}), which puts all sides on the same, compiled
   * footing; a path that does not settle within {@link #STEADY_BUDGET_NANOS} is named in the table.
   */
  private void prewarm() {
    try {
      for (String provider : providers) {
        prewarm(provider);
      }
    } catch (Exception e) {
      throw new IllegalStateException("benchmark pre-warm failed: " + e.getMessage(), e);
    }
  }

  private void prewarm(String provider) throws Exception {
    for (String size : sizes) {
      int bytes = Integer.parseInt(size);
      RawAesGcmBenchmark raw = new RawAesGcmBenchmark();
      raw.size = bytes;
      raw.provider = provider;
      raw.setUp();
      warm(provider + "/raw/" + size, raw::encryptDecrypt);
      for (String suite : suites) {
        SframeFixture fixture = new SframeFixture(Integer.parseInt(suite), bytes, provider);
        warm(provider + "/" + suite + "/" + size, () -> {
          fixture.protect();
          fixture.unprotect();
        });
      }
    }
  }

  private void warm(String path, SteadyWarmup.Operation op) throws Exception {
    SteadyWarmup.Outcome outcome = SteadyWarmup.run(op, STEADY_BUDGET_NANOS);
    longestWarmupNanos = Math.max(longestWarmupNanos, outcome.elapsedNanos());
    warmed++;
    if (!outcome.steady()) {
      unsteady.add(path);
    }
  }

  private void print(Collection<RunResult> results, PrintStream out) {
    Map<String, Double> score = new HashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      String suite = r.getParams().getParam("suite");
      String size = r.getParams().getParam("size");
      String provider = r.getParams().getParam("provider");
      score.put(provider + "/" + method + "/" + (suite == null ? "raw" : suite) + "/" + size,
          r.getPrimaryResult().getScore());
    }
    out.println("SFrame per-frame cost, ns/frame (quick run: short, noisy; see benchmarks/README.md)");
    out.println(CpuLine.describe());
    out.println(JceProviders.describe());
    out.println("x raw: ratio to raw AES-128-GCM of the same provider");
    if (forks == 0) {
      out.printf(Locale.ROOT, "warm-up: %d of %d paths ran until steady (cost within %.0f%% over %d"
              + " batches of %d ms, JIT idle), longest %.1f s%s%n", warmed - unsteady.size(), warmed,
          SteadyWarmup.TOLERANCE * 100, SteadyWarmup.WINDOW,
          java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(SteadyWarmup.BATCH_NANOS),
          longestWarmupNanos / 1e9, unsteady.isEmpty() ? ""
              : "; NOT steady after " + STEADY_BUDGET_NANOS / 1_000_000_000L + " s (rows marked *): "
              + String.join(", ", unsteady));
    } else {
      out.printf(Locale.ROOT, "warm-up: JMH's, one %d ms iteration per fork; steady state not"
          + " checked (run with --forks 0 for that)%n", warmupMillis);
    }
    out.printf(Locale.ROOT, "%-5s %-28s %8s %12s %8s %14s %8s%n",
        "prov.", "suite", "size", "protect", "x raw", "protect+unpr.", "x raw");
    List<String> rows = new ArrayList<>(suites);
    rows.add("raw");
    for (String provider : providers) {
      for (String suite : rows) {
        for (String size : sizes) {
          String p = provider + "/";
          Double protect = score.get(
              p + ("raw".equals(suite) ? "encrypt" : "protect") + "/" + suite + "/" + size);
          Double both = score.get(p + ("raw".equals(suite) ? "encryptDecrypt" : "protectUnprotect")
              + "/" + suite + "/" + size);
          Double rawProtect = score.get(p + "encrypt/raw/" + size);
          Double rawBoth = score.get(p + "encryptDecrypt/raw/" + size);
          String mark = unsteady.contains(provider + "/" + suite + "/" + size) ? "*" : "";
          out.printf(Locale.ROOT, "%-5s %-28s %8s %12s %8s %14s %8s%n", provider,
              label(suite) + mark, size, ns(protect), ratio(protect, rawProtect), ns(both), ratio(both, rawBoth));
        }
      }
    }
  }

  private static String label(String suite) {
    switch (suite) {
      case "1": return "1 AES_128_CTR_HMAC_SHA256_80";
      case "2": return "2 AES_128_CTR_HMAC_SHA256_64";
      case "3": return "3 AES_128_CTR_HMAC_SHA256_32";
      case "4": return "4 AES_128_GCM_SHA256_128";
      case "5": return "5 AES_256_GCM_SHA512_128";
      default: return "raw AES-128-GCM";
    }
  }

  private static String ns(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.0f", v);
  }

  private static String ratio(Double v, Double raw) {
    return v == null || raw == null ? "-" : String.format(Locale.ROOT, "%.2f", v / raw);
  }
}
