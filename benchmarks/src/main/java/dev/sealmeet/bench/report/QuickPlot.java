package dev.sealmeet.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The plot of a quick run made in this JVM ({@code sealmeet bench ... --plot FILE.svg}): the
 * results JMH returned, as {@link JmhResult}s, in one chart.
 */
public final class QuickPlot {
  private QuickPlot() {}

  /** The cells of {@code runs} in the report's form, in JMH's order. */
  public static List<JmhResult> cells(Collection<RunResult> runs) {
    List<JmhResult> out = new ArrayList<>();
    for (RunResult run : runs) {
      BenchmarkParams params = run.getParams();
      Map<String, String> values = new LinkedHashMap<>();
      for (String key : params.getParamsKeys()) {
        values.put(key, params.getParam(key));
      }
      Result<?> primary = run.getPrimaryResult();
      out.add(new JmhResult(params.getBenchmark(), values, primary.getScore(),
          primary.getScoreError(), primary.getScoreUnit()));
    }
    return out;
  }

  /**
   * Writes one SVG chart of {@code runs}: score against {@code xParam}, log–log, a series per
   * benchmark method and other parameters.
   *
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if no cell has a numeric {@code xParam}
   */
  public static void write(Path svg, String title, Collection<RunResult> runs, String xParam,
      String xTitle) throws IOException {
    Plots.writeSvg(svg, title, cells(runs), xParam, xTitle);
  }
}
