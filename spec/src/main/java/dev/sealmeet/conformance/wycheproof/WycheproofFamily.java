package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Hkdf;
import dev.sealmeet.error.SealmeetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Project Wycheproof vector files (C2SP/wycheproof {@code testvectors_v1}), recognised by their
 * {@code schema} and {@code algorithm} fields, run against Sealmeet's crypto API: {@code Signatures}
 * (EdDSA, ECDSA, ML-DSA-65), {@code DhGroups}, {@code Aeads}, {@code Hkdf} and {@code MlKems}. One {@link CaseResult} per test, named {@code
 * "tcId 17 (group 3: secp256r1 SHA-256)"}.
 *
 * <p>A {@code valid} test passes when the API accepts it with every expected output, an {@code
 * invalid} one when the API rejects it, an {@code acceptable} one when the API does what our written
 * policy ({@code spec/wycheproof-policy.md}) says for its flags. Failures name the flags and comment.
 */
public final class WycheproofFamily implements VectorFamily {

  @Override
  public String name() {
    return "wycheproof";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return content.isObject() && content.has("schema") && content.has("algorithm")
        && content.has("testGroups") && checkFor(content) != null;
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    Check check = checkFor(content);
    if (check == null) {
      throw new IllegalArgumentException("not a supported Wycheproof file");
    }
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> groups = content.get("testGroups").elements();
    for (int g = 0; g < groups.size(); g++) {
      JsonNode group = groups.get(g);
      List<JsonNode> tests = group.get("tests").elements();
      for (int i = 0; i < tests.size(); i++) {
        results.add(runTest(check, g, group, tests.get(i), i));
      }
    }
    return results;
  }

  private static CaseResult runTest(Check check, int g, JsonNode group, JsonNode test, int index) {
    String name = "group " + g + " / test " + index;
    try {
      WycheproofTest t = WycheproofTest.read(g, group, test);
      name = "tcId " + t.tcId() + " (group " + g + ": " + check.groupLabel(t) + ")";
      String skip = check.skipReason(t);
      if (skip != null) {
        return CaseResult.skipped(name, skip);
      }
      boolean expectAccept = check.expectAccept(t);
      Verdict verdict = check.run(t);
      if (expectAccept && !verdict.accepted()) {
        return CaseResult.failed(
            name, "expected accept (" + t.describe() + ") but rejected: " + verdict.detail());
      }
      if (expectAccept && !verdict.detail().isEmpty()) {
        return CaseResult.failed(name, verdict.detail() + " (" + t.describe() + ")");
      }
      if (!expectAccept && verdict.accepted()) {
        return CaseResult.failed(name, "expected reject (" + t.describe() + ") but accepted"
            + (verdict.detail().isEmpty() ? "" : "; " + verdict.detail()));
      }
      return CaseResult.passed(name);
    } catch (SealmeetException | RuntimeException e) {
      return CaseResult.failed(name, "unexpected " + e.getClass().getSimpleName() + ": "
          + e.getMessage());
    }
  }

  /** The check for a file's schema and algorithm, or {@code null} if we do not run it. */
  static Check checkFor(JsonNode content) {
    String schema = content.string("schema");
    String algorithm = content.string("algorithm");
    switch (schema + " " + algorithm) {
      case "eddsa_verify_schema_v1.json EDDSA":
        return SignatureCheck.eddsa();
      case "ecdsa_verify_schema_v1.json ECDSA":
        return SignatureCheck.ecdsa();
      case "xdh_comp_schema_v1.json XDH":
        return DhCheck.xdh();
      case "ecdh_ecpoint_test_schema_v1.json ECDH":
        return DhCheck.ecpoint();
      case "aead_test_schema_v1.json AES-GCM":
        return AeadCheck.aesGcm();
      case "aead_test_schema_v1.json CHACHA20-POLY1305":
        return AeadCheck.chacha20Poly1305();
      case "hkdf_test_schema_v1.json HKDF-SHA-256":
        return KdfMacCheck.hkdf(Hkdf.SHA256);
      case "hkdf_test_schema_v1.json HKDF-SHA-384":
        return KdfMacCheck.hkdf(Hkdf.SHA384);
      case "hkdf_test_schema_v1.json HKDF-SHA-512":
        return KdfMacCheck.hkdf(Hkdf.SHA512);
      case "mac_test_schema_v1.json HMACSHA256":
        return KdfMacCheck.hmac(Hkdf.SHA256);
      case "mac_test_schema_v1.json HMACSHA384":
        return KdfMacCheck.hmac(Hkdf.SHA384);
      case "mac_test_schema_v1.json HMACSHA512":
        return KdfMacCheck.hmac(Hkdf.SHA512);
      case "mlkem_keygen_seed_test_schema.json ML-KEM":
        return new MlKemCheck(MlKemCheck.Kind.KEYGEN_SEED);
      case "mlkem_test_schema.json ML-KEM":
        return new MlKemCheck(MlKemCheck.Kind.DECAPS_SEED);
      case "mlkem_encaps_test_schema.json ML-KEM":
        return new MlKemCheck(MlKemCheck.Kind.ENCAPS);
      case "mlkem_semi_expanded_decaps_test_schema.json ML-KEM":
        return new MlKemCheck(MlKemCheck.Kind.DECAPS_EXPANDED);
      case "mldsa_verify_schema.json ML-DSA-65":
        return MlDsaCheck.verify();
      case "mldsa_sign_seed_schema.json ML-DSA-65":
        return MlDsaCheck.signSeed();
      case "mldsa_sign_noseed_schema.json ML-DSA-65":
        return MlDsaCheck.signNoSeed();
      default:
        return null;
    }
  }
}
