package dev.sealmeet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated blocks of {@code benchmarks/README.md} are exactly what the committed JMH JSON and
 * sidecars in {@code results/} give, and every plot they link is committed: a figure typed into a
 * block by hand, or a result file changed without regenerating, fails here.
 */
class ReportReadmeTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void everyGeneratedBlock_isWhatTheCommittedResultsGive() throws IOException {
    String readme = Files.readString(MODULE.resolve("README.md"), StandardCharsets.UTF_8);
    SectionReport report = new SectionReport(MODULE);
    for (Section section : Section.all()) {
      assertThat(ReadmeBlocks.extract(readme, section.name()))
          .as("block %s of benchmarks/README.md (regenerate: Report readme)", section.name())
          .isEqualTo(report.markdown(section, false));
    }
  }

  @Test
  void everyLinkedPlot_isCommitted() throws IOException {
    String readme = Files.readString(MODULE.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\\]\\((results/plots/[^)]+\\.svg)\\)").matcher(readme);
    int links = 0;
    while (m.find()) {
      links++;
      assertThat(MODULE.resolve(m.group(1))).as(m.group(1)).isRegularFile();
    }
    assertThat(links).as("plots linked from the README").isGreaterThanOrEqualTo(10);
  }
}
