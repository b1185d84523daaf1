package dev.sealmeet.crypto;

import dev.sealmeet.error.InvalidKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDH over P-256, P-384 or P-521 with BouncyCastle's custom-curve arithmetic.
 *
 * <p>Encodings (RFC 9180 §7.1.1): public keys are uncompressed SEC1 points {@code 04 || X || Y};
 * private keys are big-endian scalars of exactly {@code Nsk} bytes in {@code [1, n-1]}; the shared
 * secret is the X coordinate of {@code sk * pk} in {@code Ndh} bytes. Public keys are validated
 * strictly (length, prefix, coordinates below p, point on the curve, not the identity; cofactor 1 so no
 * subgroup check is needed), as RFC 9180 §7.1.4 asks for the NIST curves.
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
  public KeyPair generateKeyPair(SecureRandom random) {
    return curve.generateKeyPair(random);
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws InvalidKeyException {
    return curve.publicKey(curve.decodePrivate(privateKey));
  }

  @Override
  public byte[] dh(byte[] privateKey, byte[] publicKey) throws InvalidKeyException {
    BigInteger d = curve.decodePrivate(privateKey);
    ECPoint q = curve.decodePublic(publicKey);
    ECPoint z = q.multiply(d).normalize();
    if (z.isInfinity()) {
      throw new InvalidKeyException(curve.name() + " shared point is the identity");
    }
    byte[] out = z.getAffineXCoord().getEncoded();
    if (out.length != curve.fieldLength()) {
      throw new SealmeetBugException(curve.name() + " shared secret has " + out.length + " bytes");
    }
    return out;
  }

  @Override
  public String toString() {
    return "DhGroup[" + curve.name() + "]";
  }
}
