package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {

  /** Claims files named "fake*.json"; case value 1 passes, 0 fails, null is skipped, "boom" throws. */
  static final class FakeFamily implements VectorFamily {
    @Override
    public String name() {
      return "fake";
    }

    @Override
    public boolean recognises(String relativePath, JsonNode content) {
      return relativePath.substring(relativePath.lastIndexOf('/') + 1).startsWith("fake");
    }

    @Override
    public List<CaseResult> run(JsonNode content) {
      List<CaseResult> out = new ArrayList<>();
      for (JsonNode c : content.elements()) {
        if (c.isNull()) {
          out.add(CaseResult.skipped(c.path(), "no value"));
        } else if (c.asInt() == 1) {
          out.add(CaseResult.passed(c.path()));
        } else {
          out.add(CaseResult.failed(c.path(), "value was " + c.asInt()));
        }
      }
      return out;
    }
  }

  @TempDir Path dir;

  private Report run() {
    return new ConformanceRunner(List.of(new FakeFamily())).run(List.of(dir));
  }

  @Test
  void run_countsPassedFailedSkippedAndUnrecognised() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/fake-a.json"), "[1, 1, 0, null]");
    Files.writeString(dir.resolve("other.json"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "ignored: not JSON");

    Report report = run();

    assertThat(report.passed()).isEqualTo(2);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.files()).extracting(FileReport::file).containsExactly("other.json", "sub/fake-a.json");
    assertThat(report.files().get(0).unrecognised()).isTrue();
  }

  @Test
  void run_invalidJson_countsAsFailure() throws IOException {
    Files.writeString(dir.resolve("fake.json"), "[1,");
    Report report = run();
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.files().get(0).error()).contains("cannot read");
  }

  @Test
  void run_familyThrowing_countsAsFailure() throws IOException {
    Files.writeString(dir.resolve("fake.json"), "[\"boom\"]");
    Report report = run();
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.files().get(0).error()).contains("runner error");
  }

  @Test
  void printText_endsWithClosingCountLine() throws IOException {
    Files.writeString(dir.resolve("fake.json"), "[1, 0, null]");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportPrinter.printText(run(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("fake.json: 1 passed, 1 failed, 1 skipped");
    assertThat(lines).contains("    skipped 1: no value", "    FAILED $[1]: value was 0");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 passed, 1 failed");
  }

  @Test
  void printJson_reportsTotals() throws IOException {
    Files.writeString(dir.resolve("fake.json"), "[1, null]");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportPrinter.printJson(run(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("{\"passed\":1,\"failed\":0,\"skipped\":1,")
        .contains("\"skipReasons\":{\"no value\":1}");
  }
}
