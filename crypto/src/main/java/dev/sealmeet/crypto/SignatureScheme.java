package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;

/**
 * A signature scheme in the encodings MLS uses (RFC 9420 §5.1.2): raw public keys for EdDSA, uncompressed
 * SEC1 points for ECDSA; EdDSA private keys are seeds, ECDSA private keys big-endian scalars; ECDSA
 * signatures are DER. Stateless and thread-safe.
 */
public interface SignatureScheme {
  /** The TLS SignatureScheme code point, e.g. 0x0807 ed25519, 0x0403 ecdsa_secp256r1_sha256. */
  int tlsId();

  /** A fresh key pair. */
  RawKeyPair generateKeyPair(SecureRandom random);

  /** The public key for a private key. */
  byte[] publicKey(byte[] privateKey) throws BadKeyException;

  /**
   * Signs {@code message} (EdDSA: pure; ECDSA: hashed with the scheme's hash). A randomized scheme
   * (ECDSA) draws its nonce from the JDK's default {@link SecureRandom}; prefer {@link
   * #sign(byte[], byte[], SecureRandom)} with the randomness the caller was given.
   */
  byte[] sign(byte[] privateKey, byte[] message) throws BadKeyException;

  /**
   * Signs {@code message} as {@link #sign(byte[], byte[])} does, drawing any randomness the scheme
   * needs from {@code random}: the ECDSA nonce, here. Deterministic schemes (EdDSA, RFC 8032 §5.1.6;
   * ML-DSA in its deterministic variant, FIPS 204 §3.4) ignore it, which is this default.
   *
   * <p>{@code random} must be a cryptographically strong generator: an ECDSA nonce that repeats or
   * can be predicted reveals the private key (as a predictable generator already reveals the keys
   * it generates). A seeded stream makes signatures reproducible, on the same JCA provider, which
   * is what test-vector generators need and nothing else may rely on.
   */
  default byte[] sign(byte[] privateKey, byte[] message, SecureRandom random)
      throws BadKeyException {
    return sign(privateKey, message);
  }

  /**
   * Verifies strictly: non-canonical encodings (non-DER ECDSA, EdDSA S ≥ L, invalid points) are
   * rejected. Returns {@code false} for any malformed input; never throws for hostile input.
   */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
