package dev.sealmeet.crypto;

import dev.sealmeet.crypto.hpke.Hpke;
import dev.sealmeet.crypto.hpke.HpkeMode;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import dev.sealmeet.error.UnsupportedException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** A {@link CipherSuite} composed of a hash, an {@link Hkdf}, an {@link Aead}, HPKE and signatures. */
final class StandardCipherSuite implements CipherSuite {
  private static final byte[] NONE = new byte[0];

  private final int id;
  private final Hkdf kdf;
  private final String digestAlgorithm;
  /** One digest per thread: tree hashing calls {@link #hash} once per node (no provider lookup). */
  private final ThreadLocal<MessageDigest> digests;
  private final Aead aead;
  private final int kemId;
  private final int signatureTlsId;
  private final SecureRandom random;
  private final Hpke hpke;
  private final SignatureScheme signature;

  StandardCipherSuite(
      int id,
      Hkdf kdf,
      String digestAlgorithm,
      Aead aead,
      int kemId,
      int signatureTlsId,
      SecureRandom random) {
    this.id = id;
    this.kdf = kdf;
    this.digestAlgorithm = digestAlgorithm;
    this.digests = ThreadLocal.withInitial(() -> {
      try {
        return MessageDigest.getInstance(digestAlgorithm);
      } catch (GeneralSecurityException e) {
        throw new SealmeetBugException("JDK lacks " + digestAlgorithm, e);
      }
    });
    this.aead = aead;
    this.kemId = kemId;
    this.signatureTlsId = signatureTlsId;
    this.random = random;
    try {
      this.hpke = Hpke.of(kemId, kdf.hpkeId(), aead.hpkeId());
    } catch (UnsupportedException e) {
      throw new SealmeetBugException("MLS suite " + id + " has no HPKE configuration", e);
    }
    this.signature = signatureScheme(signatureTlsId);
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public int hashLength() {
    return kdf.hashLength();
  }

  @Override
  public int aeadKeyLength() {
    return aead.keyLength();
  }

  @Override
  public int aeadNonceLength() {
    return aead.nonceLength();
  }

  @Override
  public Hkdf kdf() {
    return kdf;
  }

  @Override
  public byte[] hash(byte[] data) {
    return digests.get().digest(data);
  }

  @Override
  public byte[] mac(byte[] key, byte[] data) {
    return kdf.mac(key, data);
  }

  @Override
  public byte[] kdfExtract(byte[] salt, byte[] ikm) {
    return kdf.extract(salt, ikm);
  }

  @Override
  public byte[] kdfExpand(byte[] prk, byte[] info, int length) {
    return kdf.expand(prk, info, length);
  }

  @Override
  public byte[] aeadSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    return aead.seal(key, nonce, aad, plaintext);
  }

  @Override
  public byte[] aeadOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext)
      throws AuthenticationException {
    return aead.open(key, nonce, aad, ciphertext);
  }

  @Override
  public RawKeyPair hpkeGenerateKeyPair() {
    return hpke.generateKeyPair(random);
  }

  @Override
  public RawKeyPair hpkeDeriveKeyPair(byte[] ikm) {
    return hpke.deriveKeyPair(ikm);
  }

  @Override
  public HpkeSealed hpkeSeal(byte[] publicKey, byte[] info, byte[] aad, byte[] plaintext)
      throws BadKeyException {
    return hpke.seal(HpkeMode.BASE, publicKey, info, aad, plaintext, NONE, NONE, null, random);
  }

  @Override
  public byte[] hpkeOpen(
      byte[] kemOutput, byte[] privateKey, byte[] info, byte[] aad, byte[] ciphertext)
      throws BadKeyException, AuthenticationException {
    return hpke.open(HpkeMode.BASE, kemOutput, privateKey, info, aad, ciphertext, NONE, NONE, null);
  }

  @Override
  public HpkeExport hpkeExportSend(
      byte[] publicKey, byte[] info, byte[] exporterContext, int length)
      throws BadKeyException {
    return hpke.sendExport(
        HpkeMode.BASE, publicKey, info, exporterContext, length, NONE, NONE, null, random);
  }

  @Override
  public Secret hpkeExportReceive(
      byte[] kemOutput, byte[] privateKey, byte[] info, byte[] exporterContext, int length)
      throws BadKeyException {
    return hpke.receiveExport(
        HpkeMode.BASE, kemOutput, privateKey, info, exporterContext, length, NONE, NONE, null);
  }

  @Override
  public byte[] hpkePublicKey(byte[] privateKey) throws BadKeyException {
    return hpke.publicKey(privateKey);
  }

  @Override
  public RawKeyPair signatureGenerateKeyPair() {
    return signature.generateKeyPair(random);
  }

  @Override
  public byte[] signaturePublicKey(byte[] privateKey) throws BadKeyException {
    return signature.publicKey(privateKey);
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) throws BadKeyException {
    return signature.sign(privateKey, message, random);
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return this.signature.verify(publicKey, message, signature);
  }

  private static SignatureScheme signatureScheme(int tlsId) {
    SignatureScheme scheme = Signatures.forTlsId(tlsId);
    if (scheme == null) {
      throw new SealmeetBugException(String.format("no signature scheme 0x%04x", tlsId));
    }
    return scheme;
  }

  @Override
  public String toString() {
    return String.format(
        "CipherSuite[0x%04x, KEM 0x%04x, KDF 0x%04x, AEAD 0x%04x, signature 0x%04x]",
        id, kemId, kdf.hpkeId(), aead.hpkeId(), signatureTlsId);
  }
}
