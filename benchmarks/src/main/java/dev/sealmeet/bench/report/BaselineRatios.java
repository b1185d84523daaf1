package dev.sealmeet.bench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ratio of every cell of one file to its baseline in the same run (the "ratios to a
 * baseline in the same run"): the cell of the same class and parameters whose method is the
 * baseline, e.g. {@code CodecAwareFrameBenchmark.codecAware} ÷ {@code .plain} or {@code
 * MediaBufferBenchmark.mediaProtector} ÷ {@code .rawSframe}. Rows keep the file's order; a cell
 * without a baseline in its file is left out, so is the baseline itself.
 */
public final class BaselineRatios {
  private BaselineRatios() {}

  /** The Markdown table, or "" if no cell has a baseline. */
  public static String markdown(List<JmhResult> results, String baseline) {
    Map<String, JmhResult> baselines = new HashMap<>();
    for (JmhResult r : results) {
      if (r.method().equals(baseline)) {
        baselines.put(r.className() + " " + r.params(), r);
      }
    }
    List<String> rows = new ArrayList<>();
    for (JmhResult r : results) {
      JmhResult b = baselines.get(r.className() + " " + r.params());
      if (b == null || r == b || !b.unit().equals(r.unit())) {
        continue;
      }
      rows.add("| `" + r.shortName() + "` | " + PeerRatios.params(r.params()) + " | "
          + NumberText.scoreAndError(r.score(), r.error()) + " | "
          + NumberText.scoreAndError(b.score(), b.error()) + " | "
          + PeerRatios.ratio(r.score() / b.score()) + " |\n");
    }
    if (rows.isEmpty()) {
      return "";
    }
    return "| benchmark | params | score | " + baseline + " | ÷ " + baseline + " |\n"
        + "|---|---|---:|---:|---:|\n" + String.join("", rows);
  }
}
