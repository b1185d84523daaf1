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

class HpkePqVectorFamilyTest {
  private static final Path FILE = VectorRoot.official().resolve("hpke-pq/test-vectors.json");
  private static String text;

  @BeforeAll
  static void load() throws Exception {
    // Every value is a number or a hex string, so dropping whitespace leaves the content unchanged.
    text = Files.readString(FILE, StandardCharsets.UTF_8).replaceAll("\\s", "");
  }

  /** The one case of {@code kemId} with {@code kdfId}, with a replacement applied. */
  private static List<CaseResult> runCase(int kemId, int kdfId, String from, String to) {
    String head = "{\"mode\":0,\"kem_id\":" + kemId + ",\"kdf_id\":" + kdfId + ",";
    int start = text.indexOf(head);
    assertThat(start).as("case KEM %d KDF %d", kemId, kdfId).isPositive();
    int end = text.indexOf("},{\"mode\"", start);
    String one = "[" + text.substring(start, end < 0 ? text.length() - 1 : end + 1) + "]";
    assertThat(one).contains(from);
    return new HpkePqVectorFamily().run(Json.parse(one.replaceFirst(from, to)));
  }

  private static String firstHex(int kemId, int kdfId, String field, int chars) {
    String head = "{\"mode\":0,\"kem_id\":" + kemId + ",\"kdf_id\":" + kdfId + ",";
    int at = text.indexOf("\"" + field + "\":\"", text.indexOf(head)) + field.length() + 4;
    return text.substring(at, at + chars);
  }

  private static String flipFirst(String hex) {
    return (hex.charAt(0) == '0' ? '1' : '0') + hex.substring(1);
  }

  @Test
  void recognises_testVectorsJsonInAnHpkePqFolder_only() {
    HpkePqVectorFamily family = new HpkePqVectorFamily();
    assertThat(family.recognises("hpke-pq/test-vectors.json", null)).isTrue();
    assertThat(family.recognises("hpke/test-vectors.json", null)).isFalse();
    assertThat(family.recognises("xwing/test-vectors.json", null)).isFalse();
  }

  @Test
  void run_draftFile_passesAllButTheTurboShakeCases() {
    List<CaseResult> results = new HpkePqVectorFamily().run(Json.parse(text));
    assertThat(results).hasSize(13);
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.FAILED).isEmpty();
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.SKIPPED)
        .extracting(CaseResult::name)
        .containsExactly(
            "mode 0 / KEM 0x0020 / KDF 0x0012 / AEAD 0x0003 / case 8",
            "mode 0 / KEM 0x0021 / KDF 0x0013 / AEAD 0x0003 / case 9",
            "mode 0 / KEM 0x0042 / KDF 0x0013 / AEAD 0x0001 / case 12");
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.SKIPPED)
        .allSatisfy(r -> assertThat(r.detail()).contains("TurboSHAKE"));
  }

  @Test
  void run_tamperedSeed_failsNamingTheDerivedKeys() {
    String ikm = firstHex(0x0041, 1, "ikmR", 8);
    List<CaseResult> results = runCase(0x0041, 1, "\"ikmR\":\"" + ikm, "\"ikmR\":\"" + flipFirst(ikm));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.detail()).contains("skRm").contains("pkRm").doesNotContain("enc");
    });
  }

  @Test
  void run_tamperedEncapsulationRandomness_failsNamingEnc() {
    String ikm = firstHex(0x647a, 1, "ikmE", 8);
    List<CaseResult> results = runCase(0x647a, 1, "\"ikmE\":\"" + ikm, "\"ikmE\":\"" + flipFirst(ikm));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.detail()).contains("enc").contains("key (sender)")
          .doesNotContain("key (receiver)").doesNotContain("shared_secret");
    });
  }

  @Test
  void run_tamperedSharedSecret_failsOnTheHybridCombiner() {
    String ss = firstHex(0x0051, 2, "shared_secret", 8);
    List<CaseResult> results =
        runCase(0x0051, 2, "\"shared_secret\":\"" + ss, "\"shared_secret\":\"" + flipFirst(ss));
    assertThat(results).singleElement().satisfies(r ->
        assertThat(r.detail()).isEqualTo("differs: shared_secret"));
  }

  @Test
  void run_tamperedExport_failsOnTheShakeKdf() {
    String x = firstHex(0x0050, 16, "exported_value", 8);
    List<CaseResult> results = runCase(
        0x0050, 16, "\"exported_value\":\"" + x, "\"exported_value\":\"" + flipFirst(x));
    assertThat(results).singleElement().satisfies(r -> assertThat(r.detail())
        .contains("exports[0].exported_value (sender)")
        .contains("exports[0].exported_value (receiver)"));
  }
}
