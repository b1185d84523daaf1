package dev.sealmeet.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark report tool: JMH JSON in {@code benchmarks/results/} to the Markdown tables and SVG
 * plots of {@code benchmarks/README.md}. Run from the repository root after {@code mvn -B -o
 * -DskipTests package -pl benchmarks -am}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.sealmeet.bench.report.Report readme [--check] [DIR]
 *     regenerate every block of DIR/README.md (DIR default: benchmarks) and its plots;
 *     --check writes nothing and exits 1 if a block differs
 * ... Report env RESULT.json           write (before a run) or complete (after it) RESULT.env.json
 * ... Report table RESULT.json...      print the Markdown of result files
 * ... Report plot OUT.svg XPARAM RESULT.json   one chart of a whole file, XPARAM on the x axis
 * </pre>
 */
public final class Report {
  private Report() {}

  /**
   * Runs one command (see the class comment); exits 2 on a usage error, 1 if {@code --check} finds
   * a difference.
   *
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    System.exit(run(Arrays.asList(args)));
  }

  static int run(List<String> args) throws IOException {
    if (args.isEmpty()) {
      return usage();
    }
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "readme":
        boolean check = rest.contains("--check");
        List<String> dirs = rest.stream().filter(a -> !a.equals("--check")).toList();
        return readme(Path.of(dirs.isEmpty() ? "benchmarks" : dirs.get(0)), check);
      case "env":
        if (rest.size() != 1) {
          return usage();
        }
        System.out.println("wrote " + EnvProbe.record(Path.of(rest.get(0))));
        return 0;
      case "table":
        for (String file : rest) {
          Path json = Path.of(file);
          System.out.println(MarkdownReport.of(file, JmhJson.read(json), RunEnv.readFor(json)));
        }
        return rest.isEmpty() ? usage() : 0;
      case "plot":
        if (rest.size() != 3) {
          return usage();
        }
        JmhRun run = JmhJson.read(Path.of(rest.get(2)));
        Plots.writeSvg(Path.of(rest.get(0)), run.name(), run.results(), rest.get(1), rest.get(1));
        return 0;
      default:
        return usage();
    }
  }

  /**
   * Regenerates (or with {@code check} compares) every {@link Section} of {@code dir/README.md}.
   *
   * @return 0, or 1 if {@code check} found a block that differs
   */
  static int readme(Path dir, boolean check) throws IOException {
    Path readme = dir.resolve("README.md");
    String before = Files.readString(readme, StandardCharsets.UTF_8);
    String after = regenerate(dir, before, !check);
    if (check) {
      if (!after.equals(before)) {
        System.err.println(readme + ": generated blocks differ from the results: run Report "
            + "readme");
        return 1;
      }
      return 0;
    }
    Files.writeString(readme, after, StandardCharsets.UTF_8);
    return 0;
  }

  /**
   * {@code markdown} with every section block regenerated from the results under {@code dir}.
   *
   * @param writePlots whether to (re)write the SVG charts too
   */
  public static String regenerate(Path dir, String markdown, boolean writePlots)
      throws IOException {
    SectionReport report = new SectionReport(dir);
    String out = markdown;
    for (Section s : Section.all()) {
      out = ReadmeBlocks.replace(out, s.name(), report.markdown(s, writePlots));
    }
    return out;
  }

  private static int usage() {
    System.err.println("usage: Report readme [--check] [DIR] | env RESULT.json"
        + " | table RESULT.json... | plot OUT.svg XPARAM RESULT.json");
    return 2;
  }
}
