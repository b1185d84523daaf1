package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * One NIST prime curve (P-256, P-384, P-521) and the key encodings that ECDH (RFC 9180 §7.1.1) and
 * ECDSA (RFC 9420 §5.1.2) share: uncompressed SEC1 public keys validated strictly, big-endian
 * private scalars of exactly the field length in {@code [1, n-1]}. The one place where public keys
 * from the wire are checked for both uses, and the bridge to the JDK's EC provider, SunEC, whose
 * field arithmetic and scalar multiplication are constant-time (or to another provider: see below).
 *
 * <p>Secret-key operations run in SunEC: key generation, ECDH and ECDSA signing. Two stay on
 * BouncyCastle. {@link #publicKey(BigInteger)}, {@code sk * G} for a <em>given</em> scalar, which
 * HPKE DeriveKeyPair (RFC 9180 §7.1.3) and {@code publicKey(privateKey)} need: the JDK has no
 * public API for it ({@code KeyPairGenerator} draws its own scalar, {@code KeyFactory} and the
 * {@code ECPrivateKey} it builds do not derive the public point, ECDH against G gives only the X
 * coordinate); it uses BouncyCastle's fixed-base comb: a fixed number of point additions, with
 * constant-time table lookups. And ECDSA verification ({@link #bcDomain}, {@link #bcPoint}), which
 * handles public data only: SunEC on JDK 17.0.15 rejects valid signatures whose {@code x(R)} is at
 * least n (Wycheproof "k*G has a large x-coordinate" and "x = n + r" cases, two per curve), which
 * Temurin 25.0.3 accepts.
 *
 * <p>The provider is picked by what it offers, not by name ({@link #pickProvider}): the first
 * installed provider with every EC engine used here and this curve (SunEC on a JDK, Conscrypt on
 * Android), else a private BouncyCastle provider instance, never registered globally.
 *
 * <p>Immutable and thread-safe; JCA engines are created per call, as they are not thread-safe.
 */
final class PrimeCurve {
  /** The engines (type, algorithm) one provider must offer to serve a curve. */
  private static final String[][] ENGINES = {
    {"AlgorithmParameters", "EC"}, {"KeyPairGenerator", "EC"}, {"KeyFactory", "EC"},
    {"KeyAgreement", "ECDH"}, {"Signature", "SHA256withECDSA"}, {"Signature", "SHA384withECDSA"},
    {"Signature", "SHA512withECDSA"},
  };

  private final String name;
  private final String jdkName;
  private final int fieldLength;
  private final Provider provider;
  private final ECParameterSpec params;
  private final BigInteger fieldPrime;
  private final BigInteger a;
  private final BigInteger b;
  private final BigInteger order;
  private final ECDomainParameters bcDomain;
  private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

  private PrimeCurve(String name, String jdkName, int fieldLength) {
    this.name = name;
    this.jdkName = jdkName;
    this.fieldLength = fieldLength;
    this.provider = pickProvider(jdkName);
    try {
      this.params = parameters(provider, jdkName);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException(provider.getName() + " lacks curve " + jdkName, e);
    }
    this.fieldPrime = ((ECFieldFp) params.getCurve().getField()).getP();
    this.a = params.getCurve().getA();
    this.b = params.getCurve().getB();
    this.order = params.getOrder();
    X9ECParameters bc = CustomNamedCurves.getByName(name);
    if (bc == null || !bc.getN().equals(order) || !bc.getCurve().getB().toBigInteger().equals(b)) {
      throw new SealmeetBugException(
          "BouncyCastle lacks curve " + name + " or disagrees with the JDK");
    }
    this.bcDomain = new ECDomainParameters(bc);
  }

  /**
   * The first installed provider that offers every engine of {@link #ENGINES} and knows curve
   * {@code jdkName}; else BouncyCastle's, which does.
   */
  static Provider pickProvider(String jdkName) {
    for (Provider candidate : Security.getProviders()) {
      if (offersAll(candidate)) {
        try {
          parameters(candidate, jdkName);
          return candidate;
        } catch (GeneralSecurityException e) {
          // Offers EC but not this curve: try the next provider.
        }
      }
    }
    return BouncyCastleFallback.PROVIDER;
  }

  private static boolean offersAll(Provider candidate) {
    for (String[] engine : ENGINES) {
      if (candidate.getService(engine[0], engine[1]) == null) {
        return false;
      }
    }
    return true;
  }

  private static ECParameterSpec parameters(Provider provider, String jdkName)
      throws GeneralSecurityException {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", provider);
    parameters.init(new ECGenParameterSpec(jdkName));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }

  /** Created on first use only: most JDKs never need it. */
  private static final class BouncyCastleFallback {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  static PrimeCurve p256() {
    return new PrimeCurve("P-256", "secp256r1", 32);
  }

  static PrimeCurve p384() {
    return new PrimeCurve("P-384", "secp384r1", 48);
  }

  static PrimeCurve p521() {
    return new PrimeCurve("P-521", "secp521r1", 66);
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

  /** The provider every engine of this curve comes from (see {@link #pickProvider}). */
  Provider provider() {
    return provider;
  }

  /** Whether {@code v} is in {@code [1, n-1]}. */
  boolean inScalarRange(BigInteger v) {
    return v.signum() > 0 && v.compareTo(order) < 0;
  }

  /**
   * A fresh key pair from SunEC's {@code KeyPairGenerator}, which draws the scalar with 64 extra
   * bits reduced mod n (FIPS 186-4 §B.4.1) and multiplies G in constant time.
   */
  RawKeyPair generateKeyPair(SecureRandom random) {
    java.security.KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
      generator.initialize(new ECGenParameterSpec(jdkName), random);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException(
          provider.getName() + " cannot generate a " + name + " key pair", e);
    }
    BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
    if (!inScalarRange(d)) {
      throw new SealmeetBugException(
          provider.getName() + " generated a " + name + " scalar out of range");
    }
    byte[] sk = toFixedLength(d);
    try {
      return new RawKeyPair(sk, encodePublic(((ECPublicKey) pair.getPublic()).getW()));
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  /**
   * The uncompressed encoding of {@code d * G}. On BouncyCastle's fixed-base comb, because the JDK
   * cannot multiply G by a given scalar through its public API (see the class comment).
   */
  byte[] publicKey(BigInteger d) {
    return baseMultiplier.multiply(bcDomain.getG(), d).normalize().getEncoded(false);
  }

  /** The BouncyCastle domain parameters, for ECDSA verification (public data only). */
  ECDomainParameters bcDomain() {
    return bcDomain;
  }

  /** The BouncyCastle form of a point that {@link #decodePublic} accepted. */
  org.bouncycastle.math.ec.ECPoint bcPoint(ECPoint w) {
    return bcDomain.getCurve().createPoint(w.getAffineX(), w.getAffineY());
  }

  /**
   * Strict decoding of an uncompressed SEC1 public key: length, 0x04 prefix, coordinates below p, a
   * point on the curve ({@code y^2 = x^3 + ax + b mod p}), so not the identity (which has no affine
   * encoding). Cofactor 1, so no subgroup check is needed. Runs before SunEC sees the point.
   *
   * @throws BadKeyException naming the rule the key breaks
   */
  ECPoint decodePublic(byte[] publicKey) throws BadKeyException {
    if (publicKey == null) {
      throw new IllegalArgumentException(name + " public key must not be null");
    }
    if (publicKey.length != publicKeyLength()) {
      throw new BadKeyException(
          name + " public key must be " + publicKeyLength() + " bytes (uncompressed SEC1), got "
              + publicKey.length);
    }
    if (publicKey[0] != 0x04) {
      throw new BadKeyException(
          String.format(
              "%s public key must start with 0x04, got 0x%02x", name, publicKey[0] & 0xFF));
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(publicKey, 1, 1 + fieldLength));
    BigInteger y =
        new BigInteger(1, Arrays.copyOfRange(publicKey, 1 + fieldLength, publicKey.length));
    if (x.compareTo(fieldPrime) >= 0 || y.compareTo(fieldPrime) >= 0) {
      throw new BadKeyException(name + " public key coordinate is not below the field prime");
    }
    BigInteger lhs = y.multiply(y).mod(fieldPrime);
    BigInteger rhs = x.multiply(x).add(a).multiply(x).add(b).mod(fieldPrime);
    if (!lhs.equals(rhs)) {
      throw new BadKeyException(name + " public key is not on the curve");
    }
    return new ECPoint(x, y);
  }

  /**
   * A private scalar of exactly the field length in {@code [1, n-1]}.
   *
   * @throws BadKeyException for a wrong length or a scalar out of range
   */
  BigInteger decodePrivate(byte[] privateKey) throws BadKeyException {
    if (privateKey == null) {
      throw new IllegalArgumentException(name + " private key must not be null");
    }
    if (privateKey.length != fieldLength) {
      throw new BadKeyException(
          name + " private key must be " + fieldLength + " bytes, got " + privateKey.length);
    }
    BigInteger d = new BigInteger(1, privateKey);
    if (!inScalarRange(d)) {
      throw new BadKeyException(name + " private key is not in [1, n-1]");
    }
    return d;
  }

  /**
   * A SunEC public key for a point that {@link #decodePublic} accepted.
   *
   * @throws BadKeyException if SunEC refuses the point
   */
  PublicKey jdkPublicKey(ECPoint w) throws BadKeyException {
    try {
      return KeyFactory.getInstance("EC", provider)
          .generatePublic(new ECPublicKeySpec(w, params));
    } catch (InvalidKeySpecException e) {
      throw new BadKeyException(name + " public key refused by " + provider.getName(), e);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException(provider.getName() + " lacks an EC KeyFactory", e);
    }
  }

  /**
   * A SunEC private key for a scalar that {@link #decodePrivate} accepted. SunEC keeps its own copy
   * of the scalar, which the JDK does not let us wipe ({@code destroy()} is not implemented): the
   * key object dies with the call that made it.
   *
   * @throws BadKeyException if SunEC refuses the scalar
   */
  PrivateKey jdkPrivateKey(BigInteger d) throws BadKeyException {
    try {
      return KeyFactory.getInstance("EC", provider)
          .generatePrivate(new ECPrivateKeySpec(d, params));
    } catch (InvalidKeySpecException e) {
      throw new BadKeyException(name + " private key refused by " + provider.getName(), e);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException(provider.getName() + " lacks an EC KeyFactory", e);
    }
  }

  /** The uncompressed SEC1 encoding {@code 04 || X || Y} of an affine point. */
  byte[] encodePublic(ECPoint w) {
    byte[] out = new byte[publicKeyLength()];
    out[0] = 0x04;
    byte[] x = toFixedLength(w.getAffineX());
    byte[] y = toFixedLength(w.getAffineY());
    System.arraycopy(x, 0, out, 1, fieldLength);
    System.arraycopy(y, 0, out, 1 + fieldLength, fieldLength);
    return out;
  }

  /** {@code v} (non-negative, below 2^(8 * fieldLength)) big-endian in exactly the field length. */
  private byte[] toFixedLength(BigInteger v) {
    byte[] minimal = v.toByteArray(); // may carry one leading sign byte, or be shorter
    byte[] out = new byte[fieldLength];
    int copy = Math.min(minimal.length, fieldLength);
    System.arraycopy(minimal, minimal.length - copy, out, fieldLength - copy, copy);
    Arrays.fill(minimal, (byte) 0);
    return out;
  }

  @Override
  public String toString() {
    return "PrimeCurve[" + name + "]";
  }
}
