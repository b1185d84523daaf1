package dev.sealmeet.conformance.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.vectors.VectorRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XWingVectorFamilyTest {
  private static final Path FILE = VectorRoot.official().resolve("xwing/test-vectors.json");
  private static String text;

  @BeforeAll
  static void load() throws Exception {
    // Every value is a hex string, so dropping whitespace leaves the content unchanged.
    text = Files.readString(FILE, StandardCharsets.UTF_8).replaceAll("\\s", "");
  }

  /** The file with the first 8 hex digits of the first {@code field} flipped. */
  private static List<CaseResult> runTampered(String field) {
    String key = "\"" + field + "\":\"";
    int at = text.indexOf(key) + key.length();
    String original = text.substring(at, at + 8);
    String flipped = (original.charAt(0) == '0' ? '1' : '0') + original.substring(1);
    return new XWingVectorFamily().run(
        Json.parse(text.substring(0, at) + flipped + text.substring(at + 8)));
  }

  @Test
  void recognises_testVectorsJsonInAnXWingFolder_only() {
    XWingVectorFamily family = new XWingVectorFamily();
    assertThat(family.recognises("xwing/test-vectors.json", null)).isTrue();
    assertThat(family.recognises("hpke-pq/test-vectors.json", null)).isFalse();
    assertThat(family.recognises("xwing/mlkem-acvp/prompt.json", null)).isFalse();
  }

  @Test
  void run_draftFile_passesEveryCase() {
    List<CaseResult> results = new XWingVectorFamily().run(Json.parse(text));
    assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void run_tamperedEseed_failsNamingCtAndTheEncapsulatedSecret() {
    assertThat(runTampered("eseed").get(0).detail())
        .isEqualTo("differs: ct, ss (encapsulate)");
  }

  @Test
  void run_tamperedPk_failsNamingPk() {
    CaseResult first = runTampered("pk").get(0);
    assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(first.detail()).startsWith("differs: pk, ct, ss (encapsulate)")
        .doesNotContain("ss (decapsulate)");
  }

  @Test
  void run_tamperedCt_failsOnDecapsulation() {
    assertThat(runTampered("ct").get(0).detail()).isEqualTo("differs: ct, ss (decapsulate)");
  }

  @Test
  void run_tamperedSeed_failsNamingSkAndPk() {
    assertThat(runTampered("seed").get(0).detail()).isEqualTo("differs: sk, pk");
  }
}
