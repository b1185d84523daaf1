package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.crypto.SignatureScheme;
import dev.sealmeet.crypto.Signatures;
import dev.sealmeet.error.BadKeyException;
import java.util.Arrays;

/**
 * ML-DSA-65 ({@code mldsa_verify_schema}, {@code mldsa_sign_seed_schema}, {@code
 * mldsa_sign_noseed_schema}) through {@link Signatures#mlDsa65()}: pure ML-DSA, empty context,
 * 32-byte seed private keys, deterministic signing.
 *
 * <p>Verify tests: {@code verify(publicKey, msg, sig)}. Sign tests: {@code publicKey(seed)} must equal
 * the group's {@code publicKey}, {@code sign(seed, msg)} must equal {@code sig}, and {@code sig} must
 * verify; {@link BadKeyException} is a rejection. Not offered by our API, so skipped: a non-empty
 * {@code ctx}, external μ ({@code Internal} tests that give only {@code mu}), hedged signing (a
 * non-zero {@code rnd}), and expanded private keys ({@code noseed}) for {@code valid} tests; an
 * {@code invalid} test with an expanded key is run, and our API's refusal of that key counts.
 */
final class MlDsaCheck implements Check {
  private static final String NO_CONTEXT =
      "ML-DSA context strings are not offered by our API (pure ML-DSA, empty context)";

  private final boolean sign;
  private final boolean seeded;

  private MlDsaCheck(boolean sign, boolean seeded) {
    this.sign = sign;
    this.seeded = seeded;
  }

  static MlDsaCheck verify() {
    return new MlDsaCheck(false, true);
  }

  static MlDsaCheck signSeed() {
    return new MlDsaCheck(true, true);
  }

  static MlDsaCheck signNoSeed() {
    return new MlDsaCheck(true, false);
  }

  @Override
  public String groupLabel(WycheproofTest t) {
    return "ML-DSA-65 " + (sign ? (seeded ? "sign, seed key" : "sign, expanded key") : "verify");
  }

  @Override
  public String skipReason(WycheproofTest t) {
    if (t.test().has("ctx") && !t.test().string("ctx").isEmpty()) {
      return NO_CONTEXT;
    }
    if (!sign) {
      return null;
    }
    if (!t.test().has("msg")) {
      return "external-mu ML-DSA signing is not offered by our API";
    }
    if (t.test().has("rnd") && !isAllZero(t.test().hex("rnd"))) {
      return "hedged ML-DSA signing with a given rnd is not offered by our API (deterministic only)";
    }
    if (!seeded && expectAccept(t)) {
      return "expanded ML-DSA private keys are not offered by our API (32-byte seeds only)";
    }
    return null;
  }

  @Override
  public boolean expectAccept(WycheproofTest t) {
    return t.result() == WycheproofTest.Result.VALID;
  }

  @Override
  public Verdict run(WycheproofTest t) {
    SignatureScheme scheme = Signatures.mlDsa65();
    // Groups whose private key is malformed give no public key (JSON null).
    byte[] publicKey = t.group().get("publicKey").isNull() ? null : t.group().hex("publicKey");
    byte[] msg = t.test().hex("msg");
    if (!sign) {
      return scheme.verify(publicKey, msg, t.test().hex("sig"))
          ? Verdict.acceptedMatching() : Verdict.rejected("verify returned false");
    }
    byte[] privateKey = t.group().hex(seeded ? "privateSeed" : "privateKey");
    byte[] derived;
    byte[] signature;
    try {
      derived = scheme.publicKey(privateKey);
      signature = scheme.sign(privateKey, msg);
    } catch (BadKeyException e) {
      return Verdict.rejected(e);
    }
    if (publicKey == null) {
      return Verdict.acceptedMismatch("publicKey (the file gives none, yet our API accepted the key)");
    }
    if (!Arrays.equals(derived, publicKey)) {
      return Verdict.acceptedMismatch("publicKey (derived from the seed)");
    }
    if (!Arrays.equals(signature, t.test().hex("sig"))) {
      return Verdict.acceptedMismatch("sig");
    }
    return Verdict.acceptedComparing(scheme.verify(publicKey, msg, signature), "verify(sig)");
  }

  private static boolean isAllZero(byte[] bytes) {
    int acc = 0;
    for (byte b : bytes) {
      acc |= b;
    }
    return acc == 0;
  }
}
