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

  /** Signs {@code message} (EdDSA: pure; ECDSA: hashed with the scheme's hash). */
  byte[] sign(byte[] privateKey, byte[] message) throws BadKeyException;

  /**
   * Verifies strictly: non-canonical encodings (non-DER ECDSA, EdDSA S ≥ L, invalid points) are
   * rejected. Returns {@code false} for any malformed input; never throws for hostile input.
   */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
