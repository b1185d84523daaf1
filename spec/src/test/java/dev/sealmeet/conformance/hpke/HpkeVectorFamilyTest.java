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

class HpkeVectorFamilyTest {
  private static final Path FILE = VectorRoot.official().resolve("hpke/test-vectors.json");
  private static String text;

  @BeforeAll
  static void load() throws Exception {
    text = Files.readString(FILE, StandardCharsets.UTF_8);
  }

  /** The first case only (base mode, X25519, HKDF-SHA256, AES-128-GCM), with a replacement applied. */
  private static List<CaseResult> runFirstCase(String from, String to) {
    int end = text.indexOf("},{\"mode\"");
    String first = "[" + text.substring(1, end + 1) + "]";
    assertThat(first).contains(from);
    return new HpkeVectorFamily().run(Json.parse(first.replaceFirst(from, to)));
  }

  @Test
  void recognises_testVectorsJsonInAnHpkeFolder_only() {
    HpkeVectorFamily family = new HpkeVectorFamily();
    assertThat(family.recognises("hpke/test-vectors.json", null)).isTrue();
    assertThat(family.recognises("x/hpke/test-vectors.json", null)).isTrue();
    assertThat(family.recognises("test-vectors.json", null)).isFalse();
    assertThat(family.recognises("hpke/hpke-pq-test-vectors.json", null)).isFalse();
    assertThat(family.recognises("mls/test-vectors.json", null)).isFalse();
  }

  @Test
  void run_rfc9180File_passesEveryCase() {
    List<CaseResult> results = new HpkeVectorFamily().run(Json.parse(text));
    assertThat(results).hasSize(128);
    assertThat(results).filteredOn(r -> r.outcome() != Outcome.PASSED).isEmpty();
  }

  @Test
  void run_tamperedCiphertext_failsNamingTheField() {
    String ct = "\"ct\":\"";
    int at = text.indexOf(ct) + ct.length();
    String original = text.substring(at, at + 8);
    String flipped = (original.charAt(0) == '0' ? '1' : '0') + original.substring(1);
    List<CaseResult> results = runFirstCase(ct + original, ct + flipped);
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.detail())
          .contains("encryptions[0].ct")
          .contains("encryptions[0].pt (open: AES-128-GCM tag did not verify)")
          .doesNotContain("encryptions[1]")
          .doesNotContain("out of step");
    });
  }

  @Test
  void run_tamperedExporterSecret_failsNamingBothSides() {
    String field = "\"exporter_secret\":\"";
    int at = text.indexOf(field) + field.length();
    String original = text.substring(at, at + 8);
    String flipped = (original.charAt(0) == 'f' ? 'e' : 'f') + original.substring(1);
    List<CaseResult> results = runFirstCase(field + original, field + flipped);
    assertThat(results.get(0).detail())
        .contains("exporter_secret (sender)")
        .contains("exporter_secret (receiver)");
  }

  @Test
  void run_unsupportedKem_isSkippedNamingTheId() {
    List<CaseResult> results = runFirstCase("\"kem_id\":32", "\"kem_id\":48");
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(r.detail()).contains("KEM 0x0030");
    });
  }
}
