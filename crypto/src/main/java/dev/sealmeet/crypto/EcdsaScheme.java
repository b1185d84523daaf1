package dev.sealmeet.crypto;

import dev.sealmeet.error.InvalidKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

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
  private final PrimeCurve curve;
  private final int tlsId;
  private final String hashAlgorithm;
  private final Supplier<Digest> kDigest;

  private EcdsaScheme(
      PrimeCurve curve, int tlsId, String hashAlgorithm, Supplier<Digest> kDigest) {
    this.curve = curve;
    this.tlsId = tlsId;
    this.hashAlgorithm = hashAlgorithm;
    this.kDigest = kDigest;
  }

  static EcdsaScheme p256Sha256() {
    return new EcdsaScheme(PrimeCurve.p256(), 0x0403, "SHA-256", SHA256Digest::new);
  }

  static EcdsaScheme p384Sha384() {
    return new EcdsaScheme(PrimeCurve.p384(), 0x0503, "SHA-384", SHA384Digest::new);
  }

  static EcdsaScheme p521Sha512() {
    return new EcdsaScheme(PrimeCurve.p521(), 0x0603, "SHA-512", SHA512Digest::new);
  }

  @Override
  public int tlsId() {
    return tlsId;
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
  public byte[] sign(byte[] privateKey, byte[] message) throws InvalidKeyException {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    BigInteger d = curve.decodePrivate(privateKey);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(kDigest.get()));
    signer.init(true, new ECPrivateKeyParameters(d, curve.domain()));
    BigInteger[] rs = signer.generateSignature(hash(message));
    return EcdsaDer.encode(rs[0], rs[1]);
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null) {
      return false;
    }
    BigInteger[] rs = EcdsaDer.decode(signature);
    if (rs == null || !curve.inScalarRange(rs[0]) || !curve.inScalarRange(rs[1])) {
      return false;
    }
    ECPoint q;
    try {
      q = curve.decodePublic(publicKey);
    } catch (InvalidKeyException e) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(q, curve.domain()));
    return verifier.verifySignature(hash(message), rs[0], rs[1]);
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
    return "SignatureScheme[ECDSA " + curve.name() + " " + hashAlgorithm + "]";
  }
}
