package dev.sealmeet.crypto;

import dev.sealmeet.error.InvalidKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * ECDSA over P-256/SHA-256, P-384/SHA-384 or P-521/SHA-512 with BouncyCastle's lightweight signer and
 * custom-curve arithmetic (RFC 9420 §5.1.2 encodings).
 *
 * <p>Public keys are uncompressed SEC1 points, validated strictly (length, 0x04 prefix, coordinates
 * below p, on the curve; cofactor 1). Private keys are big-endian scalars of exactly the field length
 * in {@code [1, n-1]}. Signatures are strict DER ({@link EcdsaDer}) with {@code r, s} in
 * {@code [1, n-1]}. Signing is deterministic (RFC 6979 nonces, HMAC with the scheme's hash), so no
 * randomness is needed at signing time.
 */
final class EcdsaScheme implements SignatureScheme {
  private final String name;
  private final int tlsId;
  private final int fieldLength;
  private final String hashAlgorithm;
  private final Supplier<Digest> kDigest;
  private final ECDomainParameters domain;
  private final ECCurve curve;
  private final BigInteger fieldPrime;
  private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

  private EcdsaScheme(
      String name, int tlsId, int fieldLength, String hashAlgorithm, Supplier<Digest> kDigest) {
    this.name = name;
    this.tlsId = tlsId;
    this.fieldLength = fieldLength;
    this.hashAlgorithm = hashAlgorithm;
    this.kDigest = kDigest;
    X9ECParameters params = CustomNamedCurves.getByName(name);
    if (params == null) {
      throw new SealmeetBugException("BouncyCastle lacks curve " + name);
    }
    this.domain = new ECDomainParameters(params);
    this.curve = params.getCurve();
    this.fieldPrime = curve.getField().getCharacteristic();
  }

  static EcdsaScheme p256Sha256() {
    return new EcdsaScheme("P-256", 0x0403, 32, "SHA-256", SHA256Digest::new);
  }

  static EcdsaScheme p384Sha384() {
    return new EcdsaScheme("P-384", 0x0503, 48, "SHA-384", SHA384Digest::new);
  }

  static EcdsaScheme p521Sha512() {
    return new EcdsaScheme("P-521", 0x0603, 66, "SHA-512", SHA512Digest::new);
  }

  @Override
  public int tlsId() {
    return tlsId;
  }

  @Override
  public KeyPair generateKeyPair(SecureRandom random) {
    BigInteger order = domain.getN();
    byte[] sk = new byte[fieldLength];
    int topBits = order.bitLength() % 8;
    int mask = topBits == 0 ? 0xFF : (1 << topBits) - 1;
    try {
      while (true) {
        random.nextBytes(sk);
        sk[0] &= (byte) mask;
        BigInteger d = new BigInteger(1, sk);
        if (d.signum() > 0 && d.compareTo(order) < 0) {
          return new KeyPair(sk, encodePoint(d));
        }
      }
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws InvalidKeyException {
    return encodePoint(decodePrivate(privateKey));
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) throws InvalidKeyException {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    BigInteger d = decodePrivate(privateKey);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(kDigest.get()));
    signer.init(true, new ECPrivateKeyParameters(d, domain));
    BigInteger[] rs = signer.generateSignature(hash(message));
    return EcdsaDer.encode(rs[0], rs[1]);
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null) {
      return false;
    }
    BigInteger[] rs = EcdsaDer.decode(signature);
    if (rs == null || !inScalarRange(rs[0]) || !inScalarRange(rs[1])) {
      return false;
    }
    ECPoint q = decodePublic(publicKey);
    if (q == null) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(q, domain));
    return verifier.verifySignature(hash(message), rs[0], rs[1]);
  }

  private boolean inScalarRange(BigInteger v) {
    return v.signum() > 0 && v.compareTo(domain.getN()) < 0;
  }

  /** Strict uncompressed SEC1 decoding, or {@code null}. */
  private ECPoint decodePublic(byte[] publicKey) {
    if (publicKey.length != 1 + 2 * fieldLength || publicKey[0] != 0x04) {
      return null;
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(publicKey, 1, 1 + fieldLength));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(publicKey, 1 + fieldLength, publicKey.length));
    if (x.compareTo(fieldPrime) >= 0 || y.compareTo(fieldPrime) >= 0) {
      return null;
    }
    ECPoint point;
    try {
      point = curve.createPoint(x, y);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return point.isInfinity() || !point.isValid() ? null : point;
  }

  private BigInteger decodePrivate(byte[] privateKey) throws InvalidKeyException {
    if (privateKey == null) {
      throw new IllegalArgumentException(name + " private key must not be null");
    }
    if (privateKey.length != fieldLength) {
      throw new InvalidKeyException(
          name + " ECDSA private key must be " + fieldLength + " bytes, got " + privateKey.length);
    }
    BigInteger d = new BigInteger(1, privateKey);
    if (!inScalarRange(d)) {
      throw new InvalidKeyException(name + " ECDSA private key is not in [1, n-1]");
    }
    return d;
  }

  private byte[] encodePoint(BigInteger d) {
    return baseMultiplier.multiply(domain.getG(), d).normalize().getEncoded(false);
  }

  private byte[] hash(byte[] message) {
    try {
      return MessageDigest.getInstance(hashAlgorithm).digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new SealmeetBugException("JDK lacks " + hashAlgorithm, e);
    }
  }

  @Override
  public String toString() {
    return "SignatureScheme[ECDSA " + name + " " + hashAlgorithm + "]";
  }
}
