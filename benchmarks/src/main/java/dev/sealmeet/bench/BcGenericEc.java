package dev.sealmeet.bench;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The P-curve code Sealmeet used before it moved to the JDK (SunEC), kept here only as the baseline
 * of {@link EcdhBenchmark} and {@link EcdsaBenchmark}: BouncyCastle's custom-curve arithmetic, wNAF
 * variable-base multiplication for ECDH, {@code ECDSASigner} with RFC 6979 nonces. Not constant-time;
 * never use it outside the benchmarks. The strict point and DER checks of the library are left out,
 * except the point decoding and validity check BouncyCastle does itself.
 */
final class BcGenericEc {
  private final ECDomainParameters domain;
  private final String hashAlgorithm;
  private final int fieldLength;

  /** {@code curve} is {@code P-256}, {@code P-384} or {@code P-521}. */
  BcGenericEc(String curve) {
    X9ECParameters params = CustomNamedCurves.getByName(curve);
    this.domain = new ECDomainParameters(params);
    this.fieldLength = (params.getCurve().getFieldSize() + 7) / 8;
    this.hashAlgorithm = curve.equals("P-256") ? "SHA-256"
        : curve.equals("P-384") ? "SHA-384" : "SHA-512";
  }

  private Digest kDigest() {
    switch (hashAlgorithm) {
      case "SHA-256":
        return new SHA256Digest();
      case "SHA-384":
        return new SHA384Digest();
      default:
        return new SHA512Digest();
    }
  }

  private ECPoint decode(byte[] publicKey) {
    ECPoint q = domain.getCurve().decodePoint(publicKey);
    if (q.isInfinity() || !q.isValid()) {
      throw new IllegalArgumentException("invalid point");
    }
    return q;
  }

  /** {@code d * G} with the fixed-base comb, uncompressed. */
  byte[] publicKey(byte[] privateKey) {
    BigInteger d = new BigInteger(1, privateKey);
    return new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize().getEncoded(false);
  }

  /** A fresh key pair as {@code {sk, pk}}: a scalar sampled in {@code [1, n-1]}, then the comb. */
  byte[][] generateKeyPair(SecureRandom random) {
    BigInteger n = domain.getN();
    while (true) {
      byte[] sk = new byte[fieldLength];
      random.nextBytes(sk);
      if (n.bitLength() % 8 != 0) {
        sk[0] &= (byte) ((1 << (n.bitLength() % 8)) - 1);
      }
      BigInteger d = new BigInteger(1, sk);
      if (d.signum() > 0 && d.compareTo(n) < 0) {
        return new byte[][] {sk, publicKey(sk)};
      }
    }
  }

  /** The X coordinate of {@code sk * pk} (wNAF). */
  byte[] dh(byte[] privateKey, byte[] publicKey) {
    ECPoint z = decode(publicKey).multiply(new BigInteger(1, privateKey)).normalize();
    byte[] x = z.getAffineXCoord().getEncoded();
    if (x.length != fieldLength) {
      throw new IllegalStateException("bad length");
    }
    return x;
  }

  /** An RFC 6979 ECDSA signature, as {@code {r, s}}. */
  BigInteger[] sign(byte[] privateKey, byte[] message) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(kDigest()));
    signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey), domain));
    return signer.generateSignature(hash(message));
  }

  /** Verifies {@code {r, s}}. */
  boolean verify(byte[] publicKey, byte[] message, BigInteger[] rs) {
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(decode(publicKey), domain));
    return verifier.verifySignature(hash(message), rs[0], rs[1]);
  }

  private byte[] hash(byte[] message) {
    try {
      return MessageDigest.getInstance(hashAlgorithm).digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
