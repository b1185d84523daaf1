package dev.sealmeet.crypto;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;

/**
 * One MLS cipher suite (RFC 9420 §5.1, registry §17.1) bound to its primitives: a hash, an HKDF, an
 * AEAD, an HPKE configuration (KEM, KDF, AEAD) and a signature scheme.
 *
 * <p>Calls carry no algorithm ids; obtain an instance from {@link CipherSuites}. Instances are immutable
 * and thread-safe. Nothing here knows MLS labels: the labeled functions of RFC 9420 §5 are composed on
 * top of this interface in the protocol module.
 *
 * <p>Key encodings are those of the MLS test vectors: raw public keys (RFC 9180 SerializePublicKey for
 * HPKE; raw Ed25519/Ed448 public keys; uncompressed SEC1 points for ECDSA), HPKE SerializePrivateKey, the
 * big-endian scalar for ECDSA private keys, the seed for EdDSA private keys. ECDSA signatures are DER.
 */
public interface CipherSuite {

  /** The IANA MLS cipher suite identifier, e.g. {@code 0x0001}. */
  int id();

  /** {@code Nh}: output length of the suite's hash (and of KDF-Extract). */
  int hashLength();

  /** {@code Nk}: key length of the suite's AEAD. */
  int aeadKeyLength();

  /** {@code Nn}: nonce length of the suite's AEAD. */
  int aeadNonceLength();

  /** The suite's HKDF. */
  Hkdf kdf();

  /** Hash(data) with the suite's hash function. */
  byte[] hash(byte[] data);

  /** MAC(key, data): HMAC with the suite's hash (RFC 9420 §5.1). */
  byte[] mac(byte[] key, byte[] data);

  /** KDF.Extract(salt, ikm). */
  byte[] kdfExtract(byte[] salt, byte[] ikm);

  /** KDF.Expand(prk, info, length). */
  byte[] kdfExpand(byte[] prk, byte[] info, int length);

  /** AEAD.Seal(key, nonce, aad, plaintext): ciphertext followed by the tag. */
  byte[] aeadSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext);

  /**
   * AEAD.Open(key, nonce, aad, ciphertext).
   *
   * @throws AuthenticationException if the tag does not verify or the ciphertext is shorter than a tag
   */
  byte[] aeadOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext)
      throws AuthenticationException;

  /** A fresh random HPKE key pair (RFC 9180 GenerateKeyPair). */
  RawKeyPair hpkeGenerateKeyPair();

  /** RFC 9180 DeriveKeyPair(ikm), as MLS uses for TreeKEM node keys (RFC 9420 §7.4). */
  RawKeyPair hpkeDeriveKeyPair(byte[] ikm);

  /**
   * Single-shot HPKE base-mode seal (RFC 9180 §6.1 SealBase).
   *
   * @throws BadKeyException if {@code publicKey} is not a valid public key of the suite's KEM
   */
  HpkeSealed hpkeSeal(byte[] publicKey, byte[] info, byte[] aad, byte[] plaintext)
      throws BadKeyException;

  /**
   * Single-shot HPKE base-mode open (RFC 9180 §6.1 OpenBase).
   *
   * @throws BadKeyException if {@code kemOutput} or {@code privateKey} is invalid
   * @throws AuthenticationException if the ciphertext does not verify
   */
  byte[] hpkeOpen(byte[] kemOutput, byte[] privateKey, byte[] info, byte[] aad, byte[] ciphertext)
      throws BadKeyException, AuthenticationException;

  /**
   * Sender-side HPKE export in base mode: SetupBaseS(publicKey, info) then Export(context, length)
   * (RFC 9180 §5.3), as MLS external commits use (RFC 9420 §12.4.3.2).
   *
   * @throws BadKeyException if {@code publicKey} is invalid
   */
  HpkeExport hpkeExportSend(byte[] publicKey, byte[] info, byte[] exporterContext, int length)
      throws BadKeyException;

  /**
   * Receiver-side HPKE export in base mode: SetupBaseR(kemOutput, privateKey, info) then
   * Export(context, length).
   *
   * @throws BadKeyException if {@code kemOutput} or {@code privateKey} is invalid
   */
  Secret hpkeExportReceive(
      byte[] kemOutput, byte[] privateKey, byte[] info, byte[] exporterContext, int length)
      throws BadKeyException;

  /** The HPKE public key for a serialized HPKE private key. */
  byte[] hpkePublicKey(byte[] privateKey) throws BadKeyException;

  /** A fresh random signature key pair. */
  RawKeyPair signatureGenerateKeyPair();

  /** The signature public key for a serialized signature private key. */
  byte[] signaturePublicKey(byte[] privateKey) throws BadKeyException;

  /**
   * Signs {@code message} (EdDSA: pure; ECDSA: the suite's hash, DER output). A randomized scheme
   * (ECDSA) draws its nonce from the suite's own {@link java.security.SecureRandom}, the one it
   * was built with (the group's injected randomness), never from a global one.
   */
  byte[] sign(byte[] privateKey, byte[] message) throws BadKeyException;

  /**
   * Verifies a signature. Returns {@code false} for any malformed signature or public key rather than
   * throwing: a caller turns {@code false} into an {@link AuthenticationException} naming the check.
   */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
