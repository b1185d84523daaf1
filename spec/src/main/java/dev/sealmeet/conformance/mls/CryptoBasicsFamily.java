package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.util.List;

/**
 * {@code crypto-basics.json} (mls-implementations test-vectors.md "Crypto Basics"): RefHash,
 * ExpandWithLabel, DeriveSecret, DeriveTreeSecret, Sign/VerifyWithLabel and Encrypt/DecryptWithLabel
 * of RFC 9420 §5, through {@link MlsSuite}.
 */
public final class CryptoBasicsFamily implements VectorFamily {
  private final SuiteRegistry suites;

  /** Resolves suite ids with RFC 9420's registry ({@link SuiteRegistry#rfc9420()}). */
  public CryptoBasicsFamily() {
    this(SuiteRegistry.rfc9420());
  }

  /** Resolves suite ids with {@code suites} (e.g. {@link SuiteRegistry#draftPq()}). */
  public CryptoBasicsFamily(SuiteRegistry suites) {
    this.suites = java.util.Objects.requireNonNull(suites, "suites");
  }

  @Override
  public String name() {
    return "mls/crypto-basics";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("crypto-basics.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, suites, CryptoBasicsFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    JsonNode ref = c.get("ref_hash");
    m.bytes("ref_hash.out", ref.hex("out"), suite.refHash(ref.string("label"), ref.hex("value")));

    JsonNode expand = c.get("expand_with_label");
    m.bytes("expand_with_label.out", expand.hex("out"), suite.expandWithLabel(
        expand.hex("secret"), expand.string("label"), expand.hex("context"),
        expand.integer("length")));

    JsonNode derive = c.get("derive_secret");
    m.bytes("derive_secret.out", derive.hex("out"),
        suite.deriveSecret(derive.hex("secret"), derive.string("label")));

    JsonNode tree = c.get("derive_tree_secret");
    m.bytes("derive_tree_secret.out", tree.hex("out"), suite.deriveTreeSecret(
        tree.hex("secret"), tree.string("label"), tree.get("generation").asLong(),
        tree.integer("length")));

    JsonNode enc = c.get("encrypt_with_label");
    String encLabel = enc.string("label");
    m.bytes("encrypt_with_label: decrypt given ciphertext", enc.hex("plaintext"),
        suite.decryptWithLabel(enc.hex("priv"), encLabel, enc.hex("context"),
            enc.hex("kem_output"), enc.hex("ciphertext")));
    HpkeSealed sealed = suite.encryptWithLabel(
        enc.hex("pub"), encLabel, enc.hex("context"), enc.hex("plaintext"));
    m.bytes("encrypt_with_label: decrypt own ciphertext", enc.hex("plaintext"),
        suite.decryptWithLabel(enc.hex("priv"), encLabel, enc.hex("context"),
            sealed.kemOutput(), sealed.ciphertext()));

    JsonNode sign = c.get("sign_with_label");
    String signLabel = sign.string("label");
    m.isTrue("sign_with_label: given signature verifies", suite.verifyWithLabel(
        sign.hex("pub"), signLabel, sign.hex("content"), sign.hex("signature")));
    byte[] own = suite.signWithLabel(sign.hex("priv"), signLabel, sign.hex("content"));
    m.isTrue("sign_with_label: own signature verifies",
        suite.verifyWithLabel(sign.hex("pub"), signLabel, sign.hex("content"), own));
  }
}
