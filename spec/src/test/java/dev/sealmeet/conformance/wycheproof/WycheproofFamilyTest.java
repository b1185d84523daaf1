package dev.sealmeet.conformance.wycheproof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The family's judging logic on small hand-built files: a wrong expectation or a tampered input must
 * fail (the family cannot pass what it did not check), acceptable cases follow the policy, unsupported
 * parameters are skipped with a reason.
 */
class WycheproofFamilyTest {
  private final WycheproofFamily family = new WycheproofFamily();

  /** Wycheproof ed25519_test.json group 0 key and tcId 1 (empty message). */
  private static final String ED_PK =
      "7d4d0e7f6153a69b6242b522abbee685fda4420f8834b108c3bdae369ef549fa";
  private static final String ED_SIG = "d4fbdb52bfa726b44d1786a8c0d171c3e62ca83c9e5bbe63de0bb2483f8fd6cc"
      + "1429ab72cafc41ab56af02ff8fcc43b99bfe4c7ae940f60f38ebaa9d311c4007";

  private static JsonNode file(String schema, String algorithm, String group, String tests) {
    return Json.parse("{\"algorithm\":\"" + algorithm + "\",\"schema\":\"" + schema + "\","
        + "\"numberOfTests\":1,\"notes\":{},\"testGroups\":[{" + group + ",\"tests\":[" + tests + "]}]}");
  }

  private static String edTest(int tcId, String sig, String result, String flag) {
    return "{\"tcId\":" + tcId + ",\"comment\":\"c" + tcId + "\",\"flags\":[\"" + flag + "\"],"
        + "\"msg\":\"\",\"sig\":\"" + sig + "\",\"result\":\"" + result + "\"}";
  }

  private List<CaseResult> runEd(String tests) {
    JsonNode f = file("eddsa_verify_schema_v1.json", "EDDSA",
        "\"type\":\"EddsaVerify\",\"publicKey\":{\"curve\":\"edwards25519\",\"pk\":\"" + ED_PK + "\"}",
        tests);
    assertThat(family.recognises("any/name.json", f)).isTrue();
    return family.run(f);
  }

  @Test
  void run_validSignature_passesAndIsNamedByTcIdAndGroup() {
    List<CaseResult> r = runEd(edTest(1, ED_SIG, "valid", "Ktv"));
    assertThat(r).extracting(CaseResult::outcome).containsExactly(Outcome.PASSED);
    assertThat(r.get(0).name()).isEqualTo("tcId 1 (group 0: edwards25519)");
  }

  @Test
  void run_validSignatureMarkedInvalid_failsNamingFlagAndComment() {
    List<CaseResult> r = runEd(edTest(7, ED_SIG, "invalid", "SignatureMalleability"));
    assertThat(r.get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.get(0).detail()).contains("expected reject", "SignatureMalleability", "'c7'");
  }

  @Test
  void run_tamperedSignatureMarkedValid_fails() {
    String tampered = ED_SIG.substring(0, ED_SIG.length() - 2) + "08";
    List<CaseResult> r = runEd(edTest(2, tampered, "valid", "Ktv"));
    assertThat(r.get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.get(0).detail()).contains("expected accept", "verify returned false");
  }

  @Test
  void run_oneResultPerTest_inFileOrder() {
    List<CaseResult> r = runEd(edTest(1, ED_SIG, "valid", "Ktv") + ","
        + edTest(2, ED_SIG + "00", "invalid", "SignatureWithGarbage"));
    assertThat(r).extracting(CaseResult::name).containsExactly(
        "tcId 1 (group 0: edwards25519)", "tcId 2 (group 0: edwards25519)");
    assertThat(r).extracting(CaseResult::outcome).containsOnly(Outcome.PASSED);
  }

