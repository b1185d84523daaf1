package dev.sealmeet.crypto;

import dev.sealmeet.error.InvalidKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

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
  private final String name;
  private final int kemId;
  private final int fieldLength;
  private final ECCurve curve;
  private final ECPoint generator;
  private final BigInteger order;
  private final BigInteger fieldPrime;
  private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

  private EcdhGroup(String name, int kemId, int fieldLength) {
    this.name = name;
    this.kemId = kemId;
    this.fieldLength = fieldLength;
    X9ECParameters params = CustomNamedCurves.getByName(name);
    if (params == null) {
      throw new SealmeetBugException("BouncyCastle lacks curve " + name);
    }
    this.curve = params.getCurve();
    this.generator = params.getG();
    this.order = params.getN();
    this.fieldPrime = curve.getField().getCharacteristic();
  }

  static EcdhGroup p256() {
    return new EcdhGroup("P-256", 0x0010, 32);
  }

  static EcdhGroup p384() {
    return new EcdhGroup("P-384", 0x0011, 48);
  }

  static EcdhGroup p521() {
    return new EcdhGroup("P-521", 0x0012, 66);
  }

  @Override
  public int kemId() {
    return kemId;
  }

  @Override
  public int publicKeyLength() {
    return 1 + 2 * fieldLength;
  }

  @Override
  public int privateKeyLength() {
    return fieldLength;
  }

  @Override
  public int sharedSecretLength() {
    return fieldLength;
  }

  @Override
  public KeyPair generateKeyPair(SecureRandom random) {
    byte[] sk = new byte[fieldLength];
    int topBits = order.bitLength() % 8;
    int mask = topBits == 0 ? 0xFF : (1 << topBits) - 1;
    try {
      while (true) {
        random.nextBytes(sk);
        sk[0] &= (byte) mask;
        BigInteger d = new BigInteger(1, sk);
        if (d.signum() > 0 && d.compareTo(order) < 0) {
          return new KeyPair(sk, encode(baseMultiplier.multiply(generator, d)));
        }
      }
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws InvalidKeyException {
    BigInteger d = decodePrivate(privateKey);
    return encode(baseMultiplier.multiply(generator, d));
  }

  @Override
  public byte[] dh(byte[] privateKey, byte[] publicKey) throws InvalidKeyException {
    BigInteger d = decodePrivate(privateKey);
    ECPoint q = decodePublic(publicKey);
    ECPoint z = q.multiply(d).normalize();
    if (z.isInfinity()) {
      throw new InvalidKeyException(name + " shared point is the identity");
    }
    byte[] out = z.getAffineXCoord().getEncoded();
    if (out.length != fieldLength) {
      throw new SealmeetBugException(name + " shared secret has " + out.length + " bytes");
    }
    return out;
  }

  /** Strict SerializePublicKey inverse: uncompressed, coordinates in range, on the curve. */
  ECPoint decodePublic(byte[] publicKey) throws InvalidKeyException {
    if (publicKey == null) {
      throw new IllegalArgumentException(name + " public key must not be null");
    }
    if (publicKey.length != publicKeyLength()) {
      throw new InvalidKeyException(
          name + " public key must be " + publicKeyLength() + " bytes (uncompressed SEC1), got "
              + publicKey.length);
    }
    if (publicKey[0] != 0x04) {
      throw new InvalidKeyException(
          String.format("%s public key must start with 0x04, got 0x%02x", name, publicKey[0] & 0xFF));
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(publicKey, 1, 1 + fieldLength));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(publicKey, 1 + fieldLength, publicKey.length));
    if (x.compareTo(fieldPrime) >= 0 || y.compareTo(fieldPrime) >= 0) {
      throw new InvalidKeyException(name + " public key coordinate is not below the field prime");
    }
    ECPoint point;
    try {
      point = curve.createPoint(x, y);
    } catch (IllegalArgumentException e) {
      throw new InvalidKeyException(name + " public key is not a curve point");
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new InvalidKeyException(name + " public key is not on the curve");
    }
    return point;
  }

  private BigInteger decodePrivate(byte[] privateKey) throws InvalidKeyException {
    if (privateKey == null) {
      throw new IllegalArgumentException(name + " private key must not be null");
    }
    if (privateKey.length != fieldLength) {
      throw new InvalidKeyException(
          name + " private key must be " + fieldLength + " bytes, got " + privateKey.length);
    }
    BigInteger d = new BigInteger(1, privateKey);
    if (d.signum() == 0 || d.compareTo(order) >= 0) {
      throw new InvalidKeyException(name + " private key is not in [1, n-1]");
    }
    return d;
  }

  private static byte[] encode(ECPoint point) {
    return point.normalize().getEncoded(false);
  }

  @Override
  public String toString() {
    return "DhGroup[" + name + "]";
  }
}
