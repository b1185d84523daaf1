package dev.sealmeet.conformance;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a {@link Report}: one line per file ({@code FILE: N passed, M failed, K skipped}), skip
 * reasons and the first failures indented under it, unrecognised files, then the closing line
 * {@code N passed, M failed} alone on its line.
 */
public final class ReportPrinter {
  /** How many failing cases are shown per file. */
  static final int FAILURES_SHOWN = 5;

  private ReportPrinter() {}

  /** Human-readable text. */
  public static void printText(Report report, PrintStream out) {
    for (FileReport file : report.files()) {
      if (file.unrecognised()) {
        out.println(file.file() + ": " + FileReport.UNRECOGNISED);
        continue;
      }
      if (!file.error().isEmpty()) {
        out.println(file.file() + ": 0 passed, 1 failed, 0 skipped");
        out.println("    error: " + file.error());
        continue;
      }
      out.println(file.file() + ": " + file.count(Outcome.PASSED) + " passed, "
          + file.count(Outcome.FAILED) + " failed, " + file.count(Outcome.SKIPPED) + " skipped");
      for (Map.Entry<String, Long> skip : skipReasons(file).entrySet()) {
        out.println("    skipped " + skip.getValue() + ": " + skip.getKey());
      }
      file.cases().stream()
          .filter(c -> c.outcome() == Outcome.FAILED)
          .limit(FAILURES_SHOWN)
          .forEach(c -> out.println("    FAILED " + c.name() + ": " + c.detail()));
      long more = file.count(Outcome.FAILED) - FAILURES_SHOWN;
      if (more > 0) {
        out.println("    ... and " + more + " more failures");
      }
    }
    long unrecognised = report.files().stream().filter(FileReport::unrecognised).count();
    if (unrecognised > 0) {
      out.println(unrecognised + " unrecognised file(s)");
    }
    if (report.skipped() > 0) {
      out.println(report.skipped() + " skipped in all");
    }
    out.println(report.passed() + " passed, " + report.failed() + " failed");
  }

  /** Machine-readable JSON: totals, then per file its counts, skip reasons and failures. */
  public static void printJson(Report report, PrintStream out) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"passed\":").append(report.passed())
        .append(",\"failed\":").append(report.failed())
        .append(",\"skipped\":").append(report.skipped())
        .append(",\"files\":[");
    List<FileReport> files = report.files();
    for (int i = 0; i < files.size(); i++) {
      FileReport f = files.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"file\":").append(quote(f.file()))
          .append(",\"family\":").append(f.unrecognised() ? "null" : quote(f.family()))
          .append(",\"passed\":").append(f.count(Outcome.PASSED))
          .append(",\"failed\":").append(f.failures())
          .append(",\"skipped\":").append(f.count(Outcome.SKIPPED));
      if (!f.error().isEmpty()) {
        sb.append(",\"error\":").append(quote(f.error()));
      }
      sb.append(",\"skipReasons\":{");
      boolean first = true;
      for (Map.Entry<String, Long> skip : skipReasons(f).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(quote(skip.getKey())).append(':').append(skip.getValue());
      }
      sb.append("},\"failures\":[");
      List<CaseResult> failed = f.cases().stream()
          .filter(c -> c.outcome() == Outcome.FAILED).collect(Collectors.toList());
      for (int j = 0; j < failed.size(); j++) {
        if (j > 0) {
          sb.append(',');
        }
        sb.append("{\"case\":").append(quote(failed.get(j).name()))
            .append(",\"detail\":").append(quote(failed.get(j).detail())).append('}');
      }
      sb.append("]}");
    }
    sb.append("]}");
    out.println(sb);
  }

  private static Map<String, Long> skipReasons(FileReport file) {
    return file.cases().stream()
        .filter(c -> c.outcome() == Outcome.SKIPPED)
        .collect(Collectors.groupingBy(CaseResult::detail, LinkedHashMap::new, Collectors.counting()));
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }
}
