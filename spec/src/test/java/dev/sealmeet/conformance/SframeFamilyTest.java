package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SframeFamilyTest {
  private static final Path RFC_FILE = VectorRoot.official().resolve("sframe/test-vectors.json");
  private final SframeFamily family = new SframeFamily();

  private static String rfcText() throws IOException {
    return Files.readString(RFC_FILE, StandardCharsets.UTF_8);
  }

  @Test
  void run_rfcFile_passesEveryCase() throws IOException {
    List<CaseResult> results = family.run(Json.parse(rfcText()));
    assertThat(results).hasSize(289 + 3 + 5);
    assertThat(results).allMatch(r -> r.outcome() == Outcome.PASSED);
    assertThat(results).filteredOn(r -> r.name().startsWith("header /")).hasSize(289);
    assertThat(results).filteredOn(r -> r.name().startsWith("aes_ctr_hmac /")).hasSize(3);
    assertThat(results).filteredOn(r -> r.name().startsWith("sframe /")).hasSize(5);
  }

  @Test
  void recognises_sameLayoutElsewhere_byContent() throws IOException {
    JsonNode content = Json.parse(rfcText());
    assertThat(family.recognises("anywhere/else/my-vectors.json", content)).isTrue();
    assertThat(family.recognises("sframe/post-rfc/test-vectors-aes256.json", Json.parse("{}"))).isTrue();
    assertThat(family.recognises("hpke/test-vectors.json", Json.parse("[]"))).isFalse();
    assertThat(family.recognises("x/test-vectors.json", Json.parse("{\"header\": [], \"mode\": 1}")))
        .isFalse();
  }

  @Test
  void run_tamperedIntermediate_failsNamingTheField() {
    String text = "{\"sframe\": [{\"cipher_suite\": 4, \"kid\": 291, \"ctr\": 17767,"
        + " \"base_key\": \"000102030405060708090a0b0c0d0e0f\","
        + " \"sframe_key_label\": \"534672616d6520312e3020536563726574206b65792000000000000001230004\","
        + " \"sframe_salt_label\": \"534672616d6520312e30205365637265742073616c742000000000000001230004\","
        + " \"sframe_secret\": \"d926952ca8b7ec4a95941d1ada3a5203ceff8cceee34f574d23909eb314c40c0\","
        + " \"sframe_key\": \"d34f547f4ca4f9a7447006fe7fcbf768\","
        + " \"sframe_salt\": \"75234edefe07819026751816\","
        + " \"metadata\": \"4945544620534672616d65205747\","
        + " \"nonce\": \"75234edefe07819026755d70\"," // last byte changed from 71
        + " \"aad\": \"99012345674945544620534672616d65205747\","
        + " \"pt\": \"64726166742d696574662d736672616d652d656e63\","
        + " \"ct\": \"9901234567b7412c2513a1b66dbb48841bbaf17f598751176ad847681a69c6d0b091c07018ce4adb34eb\"}]}";
    List<CaseResult> results = family.run(Json.parse(text));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.detail()).contains("nonce").doesNotContain("sframe_key", "ct (protect)");
    });
  }

  @Test
  void run_unknownSuite_isSkippedWithReason() {
    String text = "{\"aes_ctr_hmac\": [{\"cipher_suite\": 61440, \"key\": \"00\", \"enc_key\": \"00\","
        + " \"auth_key\": \"00\", \"nonce\": \"00\", \"aad\": \"\", \"pt\": \"\", \"ct\": \"00\"}]}";
    List<CaseResult> results = family.run(Json.parse(text));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(r.detail()).contains("0xf000");
      assertThat(r.name()).isEqualTo("aes_ctr_hmac / suite 61440 / case 0");
    });
  }

  @Test
  void runSuiteCase_unsupportedOutsideTheSuiteLookup_isAFailureNotASkip() {
    JsonNode c = Json.parse("{\"cipher_suite\": 4}");
    CaseResult result = SframeFamily.runSuiteCase("case", c, (suite, node, mismatches) -> {
      throw new UnsupportedException("something deeper than the suite");
    });
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(SframeFamily.runSuiteCase("case", Json.parse("{\"cipher_suite\": 61440}"),
        (suite, node, mismatches) -> { }).outcome()).isEqualTo(Outcome.SKIPPED);
  }

  @Test
  void run_wrongKeyAndSalt_namesTheFieldsButNoValues() throws IOException {
    String text = rfcText();
    String key = "3f7d9a7c83ae8e1c8a11ae695ab59314b367e359fadac7b9c46b2bc6f81f46e1"
        + "6b96f0811868d59402b7e870102720b3";
    String salt = "50b29329a04dc0f184ac3168";
    String nonce = "50b29329a04dc0f184ac740f";
    String tampered = text.replace(key, "00".repeat(48)).replace(salt, "11".repeat(12))
        .replace(nonce, "22".repeat(12));
    assertThat(tampered).isNotEqualTo(text);
    List<CaseResult> failed = family.run(Json.parse(tampered)).stream()
        .filter(r -> r.outcome() == Outcome.FAILED).toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).detail()).contains("sframe_key", "sframe_salt", "nonce")
        .doesNotContain(key.substring(0, 16), salt, nonce, "00000000", "111111", "222222");
  }
}
