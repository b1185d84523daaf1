package dev.sealmeet.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * SVG charts of JMH cells with XChart: score against one numeric parameter (group size, frame size)
 * on log–log axes, one series per benchmark method and combination of the other parameters, e.g.
 * {@code sealmeet op=add} beside {@code bouncycastle op=add} (prefixed by the class when the cells
 * come from several). Cells whose x parameter is missing or not a number are left out.
 */
public final class Plots {
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Plots() {}

  /** True if {@code results} give at least one series of two or more points on {@code xParam}. */
  public static boolean plottable(List<JmhResult> results, String xParam) {
    for (Map<Double, Double> points : series(results, xParam).values()) {
      if (points.size() >= 2) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes one chart of {@code results} as SVG.
   *
   * @param file the SVG file, replaced
   * @param title the chart title
   * @param xParam the parameter on the x axis
   * @param xTitle the x axis title
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if no cell has a numeric {@code xParam}
   */
  public static void writeSvg(Path file, String title, List<JmhResult> results, String xParam,
      String xTitle) throws IOException {
    XYChart chart = chart(title, results, xParam, xTitle);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsFormat.SVG);
    Files.writeString(file, compact(svg.toString(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /** The chart {@link #writeSvg} writes. */
  static XYChart chart(String title, List<JmhResult> results, String xParam, String xTitle) {
    Map<String, Map<Double, Double>> series = series(results, xParam);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no cell has a numeric parameter '" + xParam + "'");
    }
    XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
        .xAxisTitle(xTitle).yAxisTitle(results.get(0).unit() + " (log)").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setDecimalPattern("#,##0.###");
    // solid grid lines: a dashed stroke reaches the SVG as one small rectangle per dash
    chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.5f));
    chart.getStyler().setPlotGridLinesColor(new Color(200, 200, 200));
    for (Map.Entry<String, Map<Double, Double>> s : series.entrySet()) {
      List<Double> x = new ArrayList<>(s.getValue().keySet());
      List<Double> y = new ArrayList<>(s.getValue().values());
      chart.addSeries(s.getKey(), x, y);
    }
    return chart;
  }

  /**
   * XChart draws every glyph as an outline path with coordinates to 1/1024 px, which makes a chart
   * several hundred KB; rounded to 0.1 px (invisible at the chart's size) it is half that.
   */
  static String compact(String svg) {
    Matcher m = DECIMAL.matcher(svg);
    StringBuilder out = new StringBuilder(svg.length() / 2);
    while (m.find()) {
      String t = new BigDecimal(m.group()).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros()
          .toPlainString();
      m.appendReplacement(out, t.equals("-0") ? "0" : t);
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Map<String, Map<Double, Double>> series(List<JmhResult> results, String xParam) {
    Map<String, Map<Double, Double>> series = new LinkedHashMap<>();
    boolean oneClass = results.stream().map(JmhResult::className).distinct().count() == 1;
    for (JmhResult r : results) {
      Double x = number(r.params().get(xParam));
      if (x == null || !(r.score() > 0)) {
        continue; // log axes: only positive scores
      }
      StringBuilder key = new StringBuilder(oneClass ? ""
          : r.className().replace("Benchmark", "") + ".").append(r.method());
      r.params().forEach((k, v) -> {
        if (!k.equals(xParam)) {
          key.append(' ').append(k).append('=').append(v);
        }
      });
      series.computeIfAbsent(key.toString(), k -> new TreeMap<>()).put(x, r.score());
    }
    return series;
  }

  private static Double number(String text) {
    if (text == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(text);
      return v > 0 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
