package dev.sealmeet.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Score and error as tables print them: four significant digits, the error at that scale. */
final class NumberText {
  private NumberText() {}

  /** For example {@code 1.862 ± 0.319}, {@code 349.3 ± 185.0}, {@code 0.0123 ± ?} (no error). */
  static String scoreAndError(double score, double error) {
    if (!Double.isFinite(score)) {
      return "?";
    }
    BigDecimal s = new BigDecimal(score).round(new MathContext(4, RoundingMode.HALF_EVEN));
    // digits after the point for 4 significant ones: 1.250, 0.3011, 349.3, 12350
    int scale = s.signum() == 0 ? 3 : Math.max(3 - (s.precision() - s.scale() - 1), 0);
    s = s.setScale(scale, RoundingMode.HALF_EVEN);
    String err = Double.isFinite(error)
        ? new BigDecimal(error).setScale(scale, RoundingMode.HALF_EVEN).toPlainString() : "?";
    return s.toPlainString() + " ± " + err;
  }
}
