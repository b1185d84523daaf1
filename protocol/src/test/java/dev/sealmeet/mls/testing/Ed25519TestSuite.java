package dev.sealmeet.mls.testing;

import dev.sealmeet.crypto.CipherSuite;
import dev.sealmeet.crypto.CipherSuites;
import dev.sealmeet.crypto.HpkeExport;
import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.Hkdf;
import dev.sealmeet.crypto.KeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.InvalidKeyException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The real suite 0x0001 from {@link CipherSuites} with Ed25519 signatures from BouncyCastle, so
 * protocol tests that sign run independently of the production signature backend.
 */
public final class Ed25519TestSuite implements CipherSuite {
  private final CipherSuite real;
  private final SecureRandom random = new SecureRandom();

  private Ed25519TestSuite(CipherSuite real) {
    this.real = real;
  }

  /** Suite 0x0001 (X25519, AES-128-GCM, SHA-256) with BouncyCastle Ed25519. */
  public static MlsSuite suite1() {
    try {
      return MlsSuite.wrap(new Ed25519TestSuite(CipherSuites.get(1, new SecureRandom())));
    } catch (UnsupportedException e) {
      throw new AssertionError("suite 1 must be supported", e);
    }
  }

  @Override
  public KeyPair signatureGenerateKeyPair() {
    byte[] sk = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(sk);
    byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(sk, 0, pk, 0);
    return new KeyPair(sk, pk);
  }

  @Override
  public byte[] signaturePublicKey(byte[] privateKey) throws InvalidKeyException {
    byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(privateKey, 0, pk, 0);
    return pk;
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) throws InvalidKeyException {
    if (privateKey.length != Ed25519.SECRET_KEY_SIZE) {
      throw new InvalidKeyException("Ed25519 private key must be 32 bytes");
    }
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(privateKey, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return publicKey.length == Ed25519.PUBLIC_KEY_SIZE
        && signature.length == Ed25519.SIGNATURE_SIZE
        && Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
  }

  @Override public int id() { return real.id(); }
  @Override public int hashLength() { return real.hashLength(); }
  @Override public int aeadKeyLength() { return real.aeadKeyLength(); }
  @Override public int aeadNonceLength() { return real.aeadNonceLength(); }
  @Override public Hkdf kdf() { return real.kdf(); }
  @Override public byte[] hash(byte[] data) { return real.hash(data); }
  @Override public byte[] mac(byte[] key, byte[] data) { return real.mac(key, data); }
  @Override public byte[] kdfExtract(byte[] salt, byte[] ikm) { return real.kdfExtract(salt, ikm); }

  @Override
  public byte[] kdfExpand(byte[] prk, byte[] info, int length) {
    return real.kdfExpand(prk, info, length);
  }

  @Override
  public byte[] aeadSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    return real.aeadSeal(key, nonce, aad, plaintext);
  }

  @Override
  public byte[] aeadOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext)
      throws AuthenticationException {
    return real.aeadOpen(key, nonce, aad, ciphertext);
  }

  @Override public KeyPair hpkeGenerateKeyPair() { return real.hpkeGenerateKeyPair(); }
  @Override public KeyPair hpkeDeriveKeyPair(byte[] ikm) { return real.hpkeDeriveKeyPair(ikm); }

  @Override
  public HpkeSealed hpkeSeal(byte[] publicKey, byte[] info, byte[] aad, byte[] plaintext)
      throws InvalidKeyException {
    return real.hpkeSeal(publicKey, info, aad, plaintext);
  }

  @Override
  public byte[] hpkeOpen(byte[] kemOutput, byte[] privateKey, byte[] info, byte[] aad,
      byte[] ciphertext) throws InvalidKeyException, AuthenticationException {
    return real.hpkeOpen(kemOutput, privateKey, info, aad, ciphertext);
  }

  @Override
  public HpkeExport hpkeExportSend(byte[] publicKey, byte[] info, byte[] exporterContext,
      int length) throws InvalidKeyException {
    return real.hpkeExportSend(publicKey, info, exporterContext, length);
  }

  @Override
  public Secret hpkeExportReceive(byte[] kemOutput, byte[] privateKey, byte[] info,
      byte[] exporterContext, int length) throws InvalidKeyException {
    return real.hpkeExportReceive(kemOutput, privateKey, info, exporterContext, length);
  }

  @Override
  public byte[] hpkePublicKey(byte[] privateKey) throws InvalidKeyException {
    return real.hpkePublicKey(privateKey);
  }
}
