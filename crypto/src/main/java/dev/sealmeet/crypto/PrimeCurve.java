package dev.sealmeet.crypto;

import dev.sealmeet.error.InvalidKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * One NIST prime curve (P-256, P-384, P-521) and the key encodings that ECDH (RFC 9180 §7.1.1) and
 * ECDSA (RFC 9420 §5.1.2) share: uncompressed SEC1 public keys validated strictly, big-endian private
 * scalars of exactly the field length in {@code [1, n-1]}. The one place where public keys from the
 * wire are checked for both uses. Immutable and thread-safe.
 */
final class PrimeCurve {
  private final String name;
  private final int fieldLength;
  private final ECDomainParameters domain;
  private final BigInteger fieldPrime;
  private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

  private PrimeCurve(String name, int fieldLength) {
    this.name = name;
    this.fieldLength = fieldLength;
    X9ECParameters params = CustomNamedCurves.getByName(name);
    if (params == null) {
      throw new SealmeetBugException("BouncyCastle lacks curve " + name);
    }
    this.domain = new ECDomainParameters(params);
    this.fieldPrime = params.getCurve().getField().getCharacteristic();
  }

  static PrimeCurve p256() {
    return new PrimeCurve("P-256", 32);
  }

  static PrimeCurve p384() {
    return new PrimeCurve("P-384", 48);
  }

  static PrimeCurve p521() {
    return new PrimeCurve("P-521", 66);
  }

  /** The curve's name, e.g. {@code P-256}. */
  String name() {
    return name;
  }

  /** Bytes of one field element (and of a private scalar). */
  int fieldLength() {
    return fieldLength;
  }

  /** Bytes of an uncompressed public key. */
  int publicKeyLength() {
    return 1 + 2 * fieldLength;
  }

  /** The BouncyCastle domain parameters (curve, generator, order). */
  ECDomainParameters domain() {
    return domain;
  }

  /** Whether {@code v} is in {@code [1, n-1]}. */
  boolean inScalarRange(BigInteger v) {
    return v.signum() > 0 && v.compareTo(domain.getN()) < 0;
  }

  /** A fresh key pair by rejection sampling a scalar in {@code [1, n-1]}. */
  KeyPair generateKeyPair(SecureRandom random) {
    byte[] sk = new byte[fieldLength];
    int topBits = domain.getN().bitLength() % 8;
    int mask = topBits == 0 ? 0xFF : (1 << topBits) - 1;
    try {
      while (true) {
        random.nextBytes(sk);
        sk[0] &= (byte) mask;
        BigInteger d = new BigInteger(1, sk);
        if (inScalarRange(d)) {
          return new KeyPair(sk, publicKey(d));
        }
      }
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  /** The uncompressed encoding of {@code d * G}. */
  byte[] publicKey(BigInteger d) {
    return baseMultiplier.multiply(domain.getG(), d).normalize().getEncoded(false);
  }

  /**
   * Strict decoding of an uncompressed SEC1 public key: length, 0x04 prefix, coordinates below p, a
   * point on the curve, not the identity (cofactor 1, so no subgroup check is needed).
   *
   * @throws InvalidKeyException naming the rule the key breaks
   */
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
      point = domain.getCurve().createPoint(x, y);
    } catch (IllegalArgumentException e) {
      throw new InvalidKeyException(name + " public key is not a curve point");
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new InvalidKeyException(name + " public key is not on the curve");
    }
    return point;
  }

  /**
   * A private scalar of exactly the field length in {@code [1, n-1]}.
   *
   * @throws InvalidKeyException for a wrong length or a scalar out of range
   */
  BigInteger decodePrivate(byte[] privateKey) throws InvalidKeyException {
    if (privateKey == null) {
      throw new IllegalArgumentException(name + " private key must not be null");
    }
    if (privateKey.length != fieldLength) {
      throw new InvalidKeyException(
          name + " private key must be " + fieldLength + " bytes, got " + privateKey.length);
    }
    BigInteger d = new BigInteger(1, privateKey);
    if (!inScalarRange(d)) {
      throw new InvalidKeyException(name + " private key is not in [1, n-1]");
    }
    return d;
  }

  @Override
  public String toString() {
    return "PrimeCurve[" + name + "]";
  }
}
