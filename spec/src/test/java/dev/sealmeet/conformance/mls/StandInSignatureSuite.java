package dev.sealmeet.conformance.mls;

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
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.math.ec.rfc8032.Ed448;

/**
 * Test stand-in: a real suite from {@link CipherSuites} whose signatures come from BouncyCastle
 * (EdDSA) and the JDK (ECDSA, DER), so the framing families can be checked against the official
 * vectors independently of the production signature code. Sign and verify only; key generation is
 * not needed by the vectors.
 */
final class StandInSignatureSuite implements CipherSuite {
  private final CipherSuite real;

  private StandInSignatureSuite(CipherSuite real) {
    this.real = real;
  }

  static MlsSuite of(int id) throws UnsupportedException {
    return MlsSuite.wrap(new StandInSignatureSuite(CipherSuites.get(id, new SecureRandom())));
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) throws InvalidKeyException {
    switch (real.id()) {
      case 1: case 3: {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, message, 0, message.length, sig, 0);
        return sig;
      }
      case 4: case 6: {
        byte[] sig = new byte[Ed448.SIGNATURE_SIZE];
        Ed448.sign(privateKey, 0, new byte[0], message, 0, message.length, sig, 0);
        return sig;
      }
      default:
        try {
          Signature s = Signature.getInstance(ecdsa());
          s.initSign(KeyFactory.getInstance("EC").generatePrivate(
              new ECPrivateKeySpec(new BigInteger(1, privateKey), curve())));
          s.update(message);
          return s.sign();
        } catch (GeneralSecurityException e) {
          throw new InvalidKeyException("stand-in ECDSA sign failed", e);
        }
    }
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    switch (real.id()) {
      case 1: case 3:
        return publicKey.length == Ed25519.PUBLIC_KEY_SIZE
            && signature.length == Ed25519.SIGNATURE_SIZE
            && Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
      case 4: case 6:
        return publicKey.length == Ed448.PUBLIC_KEY_SIZE
            && signature.length == Ed448.SIGNATURE_SIZE
            && Ed448.verify(signature, 0, publicKey, 0, new byte[0], message, 0, message.length);
      default:
        try {
          int n = (publicKey.length - 1) / 2;
          ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(publicKey, 1, 1 + n)),
              new BigInteger(1, Arrays.copyOfRange(publicKey, 1 + n, publicKey.length)));
          Signature s = Signature.getInstance(ecdsa());
          s.initVerify(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, curve())));
          s.update(message);
          return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
          return false;
        }
    }
  }

  private String ecdsa() {
    return real.id() == 2 ? "SHA256withECDSA" : real.id() == 5 ? "SHA512withECDSA"
        : "SHA384withECDSA";
  }

  private ECParameterSpec curve() throws GeneralSecurityException {
    String name = real.id() == 2 ? "secp256r1" : real.id() == 5 ? "secp521r1" : "secp384r1";
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec(name));
    return params.getParameterSpec(ECParameterSpec.class);
  }

  @Override
  public KeyPair signatureGenerateKeyPair() {
    throw new UnsupportedOperationException("stand-in signs and verifies only");
  }

  @Override
  public byte[] signaturePublicKey(byte[] privateKey) {
    throw new UnsupportedOperationException("stand-in signs and verifies only");
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
