package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECPoint;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * ECDSA over P-256/SHA-256, P-384/SHA-384 or P-521/SHA-512 (RFC 9420 §5.1.2 encodings). Signing and
 * key generation use the JDK's SunEC ({@code SHA256withECDSA} and so on), whose scalar
 * multiplication, field arithmetic and signing equation are constant-time.
 *
 * <p>Public keys are uncompressed SEC1 points, validated strictly by {@link PrimeCurve}. Private
 * keys are big-endian scalars of exactly the field length in {@code [1, n-1]}. Signatures are
 * strict DER ({@link EcdsaDer}) with {@code r, s} in {@code [1, n-1]}.
 *
 * <p>Signing is randomized: SunEC draws the nonce, with 64 extra bits reduced mod n (FIPS 186-4
 * §B.5.1), from the {@link SecureRandom} passed to {@link #sign(byte[], byte[], SecureRandom)} (a
 * cipher suite passes its injected one), or from the JDK's default one. The JDK has no RFC 6979
 * deterministic mode, and RFC 6979 over BouncyCastle's {@code ECDSASigner} would bring back the
 * variable-time signing equation this class left behind; RFC 9420 asks for neither. Given the
 * same stream, SunEC signs the same bytes, so a seeded stream makes signatures reproducible.
 *
 * <p>Two operations stay on BouncyCastle, see {@link PrimeCurve}: {@link #publicKey} ({@code sk *
 * G} for a given scalar, on the fixed-base comb) and {@link #verify}, which handles public data
 * only and which SunEC on JDK 17 gets wrong for valid signatures whose {@code x(R)} is at least n.
 */
final class EcdsaScheme implements SignatureScheme {
  private final PrimeCurve curve;
  private final int tlsId;
  private final String hashAlgorithm;
  private final String jdkAlgorithm;

  private EcdsaScheme(PrimeCurve curve, int tlsId, String hashAlgorithm, String jdkAlgorithm) {
    this.curve = curve;
    this.tlsId = tlsId;
    this.hashAlgorithm = hashAlgorithm;
    this.jdkAlgorithm = jdkAlgorithm;
  }

  static EcdsaScheme p256Sha256() {
    return new EcdsaScheme(PrimeCurve.p256(), 0x0403, "SHA-256", "SHA256withECDSA");
  }

  static EcdsaScheme p384Sha384() {
    return new EcdsaScheme(PrimeCurve.p384(), 0x0503, "SHA-384", "SHA384withECDSA");
  }

  static EcdsaScheme p521Sha512() {
    return new EcdsaScheme(PrimeCurve.p521(), 0x0603, "SHA-512", "SHA512withECDSA");
  }

  @Override
  public int tlsId() {
    return tlsId;
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
  public byte[] sign(byte[] privateKey, byte[] message) throws BadKeyException {
    return sign(privateKey, message, null);
  }

  /** As {@link SignatureScheme#sign(byte[], byte[], SecureRandom)}; {@code null} means the JDK's default. */
  @Override
  public byte[] sign(byte[] privateKey, byte[] message, SecureRandom random)
      throws BadKeyException {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    BigInteger d = curve.decodePrivate(privateKey);
    byte[] der;
    try {
      Signature signer = newSignature();
      if (random == null) {
        signer.initSign(curve.jdkPrivateKey(d));
      } else {
        signer.initSign(curve.jdkPrivateKey(d), random);
      }
      signer.update(message);
      der = signer.sign();
    } catch (java.security.InvalidKeyException e) {
      throw new BadKeyException(curve.name() + " private key rejected by the JDK's ECDSA", e);
    } catch (SignatureException e) {
      throw new SealmeetBugException(jdkAlgorithm + " failed to sign", e);
    }
    // SunEC writes minimal DER; check it against our reader so a change there cannot go unnoticed.
    if (EcdsaDer.decode(der) == null) {
      throw new SealmeetBugException(jdkAlgorithm + " produced a signature that is not strict DER");
    }
    return der;
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
    } catch (BadKeyException e) {
      return false;
    }
    // BouncyCastle, not SunEC: see the class comment (public data only).
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(curve.bcPoint(q), curve.bcDomain()));
    return verifier.verifySignature(hash(message), rs[0], rs[1]);
  }

  private byte[] hash(byte[] message) {
    try {
      return MessageDigest.getInstance(hashAlgorithm).digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new SealmeetBugException("the JDK lacks " + hashAlgorithm, e);
    }
  }

  private Signature newSignature() {
    try {
      return Signature.getInstance(jdkAlgorithm, curve.provider());
    } catch (NoSuchAlgorithmException e) {
      throw new SealmeetBugException("the JDK lacks " + jdkAlgorithm, e);
    }
  }

  @Override
  public String toString() {
    return "SignatureScheme[ECDSA " + curve.name() + " " + hashAlgorithm + "]";
  }
}
