package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.MlKem;
import dev.sealmeet.crypto.MlKems;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * ML-KEM-768 files through {@link MlKems#mlKem768()}; {@link BadKeyException} is a rejection.
 *
 * <ul>
 *   <li>{@code mlkem_keygen_seed}: {@code deriveKeyPair(seed)} gives {@code ek}, and {@code
 *       expandedDecapsulationKey(seed)} gives {@code dk}.
 *   <li>{@code mlkem_test}: {@code deriveKeyPair(seed)} gives {@code ek} (when the test has one), and
 *       {@code decapsulate(seed, c)} gives {@code K} (implicit rejection included).
 *   <li>{@code mlkem_encaps}: {@code encapsulate(ek, m)} gives {@code c} and {@code K}, with {@code m}
 *       supplied as the randomness ({@link FixedRandom}).
 *   <li>{@code mlkem_semi_expanded_decaps}: our API takes seeds, not expanded {@code dk}: {@code
 *       valid} tests are skipped; {@code invalid} ones are run, and our API's refusal of a non-seed
 *       private key counts as the rejection.
 * </ul>
 */
final class MlKemCheck implements Check {
  /** The four ML-KEM schemas. */
  enum Kind {
    KEYGEN_SEED, DECAPS_SEED, ENCAPS, DECAPS_EXPANDED
  }

  private final Kind kind;

  MlKemCheck(Kind kind) {
    this.kind = kind;
  }

  @Override
  public String groupLabel(WycheproofTest t) {
    return t.group().string("parameterSet") + " " + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String skipReason(WycheproofTest t) {
    if (!"ML-KEM-768".equals(t.group().string("parameterSet"))) {
      return "only ML-KEM-768 is offered by our API";
    }
    if (kind == Kind.DECAPS_EXPANDED && expectAccept(t)) {
      return "expanded ML-KEM decapsulation keys are not offered by our API (64-byte seeds only)";
    }
    return null;
  }

  @Override
  public boolean expectAccept(WycheproofTest t) {
    return t.result() == WycheproofTest.Result.VALID;
  }

  @Override
  public Verdict run(WycheproofTest t) {
    MlKem kem = MlKems.mlKem768();
    try {
      switch (kind) {
        case KEYGEN_SEED: {
          byte[] seed = t.test().hex("seed");
          RawKeyPair kp = kem.deriveKeyPair(seed);
          if (!Arrays.equals(kp.publicKey(), t.test().hex("ek"))) {
            return Verdict.acceptedMismatch("ek");
          }
          return Verdict.acceptedComparing(
              Arrays.equals(kem.expandedDecapsulationKey(seed), t.test().hex("dk")), "dk");
        }
        case DECAPS_SEED: {
          byte[] seed = t.test().hex("seed");
          RawKeyPair kp = kem.deriveKeyPair(seed);
          if (t.test().has("ek") && !Arrays.equals(kp.publicKey(), t.test().hex("ek"))) {
            return Verdict.acceptedMismatch("ek");
          }
          return compareSecret(kem.decapsulate(seed, t.test().hex("c")), t.test().hex("K"));
        }
        case ENCAPS: {
          MlKem.Encapsulation e =
              kem.encapsulate(t.test().hex("ek"), new FixedRandom(t.test().hex("m")));
          if (!Arrays.equals(e.ciphertext(), t.test().hex("c"))) {
            return Verdict.acceptedMismatch("c");
          }
          return compareSecret(e.sharedSecret(), t.test().hex("K"));
        }
        default:
          return compareSecret(kem.decapsulate(t.test().hex("dk"), t.test().hex("c")),
              t.test().has("K") ? t.test().hex("K") : new byte[0]);
      }
    } catch (BadKeyException e) {
      return Verdict.rejected(e);
    }
  }

  private static Verdict compareSecret(Secret actual, byte[] expected) {
    byte[] bytes = actual.copyBytes();
    try {
      return Verdict.acceptedComparing(MessageDigest.isEqual(bytes, expected), "K");
    } finally {
      Arrays.fill(bytes, (byte) 0);
      actual.destroy();
    }
  }
}
