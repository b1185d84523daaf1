package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.ConformanceRunner;
import dev.sealmeet.conformance.FileReport;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.error.SealmeetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provisional post-quantum MLS vectors of {@code spec/vectors/mls-pq}: the committed files are
 * what {@link PqVectorGenerator} writes, every case passes the family {@code sealmeet conformance}
 * runs on that folder (suite ids resolved with {@code SuiteRegistry.draftPq()}), a changed output
 * fails, and the same files outside that folder are not run with the PQ code points.
 */
class PqVectorsTest {
  /** Per file: the number of cases, and one output field whose change must fail a case. */
  private static final Map<String, Integer> CASES = Map.of("crypto-basics.json", 11,
      "key-schedule.json", 11, "secret-tree.json", 22, "message-protection.json", 11,
      "welcome.json", 11, "tree-operations.json", 33,
      "treekem.json", 11, "passive-client-welcome.json", 22,
      "passive-client-handling-commit.json", 11, "passive-client-random.json", 11);
  private static final Map<String, String> OUTPUT = Map.of("crypto-basics.json", "\"out\": \"",
      "key-schedule.json", "\"epoch_authenticator\": \"", "secret-tree.json",
      "\"application_nonce\": \"", "message-protection.json", "\"application_priv\": \"",
      "welcome.json", "\"welcome\": \"", "tree-operations.json", "\"tree_hash_after\": \"",
      "treekem.json", "\"commit_secret\": \"",
      "passive-client-welcome.json", "\"initial_epoch_authenticator\": \"",
      "passive-client-handling-commit.json", "\"epoch_authenticator\": \"",
      "passive-client-random.json", "\"epoch_authenticator\": \"");

  static List<String> files() {
    return PqVectorGenerator.FILES;
  }

  private static String committed(String file) throws IOException {
    return Files.readString(PqVectorGenerator.DIR.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the committed mls-pq files are what the generator writes")
  void committedFiles_areTheGeneratorsOutput() throws SealmeetException, IOException {
    if (Boolean.getBoolean("sealmeet.regenerate")) {
      PqVectorGenerator.main(new String[0]);
    }
    for (String file : PqVectorGenerator.FILES) {
      assertThat(committed(file)).as(file).isEqualTo(PqVectorGenerator.generate(file));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyCase_passesInTheMlsPqFolder_andAChangedOutputFails(String file, @TempDir Path dir)
      throws IOException {
    String text = committed(file);
    FileReport report = runAt(dir, "mls-pq/" + file, text);
    String family = file.startsWith("passive-client") ? "passive-client" : file.replace(".json", "");
    assertThat(report.family()).isEqualTo("mls-pq/" + family);
    assertThat(report.error()).isEmpty();
    assertThat(report.cases()).hasSize(CASES.get(file)).allSatisfy(
        c -> assertThat(c.outcome()).as(c.name() + ": " + c.detail()).isEqualTo(Outcome.PASSED));
    assertThat(report.cases()).extracting(CaseResult::name).first().asString()
        .startsWith("suite 0xf001");

    int at = text.indexOf(OUTPUT.get(file)) + OUTPUT.get(file).length() + 10;
    String changed = text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0')
        + text.substring(at + 1);
    FileReport broken = runAt(dir, "mls-pq/" + file, changed);
    assertThat(broken.cases()).extracting(CaseResult::outcome)
        .containsOnlyOnce(Outcome.FAILED).contains(Outcome.PASSED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void outsideTheMlsPqFolder_thePqCodePointsAreUnsupported(String file, @TempDir Path dir)
      throws IOException {
    FileReport report = runAt(dir, "elsewhere/" + file, committed(file));
    assertThat(report.family()).startsWith("mls/");
    assertThat(report.cases()).hasSize(CASES.get(file)).allSatisfy(c -> {
      assertThat(c.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(c.detail()).contains("not supported");
    });
  }

  private static FileReport runAt(Path dir, String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return ConformanceRunner.withAllFamilies().runFile(dir, file);
  }
}
