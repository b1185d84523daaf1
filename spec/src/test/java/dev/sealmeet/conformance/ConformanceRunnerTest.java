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

  /**
   * Claims files named "fake*.json"; case value 1 passes, 0 fails, null is skipped, an object
   * throws (a bug of the family), anything else is malformed for it.
   */
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
        if (c.isObject()) {
          throw new IllegalStateException("boom");
        } else if (c.isNull()) {
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
    assertThat(report.failed()).isEqualTo(2);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.files()).extracting(FileReport::file).containsExactly("other.json", "sub/fake-a.json");
    assertThat(report.files().get(0).unrecognised()).isTrue();
  }

  @Test
  void run_unrecognisedFile_isAFailure() throws IOException {
    Files.writeString(dir.resolve("fake.json"), "[1]");
    Files.writeString(dir.resolve("stray.json"), "{\"cases\": []}");
    Report report = run();
    assertThat(report.passed()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.succeeded()).isFalse();
    assertThat(report.files().get(1).error()).isEqualTo(FileReport.UNRECOGNISED);
  }

  @Test
  void run_nothingPassed_doesNotSucceed() throws IOException {
    Files.writeString(dir.resolve("fake.json"), "[null, null]");
    Report report = run();
    assertThat(report.failed()).isZero();
    assertThat(report.skipped()).isEqualTo(2);
    assertThat(report.succeeded()).isFalse();
    assertThat(new ConformanceRunner(List.of(new FakeFamily())).run(List.of()).succeeded())
        .isFalse();
    Files.writeString(dir.resolve("fake-2.json"), "[1]");
    assertThat(run().succeeded()).isTrue();
  }

  @Test
  void run_malformedWycheproofFile_isThatFilesFailureAndTheRunGoesOn() throws IOException {
    Files.writeString(dir.resolve("a_test.json"),
        "{\"algorithm\": \"XDH\", \"schema\": 7, \"testGroups\": []}");
    Files.writeString(dir.resolve("fake.json"), "[1]");
    Report report = ConformanceRunner.withAllFamilies().run(List.of(dir));
    assertThat(report.files()).extracting(FileReport::file)
        .containsExactly("a_test.json", "fake.json");
    assertThat(report.files().get(0).error()).contains("malformed").contains("$.schema");
    assertThat(report.files().get(1).unrecognised()).isTrue();
    assertThat(report.failed()).isEqualTo(2);
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
    Files.writeString(dir.resolve("fake.json"), "[{}]");
    Files.writeString(dir.resolve("fake-2.json"), "[\"boom\"]");
    Report report = run();
    assertThat(report.failed()).isEqualTo(2);
    // fake-2.json sorts first.
    assertThat(report.files().get(0).error())
        .isEqualTo("malformed for fake: $[0]: expected an integer");
    assertThat(report.files().get(1).error())
        .isEqualTo("runner error: IllegalStateException: boom");
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
