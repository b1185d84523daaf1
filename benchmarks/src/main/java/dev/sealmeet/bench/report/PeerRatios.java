package dev.sealmeet.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The peers' ratio table of a generated block: for each benchmark class and parameter set that
 * has a {@code sealmeet} cell, that cell beside the {@code bouncycastle} and {@code tsmls} cells
 * of the same class and parameters, and how many times slower each peer is (peer score ÷
 * Sealmeet score; a ratio of two noisy scores, so read it with both errors). A peer missing for a
 * cell prints as "–". Rows keep the order of the Sealmeet cells.
 */
public final class PeerRatios {
  /** The peer methods, in column order, with their column titles. */
  private static final Map<String, String> PEERS = new LinkedHashMap<>();

  static {
    PEERS.put("bouncycastle", "BouncyCastle");
    PEERS.put("tsmls", "ts-mls");
  }

  private PeerRatios() {}

  /** The Markdown table of {@code results} (from any number of files), or "" without a peer. */
  public static String markdown(List<JmhResult> results) {
    Map<String, JmhResult> byKey = new TreeMap<>();
    List<JmhResult> sealmeet = new ArrayList<>();
    for (JmhResult r : results) {
      byKey.put(key(r.className(), r.method(), r), r);
      if (r.method().equals("sealmeet")) {
        sealmeet.add(r);
      }
    }
    StringBuilder md = new StringBuilder("| benchmark | params | Sealmeet");
    for (String title : PEERS.values()) {
      md.append(" | ").append(title).append(" | ").append(title).append(" ÷ Sealmeet");
    }
    md.append(" |\n|---|---|---:");
    md.append("|---:|---:".repeat(PEERS.size())).append("|\n");
    int rows = 0;
    for (JmhResult s : sealmeet) {
      StringBuilder row = new StringBuilder();
      boolean anyPeer = false;
      for (String peer : PEERS.keySet()) {
        JmhResult p = byKey.get(key(s.className(), peer, s));
        if (p == null || !p.unit().equals(s.unit())) {
          row.append(" | – | –");
          continue;
        }
        anyPeer = true;
        row.append(" | ").append(NumberText.scoreAndError(p.score(), p.error())).append(" | ")
            .append(ratio(p.score() / s.score()));
      }
      if (anyPeer) {
        rows++;
        md.append("| `").append(s.className()).append("` | ").append(params(s.params()))
            .append(" | ").append(NumberText.scoreAndError(s.score(), s.error())).append(row)
            .append(" |\n");
      }
    }
    return rows == 0 ? "" : md.toString();
  }

  private static String key(String className, String method, JmhResult r) {
    return className + "." + method + " " + r.params();
  }

  /** Three significant digits and a multiplication sign, e.g. {@code 12.3×}. */
  static String ratio(double value) {
    if (!Double.isFinite(value) || value <= 0) {
      return "?";
    }
    BigDecimal v = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
    int scale = Math.max(2 - (v.precision() - v.scale() - 1), 0);
    return v.setScale(scale, RoundingMode.HALF_EVEN).toPlainString() + "×";
  }

  /** {@code name=value} pairs joined by commas, or "–" for none. */
  static String params(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
          .append(e.getValue());
    }
    return out.length() == 0 ? "–" : out.toString();
  }
}
