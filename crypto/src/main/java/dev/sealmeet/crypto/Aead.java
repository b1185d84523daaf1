package dev.sealmeet.crypto;

import dev.sealmeet.error.AuthenticationException;

/**
 * An AEAD algorithm (RFC 5116) with its HPKE identifier (RFC 9180 §7.3).
 *
 * <p>Security contract: {@link #seal} authenticates {@code aad} and encrypts and authenticates the
 * plaintext; the caller MUST NOT reuse a (key, nonce) pair. Implementations keep the JDK's refusal to
 * encrypt twice in a row under one key and nonce as a tripwire ({@link #seal} throws
 * {@link IllegalStateException}); it is not a guarantee. Empty {@code aad} and plaintext are allowed;
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
   * @throws IllegalStateException if the implementation detects that this key and nonce were just
   *     used to encrypt
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

  /**
   * Known-answer check: whether Seal(key, nonce, aad, plaintext) equals {@code expected}, compared
   * in constant time after a public length check. The ciphertext never leaves the implementation,
   * so a repeated nonce here cannot be exploited, and the check neither trips nor resets the reuse
   * tripwire of {@link #seal}. For test vectors (Wycheproof repeats key and nonce across cases).
   *
   * @throws IllegalArgumentException if the key or nonce has the wrong length
   */
  boolean sealsTo(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext, byte[] expected);
}
