package dev.sealmeet.crypto;

import dev.sealmeet.error.AuthenticationException;

/**
 * An AEAD algorithm (RFC 5116) with its HPKE identifier (RFC 9180 §7.3).
 *
 * <p>Security contract: {@link #seal} authenticates {@code aad} and encrypts and authenticates the
 * plaintext; the caller MUST NOT reuse a (key, nonce) pair. Empty {@code aad} and plaintext are allowed;
 * {@code null} is not. Implementations are stateless and thread-safe.
 */
public interface Aead {
  /** The HPKE AEAD id: 0x0001 AES-128-GCM, 0x0002 AES-256-GCM, 0x0003 ChaCha20-Poly1305. */
  int hpkeId();

  /** {@code Nk}. */
  int keyLength();

  /** {@code Nn}. */
  int nonceLength();

  /** {@code Nt}. */
  int tagLength();

  /**
   * Seal(key, nonce, aad, plaintext): ciphertext followed by the tag.
   *
   * @throws IllegalArgumentException if the key or nonce has the wrong length
   */
  byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext);

  /**
   * Open(key, nonce, aad, ciphertextAndTag).
   *
   * @throws AuthenticationException if the tag does not verify (including input shorter than a tag)
   * @throws IllegalArgumentException if the key or nonce has the wrong length
   */
  byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag)
      throws AuthenticationException;
}
