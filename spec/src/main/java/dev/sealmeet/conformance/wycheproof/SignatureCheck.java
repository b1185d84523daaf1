package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.crypto.SignatureScheme;
import dev.sealmeet.crypto.Signatures;

/**
 * EdDSA ({@code eddsa_verify_schema_v1}) and ECDSA with DER signatures ({@code
 * ecdsa_verify_schema_v1}) through {@link Signatures}: {@code verify(publicKey, msg, sig)} with the
 * group's raw EdDSA key ({@code publicKey.pk}) or uncompressed SEC1 point ({@code
 * publicKey.uncompressed}). Policy: an {@code acceptable} signature is rejected (strict verification,
 * RFC 9420 §5.1.2); the files bundled today have none.
 */
final class SignatureCheck implements Check {
  private final boolean ecdsa;

  private SignatureCheck(boolean ecdsa) {
    this.ecdsa = ecdsa;
  }

  static SignatureCheck eddsa() {
    return new SignatureCheck(false);
  }

  static SignatureCheck ecdsa() {
    return new SignatureCheck(true);
  }

  @Override
  public String groupLabel(WycheproofTest t) {
    String curve = t.group().get("publicKey").string("curve");
    return ecdsa ? curve + " " + t.group().string("sha") : curve;
  }

  @Override
  public String skipReason(WycheproofTest t) {
    return scheme(t) == null ? "no signature scheme in our API for " + groupLabel(t) : null;
  }

  @Override
  public boolean expectAccept(WycheproofTest t) {
    return t.result() == WycheproofTest.Result.VALID;
  }

  @Override
  public Verdict run(WycheproofTest t) {
    SignatureScheme scheme = scheme(t);
    byte[] publicKey = t.group().get("publicKey").hex(ecdsa ? "uncompressed" : "pk");
    boolean ok = scheme.verify(publicKey, t.test().hex("msg"), t.test().hex("sig"));
    return ok ? Verdict.acceptedMatching() : Verdict.rejected("verify returned false");
  }

  private SignatureScheme scheme(WycheproofTest t) {
    String curve = t.group().get("publicKey").string("curve");
    if (!ecdsa) {
      switch (curve) {
        case "edwards25519":
          return Signatures.ed25519();
        case "edwards448":
          return Signatures.ed448();
        default:
          return null;
      }
    }
    switch (curve + "/" + t.group().string("sha")) {
      case "secp256r1/SHA-256":
        return Signatures.ecdsaP256Sha256();
      case "secp384r1/SHA-384":
        return Signatures.ecdsaP384Sha384();
      case "secp521r1/SHA-512":
        return Signatures.ecdsaP521Sha512();
      default:
        return null;
    }
  }
}
