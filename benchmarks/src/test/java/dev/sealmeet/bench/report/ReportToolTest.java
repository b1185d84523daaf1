package dev.sealmeet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report tool's pieces on a small hand-made JMH file ({@code report/sample.json}). */
class ReportToolTest {
  @TempDir Path dir;

  private static JmhRun sample() throws IOException {
    try (InputStream in = ReportToolTest.class.getResourceAsStream("/report/sample.json")) {
      return JmhJson.parse("sample.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aSampleRun_givesAnSvgChart() throws IOException {
    Path svg = dir.resolve("plots/sample.svg");
    Plots.writeSvg(svg, "JoinBenchmark, sample", sample().results(), "members", "N");
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertThat(text).startsWith("<?xml").contains("<svg").contains("</svg>");
    assertThat(text).doesNotContainPattern("[0-9]\\.[0-9]{2,}"); // coordinates compacted to 0.1 px
  }

  @Test
  void aChart_hasOneSeriesPerMethodAndOtherParams() throws IOException {
    assertThat(Plots.chart("t", sample().results(), "members", "N").getSeriesMap())
        .containsOnlyKeys("sealmeet", "bouncycastle");
  }

  @Test
  void withoutTheXParameter_thereIsNothingToPlot() throws IOException {
    assertThat(Plots.plottable(sample().results(), "size")).isFalse();
    assertThatThrownBy(() -> Plots.writeSvg(dir.resolve("x.svg"), "t", sample().results(), "size",
        "size")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTable_hasScoreAndError_andSaysWhatIsUnknown() throws IOException {
    String md = MarkdownReport.of("results/sample.json", sample(),
        new RunEnv("AMD EPYC", "aes avx2", 2, 0.5, null, null, "2026-12-07", null, "a test"));
    assertThat(md)
        .contains("| `JoinBenchmark.sealmeet` | members=10 | 1.250 ± 0.125 | ms/op |")
        .contains("| `JoinBenchmark.sealmeet` | members=1000 | 40.12 ± ? ‡ | ms/op |")
        .contains("JDK 17.0.15 (OpenJDK 64-Bit Server VM 17.0.15+6)")
        .contains("JVM args `-Xmx1g`")
        .contains("warm-up 1 × 1 s, measurement 3 × 1 s / ")
        .contains("load average at start 0.5, at end unknown")
        .contains("commit unknown");
  }

  @Test
  void aScoreWhoseErrorIsOverTenPercent_isMarked_andCounted() {
    JmhRun run = new JmhRun("wide.json", "17", "", "avgt", List.of(
        new JmhResult("b.X.exact", java.util.Map.of(), 2.0, 0.2, "ms/op"),
        new JmhResult("b.X.wide", java.util.Map.of(), 2.0, 0.21, "ms/op"),
        new JmhResult("b.X.unknown", java.util.Map.of(), 2.0, Double.NaN, "ms/op")));
    String md = MarkdownReport.of("results/wide.json", run,
        new RunEnv("cpu", "", 2, 0.5, null, null, "2026-12-07", null, "a test"));
    assertThat(md)
        .contains("| `X.exact` | – | 2.000 ± 0.200 | ms/op |")
        .contains("| `X.wide` | – | 2.000 ± 0.210 ‡ | ms/op |")
        .contains("| `X.unknown` | – | 2.000 ± ? ‡ | ms/op |")
        .contains("3 scores (JMH score ± 99.9% error; 2 with an error over 10% of the score or none,"
            + " marked ‡)");
  }

  @Test
  void baselineRatios_divideEachCellByTheBaselineOfTheSameParams_only() {
    List<JmhResult> results = List.of(
        new JmhResult("b.X.plain", java.util.Map.of("size", "1200"), 2.0, 0.1, "ns/op"),
        new JmhResult("b.X.aware", java.util.Map.of("size", "1200"), 3.0, 0.1, "ns/op"),
        new JmhResult("b.X.aware", java.util.Map.of("size", "16384"), 9.0, 0.1, "ns/op"),
        new JmhResult("b.X.plain", java.util.Map.of("size", "16384"), 6.0, 0.1, "ns/op"),
        new JmhResult("b.Y.aware", java.util.Map.of("size", "1200"), 5.0, 0.1, "ns/op"));
    String md = BaselineRatios.markdown(results, "plain");
    assertThat(md)
        .contains("| `X.aware` | size=1200 | 3.000 ± 0.100 | 2.000 ± 0.100 | 1.50× |")
        .contains("| `X.aware` | size=16384 | 9.000 ± 0.100 | 6.000 ± 0.100 | 1.50× |")
        .doesNotContain("X.plain` |")
        .doesNotContain("Y.aware");
    assertThat(BaselineRatios.markdown(results, "none")).isEmpty();
  }

  @Test
  void numbers_haveFourSignificantDigits_errorAtTheScoresScale() {
    assertThat(NumberText.scoreAndError(349.26, 185.04)).isEqualTo("349.3 ± 185.0");
    assertThat(NumberText.scoreAndError(0.30112, 0.0302)).isEqualTo("0.3011 ± 0.0302");
    assertThat(NumberText.scoreAndError(12345.6, 7.0)).isEqualTo("12350 ± 7");
    assertThat(NumberText.scoreAndError(1.0, Double.NaN)).isEqualTo("1.000 ± ?");
  }

  @Test
  void notJmhJson_isRejected() {
    assertThatThrownBy(() -> JmhJson.parse("x", "{\"a\": 1}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JmhJson.parse("x", "[{\"benchmark\": \"a.B.c\"}]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JmhJson.parse("x", "[1, "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blocks_areReplacedBetweenTheirMarkers_only() {
    String md = "a\n" + ReadmeBlocks.begin("x") + "old\n" + ReadmeBlocks.end("x") + "\nb\n";
    assertThat(ReadmeBlocks.replace(md, "x", "new\n"))
        .isEqualTo("a\n<!-- report:x-begin -->\nnew\n<!-- report:x-end -->\nb\n");
    assertThatThrownBy(() -> ReadmeBlocks.extract(md, "y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReadmeBlocks.extract(md + md, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSidecar_isNamedAfterTheResult_andRoundTrips() throws IOException {
    Path json = dir.resolve("mls-x.json");
    assertThat(RunEnv.sidecarOf(json)).isEqualTo(dir.resolve("mls-x.env.json"));
    assertThat(RunEnv.readFor(json).describe()).contains("CPU unknown").contains("no `.env.json`");
    RunEnv env = new RunEnv("cpu", "aes", 2, 1.5, 2.5, "note", "d", "abc", "src");
    env.write(RunEnv.sidecarOf(json));
    assertThat(RunEnv.readFor(json)).isEqualTo(env);
  }

  @Test
  void envProbe_recordsTheStart_thenAddsTheEnd() throws IOException {
    Path json = dir.resolve("run.json");
    EnvProbe.record(json);
    RunEnv start = RunEnv.readFor(json);
    assertThat(start.source()).isEqualTo("EnvProbe");
    assertThat(start.loadEnd()).isNull();
    assertThat(start.cores()).isPositive();
    EnvProbe.record(json);
    RunEnv end = RunEnv.readFor(json);
    assertThat(end.withLoadEnd(null)).isEqualTo(start);
    if (Files.exists(Path.of("/proc/loadavg"))) {
      assertThat(end.loadEnd()).isNotNull();
    }
  }

  @Test
  void checkMode_findsAFigureTypedByHand_andWritesNothing() throws IOException {
    Path module = dir.resolve("bench");
    Path here = Path.of("").toAbsolutePath();
    Files.createDirectories(module.resolve("results"));
    for (Section s : Section.all()) {
      for (String f : s.files()) {
        Files.createDirectories(module.resolve("results").resolve(f).getParent());
        Files.copy(here.resolve("results").resolve(f), module.resolve("results").resolve(f));
        Path env = RunEnv.sidecarOf(here.resolve("results").resolve(f));
        if (Files.exists(env)) {
          Files.copy(env, RunEnv.sidecarOf(module.resolve("results").resolve(f)));
        }
      }
    }
    String readme = Files.readString(here.resolve("README.md"), StandardCharsets.UTF_8);
    Files.writeString(module.resolve("README.md"), readme, StandardCharsets.UTF_8);
    assertThat(Report.run(List.of("readme", "--check", module.toString()))).isZero();

    String typed = readme.replace("| 1.862 ± 0.319 ‡ | ms/op |", "| 1.700 ± 0.319 ‡ | ms/op |");
    assertThat(typed).isNotEqualTo(readme);
    Files.writeString(module.resolve("README.md"), typed, StandardCharsets.UTF_8);
    assertThat(Report.run(List.of("readme", "--check", module.toString()))).isEqualTo(1);
    assertThat(Files.readString(module.resolve("README.md"), StandardCharsets.UTF_8))
        .isEqualTo(typed);
    assertThat(module.resolve("results/plots")).doesNotExist();
  }
}