  private List<CaseResult> runX25519(String result, String flag) {
    String zeros = "00".repeat(32);
    String test = "{\"tcId\":1,\"comment\":\"low order\",\"flags\":[\"" + flag + "\"],\"public\":\""
        + zeros + "\",\"private\":\"" + "11".repeat(32) + "\",\"shared\":\"" + zeros
        + "\",\"result\":\"" + result + "\"}";
    return family.run(file("xdh_comp_schema_v1.json", "XDH",
        "\"type\":\"XdhComp\",\"curve\":\"curve25519\"", test));
  }

  @Test
  void run_x25519ZeroSharedAcceptable_isRejectedByPolicyAndPasses() {
    assertThat(runX25519("acceptable", "ZeroSharedSecret").get(0).outcome())
        .isEqualTo(Outcome.PASSED);
  }

  @Test
  void run_x25519ZeroSharedMarkedValid_failsBecauseWeReject() {
    CaseResult r = runX25519("valid", "ZeroSharedSecret").get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.detail()).contains("BadKeyException");
  }

  private CaseResult runGcm(int keySize, int ivSize, String result) {
    String test = "{\"tcId\":1,\"comment\":\"\",\"flags\":[],\"key\":\"" + "00".repeat(keySize / 8)
        + "\",\"iv\":\"" + "00".repeat(ivSize / 8) + "\",\"aad\":\"\",\"msg\":\"\",\"ct\":\"\","
        + "\"tag\":\"" + "00".repeat(16) + "\",\"result\":\"" + result + "\"}";
    return family.run(file("aead_test_schema_v1.json", "AES-GCM",
        "\"type\":\"AeadTest\",\"keySize\":" + keySize + ",\"ivSize\":" + ivSize + ",\"tagSize\":128",
        test)).get(0);
  }

  @Test
  void run_aes192_isSkippedWithReason() {
    CaseResult r = runGcm(192, 96, "invalid");
    assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(r.detail()).startsWith("AES-192-GCM is not offered");
  }

  @Test
  void run_gcmUnsupportedIv_skipsValidButCountsRejectionOfInvalid() {
    assertThat(runGcm(128, 64, "valid").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(runGcm(128, 64, "invalid").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(runGcm(128, 0, "invalid").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void run_gcmWrongTagMarkedValid_fails() {
    CaseResult r = runGcm(256, 96, "valid");
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.detail()).contains("AuthenticationException");
  }

  @Test
  void recognises_unknownSchemaOrNonObject_isFalse() {
    assertThat(family.recognises("x.json", file("aes_gcm_siv_schema.json", "AES-GCM-SIV", "\"a\":1", "")))
        .isFalse();
    assertThat(family.recognises("x.json", Json.parse("[1, 2]"))).isFalse();
    assertThat(family.recognises("x.json", Json.parse("{\"schema\":\"xdh_comp_schema_v1.json\"}")))
        .isFalse();
  }

  private CaseResult runMlKemDecaps(String seed, String result) {
    JsonNode f = file("mlkem_test_schema.json", "ML-KEM",
        "\"type\":\"MLKEMTest\",\"parameterSet\":\"ML-KEM-768\"",
        "{\"tcId\":1,\"flags\":[],\"seed\":\"" + seed + "\",\"c\":\"" + "00".repeat(1088)
            + "\",\"K\":\"\",\"result\":\"" + result + "\"}");
    return family.run(f).get(0);
  }

  @Test
  void run_mlKemShortSeed_isRejectedAndPassesOnlyWhenInvalid() {
    assertThat(runMlKemDecaps("00".repeat(63), "invalid").outcome()).isEqualTo(Outcome.PASSED);
    CaseResult r = runMlKemDecaps("00".repeat(63), "valid");
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.detail()).contains("BadKeyException");
  }

  @Test
  void run_mlKemWrongExpectedKey_fails() {
    // A well-formed seed and ciphertext decapsulate (implicit rejection) to some K, never to empty.
    CaseResult r = runMlKemDecaps("00".repeat(64), "valid");
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.detail()).contains("K differs");
  }
}
