package dev.sealmeet.bench.report;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Markdown for one result file: a line naming the JVM, JMH settings and the sitting ({@link
 * RunEnv}), then every cell as {@code benchmark | params | score ± error | unit}, folded in a
 * {@code <details>} element so that long runs do not bury the prose around them.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

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
    md.append("<details><summary>").append(run.results().size())
        .append(" scores (JMH score ± 99.9% error)</summary>\n\n");
    md.append("| benchmark | params | score ± error | unit |\n|---|---|---:|---|\n");
    for (JmhResult r : run.results()) {
      md.append("| `").append(r.shortName()).append("` | ").append(params(r.params())).append(" | ")
          .append(NumberText.scoreAndError(r.score(), r.error())).append(" | ").append(r.unit())
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
