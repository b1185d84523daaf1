package dev.sealmeet.mls.testing;

import dev.sealmeet.crypto.CipherSuite;
import dev.sealmeet.crypto.HpkeExport;
import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.Hkdf;
import dev.sealmeet.crypto.KeyPair;
import dev.sealmeet.crypto.Secret;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A test double of suite 0x0001's hash and KDF (SHA-256, HKDF-SHA256 from the crypto module) that
 * records what it was asked to sign or seal, so protocol tests can run before or without the real HPKE
 * and signature backends. Its "signature" is SHA-256 of the message and its "seal" echoes its inputs:
 * never use it for anything but checking encodings.
 */
public final class Sha256TestSuite implements CipherSuite {
  /** The last message passed to {@link #sign} or {@link #verify}. */
  public byte[] lastSigned;
  /** The last {@code info} passed to {@link #hpkeSeal} or {@link #hpkeOpen}. */
  public byte[] lastInfo;

  @Override
  public int id() {
    return 0x0001;
  }

  @Override
  public int hashLength() {
    return 32;
  }

  @Override
  public int aeadKeyLength() {
    return 16;
  }

  @Override
  public int aeadNonceLength() {
    return 12;
  }

  @Override
  public Hkdf kdf() {
    return Hkdf.SHA256;
  }

  @Override
  public byte[] hash(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public byte[] mac(byte[] key, byte[] data) {
    return Hkdf.SHA256.mac(key, data);
  }

  @Override
  public byte[] kdfExtract(byte[] salt, byte[] ikm) {
    return Hkdf.SHA256.extract(salt, ikm);
  }

  @Override
  public byte[] kdfExpand(byte[] prk, byte[] info, int length) {
    return Hkdf.SHA256.expand(prk, info, length);
  }

  @Override
  public byte[] aeadSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    throw new UnsupportedOperationException("test double has no AEAD");
  }

  @Override
  public byte[] aeadOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
    throw new UnsupportedOperationException("test double has no AEAD");
  }

  @Override
  public KeyPair hpkeGenerateKeyPair() {
    throw new UnsupportedOperationException("test double has no HPKE");
  }

  @Override
  public KeyPair hpkeDeriveKeyPair(byte[] ikm) {
    return new KeyPair(ikm, hash(ikm));
  }

  @Override
  public HpkeSealed hpkeSeal(byte[] publicKey, byte[] info, byte[] aad, byte[] plaintext) {
    lastInfo = info.clone();
    return new HpkeSealed(publicKey, plaintext);
  }

  @Override
  public byte[] hpkeOpen(
      byte[] kemOutput, byte[] privateKey, byte[] info, byte[] aad, byte[] ciphertext) {
    lastInfo = info.clone();
    return ciphertext.clone();
  }

  @Override
  public HpkeExport hpkeExportSend(
      byte[] publicKey, byte[] info, byte[] exporterContext, int length) {
    throw new UnsupportedOperationException("test double has no HPKE");
  }

  @Override
  public Secret hpkeExportReceive(
      byte[] kemOutput, byte[] privateKey, byte[] info, byte[] exporterContext, int length) {
    throw new UnsupportedOperationException("test double has no HPKE");
  }

  @Override
  public byte[] hpkePublicKey(byte[] privateKey) {
    return hash(privateKey);
  }

  @Override
  public KeyPair signatureGenerateKeyPair() {
    throw new UnsupportedOperationException("test double has no signatures");
  }

  @Override
  public byte[] signaturePublicKey(byte[] privateKey) {
    return privateKey.clone();
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) {
    lastSigned = message.clone();
    return hash(message);
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    lastSigned = message.clone();
    return Arrays.equals(hash(message), signature);
  }
}
