package dev.sealmeet.bench;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * A JMH {@link OutputFormat} that prints one {@link Progress} line per finished benchmark cell and
 * nothing else (JMH's own output is dropped, as with {@code VerboseMode.SILENT}); a cell that
 * fails is counted with "no result". Shared by the
 * successive {@code Runner}s of one quick run so that the count and the estimate cover all of them.
 */
public final class ProgressFormat implements OutputFormat {
  private final Progress progress;
  private final PrintStream out;
  private BenchmarkParams pending;

  /**
   * @param progress the run's progress
   * @param out where the lines go (the tables use {@code System.err}, keeping stdout for the table)
   */
  public ProgressFormat(Progress progress, PrintStream out) {
    this.progress = progress;
    this.out = out;
  }

  @Override
  public void startBenchmark(BenchmarkParams benchParams) {
    failPending();
    pending = benchParams;
  }

  @Override
  public void endBenchmark(BenchmarkResult result) {
    if (result == null) {
      failPending(); // a failed cell
      return;
    }
    pending = null;
    out.println(progress.finished(cell(result.getParams()), String.format(Locale.ROOT, "%.4g %s",
        result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit())));
    out.flush();
  }

  @Override
  public void endRun(Collection<RunResult> result) {
    failPending();
  }

  /** A cell that started and ended without a result (JMH reports failures either way). */
  private void failPending() {
    if (pending != null) {
      out.println(progress.finished(cell(pending), "no result (failed)"));
      out.flush();
      pending = null;
    }
  }

  private static String cell(BenchmarkParams params) {
    String name = params.getBenchmark();
    StringBuilder cell = new StringBuilder(
        name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
    for (String key : params.getParamsKeys()) {
      cell.append(' ').append(key).append('=').append(params.getParam(key));
    }
    return cell.toString();
  }

  @Override
  public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {}

  @Override
  public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
      IterationResult data) {}

  @Override
  public void startRun() {}

  @Override
  public void print(String s) {}

  @Override
  public void println(String s) {}

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {}

  @Override
  public void verbosePrintln(String s) {}

  @Override
  public void write(int b) {}

  @Override
  public void write(byte[] b) {}
}
