package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.ECPoint;
import javax.crypto.KeyAgreement;

/**
 * ECDH over P-256, P-384 or P-521 with the JDK's {@code KeyAgreement "ECDH"} from SunEC, whose
 * scalar multiplication and field arithmetic are constant-time.
 *
 * <p>Encodings (RFC 9180 §7.1.1): public keys are uncompressed SEC1 points {@code 04 || X || Y};
 * private keys are big-endian scalars of exactly {@code Nsk} bytes in {@code [1, n-1]}; the shared
 * secret is the X coordinate of {@code sk * pk} in {@code Ndh} bytes. Public keys are validated
 * strictly by {@link PrimeCurve#decodePublic} before SunEC sees them (length, prefix, coordinates
 * below p, point on the curve, not the identity; cofactor 1 so no subgroup check is needed), as RFC
 * 9180 §7.1.4 asks for the NIST curves. For a validated key the product is never the identity; an X
 * coordinate of zero is a valid output (Wycheproof ecpoint tcId 3), not the all-zero rejection of
 * X25519/X448.
 *
 * <p>Key generation is SunEC's; {@link #publicKey} ({@code sk * G} for a given scalar, which HPKE
 * DeriveKeyPair needs) stays on BouncyCastle's fixed-base comb: see {@link PrimeCurve}.
 */
final class EcdhGroup implements DhGroup {
  private final PrimeCurve curve;
  private final int kemId;

  private EcdhGroup(PrimeCurve curve, int kemId) {
    this.curve = curve;
    this.kemId = kemId;
  }

  static EcdhGroup p256() {
    return new EcdhGroup(PrimeCurve.p256(), 0x0010);
  }

  static EcdhGroup p384() {
    return new EcdhGroup(PrimeCurve.p384(), 0x0011);
  }

  static EcdhGroup p521() {
    return new EcdhGroup(PrimeCurve.p521(), 0x0012);
  }

  @Override
  public int kemId() {
    return kemId;
  }

  @Override
  public int publicKeyLength() {
    return curve.publicKeyLength();
  }

  @Override
  public int privateKeyLength() {
    return curve.fieldLength();
  }

  @Override
  public int sharedSecretLength() {
    return curve.fieldLength();
  }

  @Override
  public RawKeyPair generateKeyPair(SecureRandom random) {
    return curve.generateKeyPair(random);
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws BadKeyException {
    return curve.publicKey(curve.decodePrivate(privateKey));
  }

  @Override
  public byte[] dh(byte[] privateKey, byte[] publicKey) throws BadKeyException {
    BigInteger d = curve.decodePrivate(privateKey);
    ECPoint q = curve.decodePublic(publicKey);
    byte[] z;
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH", curve.provider());
      agreement.init(curve.jdkPrivateKey(d));
      agreement.doPhase(curve.jdkPublicKey(q), true);
      z = agreement.generateSecret();
    } catch (java.security.InvalidKeyException e) {
      throw new BadKeyException(curve.name() + " key rejected by the JDK's ECDH", e);
    } catch (IllegalStateException e) {
      // SunEC's signal for a product at the identity, unreachable for a validated point.
      throw new BadKeyException(curve.name() + " shared point is the identity", e);
    } catch (NoSuchAlgorithmException e) {
      throw new SealmeetBugException("the JDK lacks ECDH", e);
    }
    if (z.length != curve.fieldLength()) {
      throw new SealmeetBugException(curve.name() + " shared secret has " + z.length + " bytes");
    }
    return z;
  }

  @Override
  public String toString() {
    return "DhGroup[" + curve.name() + "]";
  }
}
