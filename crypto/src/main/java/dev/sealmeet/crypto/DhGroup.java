package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;

/**
 * The Diffie-Hellman group under an HPKE DHKEM (RFC 9180 §4.1, §7.1): X25519, X448, P-256, P-384, P-521.
 * Keys use RFC 9180 §7.1.1 SerializePublicKey/SerializePrivateKey. Stateless and thread-safe.
 */
public interface DhGroup {
  /** The HPKE KEM id of the DHKEM over this group, e.g. 0x0020 DHKEM(X25519, HKDF-SHA256). */
  int kemId();

  /** {@code Npk}. */
  int publicKeyLength();

  /** {@code Nsk}. */
  int privateKeyLength();

  /** {@code Ndh}: length of the DH shared secret. */
  int sharedSecretLength();

  /** A fresh key pair. */
  RawKeyPair generateKeyPair(SecureRandom random);

  /** The public key of a serialized private key. */
  byte[] publicKey(byte[] privateKey) throws BadKeyException;

  /**
   * DH(sk, pk). Validates the public key (on the curve, right length) and rejects an all-zero shared
   * secret (RFC 9180 §7.1.4).
   *
   * @throws BadKeyException for an invalid public or private key or an all-zero output
   */
  byte[] dh(byte[] privateKey, byte[] publicKey) throws BadKeyException;
}
