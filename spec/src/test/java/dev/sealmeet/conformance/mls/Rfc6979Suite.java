package dev.sealmeet.conformance.mls;

import dev.sealmeet.crypto.CipherSuite;
import dev.sealmeet.crypto.Hkdf;
import dev.sealmeet.crypto.HpkeExport;
import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * A suite whose ECDSA signatures are deterministic (RFC 6979 nonces), so that a vector generator
 * writes the same bytes on every run; everything else, and every verification, is the wrapped
 * suite's. Ed25519 and ML-DSA (deterministic variant) already sign reproducibly and are passed
 * through. Test scope only: Sealmeet itself signs ECDSA with fresh nonces, which verify the same.
 */
final class Rfc6979Suite implements CipherSuite {
  private final CipherSuite inner;
  private final String curve;
  private final boolean sha384;

  /**
   * @param signatureTlsId the suite's TLS SignatureScheme: 0x0403 (P-256/SHA-256) and 0x0503
   *     (P-384/SHA-384) sign per RFC 6979, any other scheme is the wrapped suite's
   */
  Rfc6979Suite(CipherSuite inner, int signatureTlsId) {
    this.inner = inner;
    this.curve = signatureTlsId == 0x0403 ? "P-256" : signatureTlsId == 0x0503 ? "P-384" : null;
    this.sha384 = signatureTlsId == 0x0503;
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) throws BadKeyException {
    if (curve == null) {
      return inner.sign(privateKey, message);
    }
    X9ECParameters x9 = CustomNamedCurves.getByName(curve);
    ECDomainParameters domain = new ECDomainParameters(x9);
    Digest hash = newDigest();
    hash.update(message, 0, message.length);
    byte[] h = new byte[hash.getDigestSize()];
    hash.doFinal(h, 0);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(newDigest()));
    signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey), domain));
    BigInteger[] rs = signer.generateSignature(h);
    try {
      return StandardDSAEncoding.INSTANCE.encode(domain.getN(), rs[0], rs[1]);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Digest newDigest() {
    return sha384 ? new SHA384Digest() : new SHA256Digest();
  }

  @Override
  public int id() {
    return inner.id();
  }

  @Override
  public int hashLength() {
    return inner.hashLength();
  }

  @Override
  public int aeadKeyLength() {
    return inner.aeadKeyLength();
  }

  @Override
  public int aeadNonceLength() {
    return inner.aeadNonceLength();
  }

  @Override
  public Hkdf kdf() {
    return inner.kdf();
  }

  @Override
  public byte[] hash(byte[] data) {
    return inner.hash(data);
  }

  @Override
  public byte[] mac(byte[] key, byte[] data) {
    return inner.mac(key, data);
  }

  @Override
  public byte[] kdfExtract(byte[] salt, byte[] ikm) {
    return inner.kdfExtract(salt, ikm);
  }

  @Override
  public byte[] kdfExpand(byte[] prk, byte[] info, int length) {
    return inner.kdfExpand(prk, info, length);
  }

  @Override
  public byte[] aeadSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    return inner.aeadSeal(key, nonce, aad, plaintext);
  }

  @Override
  public byte[] aeadOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext)
      throws AuthenticationException {
    return inner.aeadOpen(key, nonce, aad, ciphertext);
  }

  @Override
  public RawKeyPair hpkeGenerateKeyPair() {
    return inner.hpkeGenerateKeyPair();
  }

  @Override
  public RawKeyPair hpkeDeriveKeyPair(byte[] ikm) {
    return inner.hpkeDeriveKeyPair(ikm);
  }

  @Override
  public HpkeSealed hpkeSeal(byte[] publicKey, byte[] info, byte[] aad, byte[] plaintext)
      throws BadKeyException {
    return inner.hpkeSeal(publicKey, info, aad, plaintext);
  }

  @Override
  public byte[] hpkeOpen(byte[] kemOutput, byte[] privateKey, byte[] info, byte[] aad,
      byte[] ciphertext) throws BadKeyException, AuthenticationException {
    return inner.hpkeOpen(kemOutput, privateKey, info, aad, ciphertext);
  }

  @Override
  public HpkeExport hpkeExportSend(byte[] publicKey, byte[] info, byte[] exporterContext,
      int length) throws BadKeyException {
    return inner.hpkeExportSend(publicKey, info, exporterContext, length);
  }

  @Override
  public Secret hpkeExportReceive(byte[] kemOutput, byte[] privateKey, byte[] info,
      byte[] exporterContext, int length) throws BadKeyException {
    return inner.hpkeExportReceive(kemOutput, privateKey, info, exporterContext, length);
  }

  @Override
  public byte[] hpkePublicKey(byte[] privateKey) throws BadKeyException {
    return inner.hpkePublicKey(privateKey);
  }

  @Override
  public RawKeyPair signatureGenerateKeyPair() {
    return inner.signatureGenerateKeyPair();
  }

  @Override
  public byte[] signaturePublicKey(byte[] privateKey) throws BadKeyException {
    return inner.signaturePublicKey(privateKey);
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return inner.verify(publicKey, message, signature);
  }

  @Override
  public String toString() {
    return "Rfc6979Suite[" + inner + "]";
  }
}
