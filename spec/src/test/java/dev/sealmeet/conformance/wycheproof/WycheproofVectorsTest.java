package dev.sealmeet.conformance.wycheproof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.ConformanceRunner;
import dev.sealmeet.conformance.FileReport;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.conformance.Report;
import dev.sealmeet.vectors.VectorRoot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every bundled Wycheproof file and pins the measured counts (spec/wycheproof-policy.md), so a
 * regression that turns a pass into a skip, or drops a case, is caught as well as a failure.
 */
class WycheproofVectorsTest {
  private static final Path FOLDER = VectorRoot.official().resolve("wycheproof");

  /** file -> {passed, skipped}; failed must be 0 everywhere. */
  private static final Map<String, long[]> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("aes_gcm_test.json", new long[] {137, 179});
    EXPECTED.put("chacha20_poly1305_test.json", new long[] {325, 0});
    EXPECTED.put("ecdh_secp256r1_ecpoint_test.json", new long[] {355, 0});
    EXPECTED.put("ecdh_secp384r1_ecpoint_test.json", new long[] {790, 0});
    EXPECTED.put("ecdh_secp521r1_ecpoint_test.json", new long[] {661, 0});
    EXPECTED.put("ecdsa_secp256r1_sha256_test.json", new long[] {484, 0});
    EXPECTED.put("ecdsa_secp384r1_sha384_test.json", new long[] {504, 0});
    EXPECTED.put("ecdsa_secp521r1_sha512_test.json", new long[] {542, 0});
    EXPECTED.put("ed25519_test.json", new long[] {151, 0});
    EXPECTED.put("ed448_test.json", new long[] {87, 0});
    EXPECTED.put("hkdf_sha256_test.json", new long[] {86, 0});
    EXPECTED.put("hkdf_sha384_test.json", new long[] {83, 0});
    EXPECTED.put("hkdf_sha512_test.json", new long[] {83, 0});
    EXPECTED.put("hmac_sha256_test.json", new long[] {174, 0});
    EXPECTED.put("hmac_sha384_test.json", new long[] {174, 0});
    EXPECTED.put("hmac_sha512_test.json", new long[] {174, 0});
    EXPECTED.put("mldsa_65_sign_noseed_test.json", new long[] {4, 74});
    EXPECTED.put("mldsa_65_sign_seed_test.json", new long[] {83, 22});
    EXPECTED.put("mldsa_65_verify_test.json", new long[] {203, 7});
    EXPECTED.put("mlkem_768_encaps_test.json", new long[] {265, 0});
    EXPECTED.put("mlkem_768_keygen_seed_test.json", new long[] {100, 0});
    EXPECTED.put("mlkem_768_semi_expanded_decaps_test.json", new long[] {6, 3});
    EXPECTED.put("mlkem_768_test.json", new long[] {193, 0});
    EXPECTED.put("x25519_test.json", new long[] {518, 0});
    EXPECTED.put("x448_test.json", new long[] {510, 0});
  }

  private static Report report;

  @BeforeAll
  static void runAll() {
    report = new ConformanceRunner(List.of(new WycheproofFamily())).run(List.of(FOLDER));
  }

  @Test
  void everyWycheproofFile_isRecognisedWithoutFileError() {
    assertThat(report.files()).extracting(FileReport::file)
        .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    assertThat(report.files()).allSatisfy(f -> {
      assertThat(f.family()).as(f.file()).isEqualTo("wycheproof");
      assertThat(f.error()).as(f.file()).isEmpty();
    });
  }

  @Test
  void everyWycheproofCase_hasNoFailure() {
    List<String> failures = report.files().stream()
        .flatMap(f -> f.cases().stream()
            .filter(c -> c.outcome() == Outcome.FAILED)
            .map(c -> f.file() + " " + c.name() + ": " + c.detail()))
        .collect(Collectors.toList());
    assertThat(failures).isEmpty();
  }

  @Test
  void passedAndSkippedCounts_matchMeasuredTotals() {
    Map<String, String> actual = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (FileReport f : report.files()) {
      actual.put(f.file(), f.count(Outcome.PASSED) + " passed / " + f.count(Outcome.FAILED)
          + " failed / " + f.count(Outcome.SKIPPED) + " skipped");
      long[] e = EXPECTED.getOrDefault(f.file(), new long[] {-1, -1});
      expected.put(f.file(), e[0] + " passed / 0 failed / " + e[1] + " skipped");
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void skippedCases_giveOneOfTheDocumentedReasons() {
    List<String> reasons = report.files().stream()
        .flatMap(f -> f.cases().stream())
        .filter(c -> c.outcome() == Outcome.SKIPPED)
        .map(CaseResult::detail)
        .distinct()
        .collect(Collectors.toList());
    assertThat(reasons).allSatisfy(r -> assertThat(r).satisfiesAnyOf(
        x -> assertThat(x).startsWith("expanded ML-KEM decapsulation keys are not offered"),
        x -> assertThat(x).startsWith("AES-192-GCM is not offered by our API"),
        x -> assertThat(x).matches("ivSize \\d+ / tagSize 128 bits not offered by our API.*"),
        x -> assertThat(x).startsWith("ML-DSA context strings are not offered"),
        x -> assertThat(x).startsWith("external-mu ML-DSA signing is not offered"),
        x -> assertThat(x).startsWith("hedged ML-DSA signing with a given rnd is not offered"),
        x -> assertThat(x).startsWith("expanded ML-DSA private keys are not offered")));
  }

  @Test
  void caseNames_carryTcIdAndGroup() {
    FileReport ecdsa = report.files().stream()
        .filter(f -> f.file().equals("ecdsa_secp256r1_sha256_test.json")).findFirst().orElseThrow();
    assertThat(ecdsa.cases().get(0).name()).isEqualTo("tcId 1 (group 0: secp256r1 SHA-256)");
  }
}
