package dev.sealmeet.cli;

import dev.sealmeet.bench.JceProviders;
import dev.sealmeet.bench.MlsBenchTable;
import dev.sealmeet.bench.PqBenchTable;
import dev.sealmeet.bench.SframeBenchTable;
import dev.sealmeet.bench.report.QuickPlot;
import dev.sealmeet.error.SealmeetException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sealmeet bench sframe}: a quick JMH run of the per-frame cost beside raw AES-GCM. {@code
 * sealmeet bench mls}: the MLS group operations beside BouncyCastle MLS.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    // One element per paragraph: picocli wraps each at word boundaries to the terminal's width.
    description = {
      "Runs a quick version of the JMH benchmarks and prints one table.",
      "'sframe': protect and protect+unprotect per frame for suites 1-5 and raw AES-128-GCM, in "
          + "ns/frame, with the ratio to raw of the same JCE provider: the JDK's, and Amazon "
          + "Corretto Crypto Provider too when it loads on this machine (the table says which).",
      "'mls': KeyPackage generation, create and process add/remove/update commits, and join from "
          + "a Welcome, for Sealmeet and BouncyCastle MLS, in ms/op, per group size.",
      "'pq': the same operations (add and update) in suite 1, the X-Wing suite 0xF001 and the "
          + "ML-KEM-768/ML-DSA-65 suite 0xF00A, with ratios to suite 1 and the KeyPackage, commit "
          + "and Welcome sizes; group sizes 10, 100, 1000 unless --members says otherwise.",
      "While it runs, one line per finished benchmark goes to standard error with an estimate of "
          + "the time left; --plot writes a chart of the run (SVG).",
      // No file name with a dot: Java's line breaking may split "README.md" after the dot.
      "Quick numbers are noisy; for real ones run the JMH command of the benchmarks README (in "
          + "benchmarks/) on an idle machine."
    })
final class BenchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TARGET",
      description = "What to benchmark: sframe, mls or pq")
  String target;

  @Option(names = "--forks", paramLabel = "N",
      description = "JMH forks per benchmark (default ${DEFAULT-VALUE}: run in this JVM, fastest)")
  int forks = 0;

  @Option(names = "--warmup-ms", paramLabel = "MS", description = "Warm-up time per benchmark "
      + "(default ${DEFAULT-VALUE})")
  int warmupMillis = 500;

  @Option(names = "--measure-ms", paramLabel = "MS", description = "Measured time per benchmark "
      + "(default ${DEFAULT-VALUE})")
  int measureMillis = 300;

  @Option(names = "--suites", split = ",", paramLabel = "IDS",
      description = "Suite ids (default ${DEFAULT-VALUE})")
  List<String> suites = List.of("1", "2", "3", "4", "5");

  @Option(names = "--sizes", split = ",", paramLabel = "BYTES",
      description = "Frame sizes in bytes (default ${DEFAULT-VALUE})")
  List<String> sizes = List.of("64", "1200", "16384", "102400");

  @Option(names = "--providers", split = ",", paramLabel = "NAMES",
      description = "sframe: JCE providers, jdk and/or accp (default: jdk, and accp if it loads)")
  List<String> providers = JceProviders.available();

  @Option(names = "--members", split = ",", paramLabel = "N",
      description = "mls: group sizes (default ${DEFAULT-VALUE}); 10000 runs the join only")
  List<String> members = List.of("2", "10", "100", "1000");

  @Option(names = "--plot", paramLabel = "FILE.svg",
      description = "Also write an SVG chart of the run: time against frame size (sframe) or "
          + "group size (mls, pq), log-log, a series per operation and library or suite")
  Path plot;

  /** This command as parsed, to tell whether {@code --members} was given (pq's default differs). */
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws RunnerException, SealmeetException, IOException {
    if ("sframe".equals(target)) {
      SframeBenchTable table =
          new SframeBenchTable(forks, warmupMillis, measureMillis, suites, sizes, providers);
      table.run(System.out);
      return plot(table.results(), "size", "frame size (bytes of plaintext)");
    }
    if ("mls".equals(target)) {
      MlsBenchTable table = new MlsBenchTable(forks, warmupMillis, measureMillis, members);
      table.run(System.out);
      return plot(table.results(), "members", "group size N (members)");
    }
    if ("pq".equals(target)) {
      boolean given = spec.commandLine().getParseResult().hasMatchedOption("--members");
      PqBenchTable table = new PqBenchTable(forks, warmupMillis, measureMillis,
          given ? members : List.of("10", "100", "1000"));
      table.run(System.out);
      return plot(table.results(), "members", "group size N (members)");
    }
    System.err.println(
        "sealmeet bench: unknown target '" + target + "' (known: sframe, mls, pq)");
    return 2;
  }

  private int plot(List<RunResult> results, String xParam, String xTitle) throws IOException {
    if (plot == null) {
      return 0;
    }
    try {
      QuickPlot.write(plot, "sealmeet bench " + target + " (quick run: short, noisy)", results,
          xParam, xTitle);
    } catch (IllegalArgumentException e) {
      System.err.println("sealmeet bench: no plot: " + e.getMessage()
          + " (one size only? a log-log chart needs two)");
      return 1;
    }
    System.err.println("plot written to " + plot);
    return 0;
  }
}
