package dev.sealmeet.bench.report;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Markdown for one result file: a line naming the JVM, JMH settings and the sitting ({@link
 * RunEnv}), then every cell as {@code benchmark | params | score ± error | unit}, folded in a
 * {@code <details>} element so that long runs do not bury the prose around them. A score whose
 * error exceeds {@value #TRUSTED_ERROR_PERCENT}% of it is marked, and the marked scores are counted
 * in the summary line, so a reader sees which figures the run did not pin down.
 */
public final class MarkdownReport {
  /** The largest error, in percent of the score, of a score shown without a mark (issue 20). */
  public static final int TRUSTED_ERROR_PERCENT = 10;
  /** The mark of a score whose error exceeds {@link #TRUSTED_ERROR_PERCENT}. */
  public static final String WIDE_ERROR_MARK = "‡";

  private MarkdownReport() {}

  /** Whether {@code r}'s error is over {@link #TRUSTED_ERROR_PERCENT}% of its score, or unknown. */
  static boolean wideError(JmhResult r) {
    return Double.isNaN(r.error()) || Math.abs(r.error()) * 100 > TRUSTED_ERROR_PERCENT
        * Math.abs(r.score());
  }

  /**
   * The Markdown of {@code run}.
   *
   * @param label how the file is named in the text, e.g. {@code results/sframe-jdk17.json}
   */
  public static String of(String label, JmhRun run, RunEnv env) {
    StringBuilder md = new StringBuilder();
    md.append("**`").append(label).append("`**: JDK ").append(run.jvm()).append("; JVM args `")
        .append(run.jvmArgs().isEmpty() ? "(none)" : run.jvmArgs()).append("`; ")
        .append(run.settings()).append(". ").append(env.describe()).append("\n\n");
    long wide = run.results().stream().filter(MarkdownReport::wideError).count();
    md.append("<details><summary>").append(run.results().size())
        .append(" scores (JMH score ± 99.9% error");
    if (wide > 0) {
      md.append("; ").append(wide).append(" with an error over ").append(TRUSTED_ERROR_PERCENT)
          .append("% of the score or none, marked ").append(WIDE_ERROR_MARK);
    }
    md.append(")</summary>\n\n");
    md.append("| benchmark | params | score ± error | unit |\n|---|---|---:|---|\n");
    for (JmhResult r : run.results()) {
      md.append("| `").append(r.shortName()).append("` | ").append(params(r.params())).append(" | ")
          .append(NumberText.scoreAndError(r.score(), r.error()))
          .append(wideError(r) ? " " + WIDE_ERROR_MARK : "").append(" | ").append(r.unit())
          .append(" |\n");
    }
    md.append("\n</details>\n");
    return md.toString();
  }

  private static String params(Map<String, String> params) {
    return params.isEmpty() ? "–" : params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }
}
