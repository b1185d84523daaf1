package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed448;

/**
 * Pure Ed448 (RFC 8032 §5.2) over BouncyCastle's {@code rfc8032.Ed448}: 57-byte seeds as private
 * keys, 57-byte encoded points as public keys, 114-byte {@code R || S} signatures.
 *
 * <p>Verification (RFC 8032 §5.2.7) rejects {@code S >= L}, a non-canonical or undecodable {@code R}
 * or public key (y not below p), and any input of the wrong length. BouncyCastle performs the decoding
 * and range checks; the length checks are ours, so nothing hostile reaches it in a form it would throw on.
 */
final class Ed448Scheme implements SignatureScheme {
  static final int KEY_LENGTH = Ed448.SECRET_KEY_SIZE;
  static final int SIGNATURE_LENGTH = Ed448.SIGNATURE_SIZE;
  /** Pure Ed448 as MLS uses it: the empty context string (RFC 8032 §5.2). */
  private static final byte[] NO_CONTEXT = new byte[0];

  @Override
  public int tlsId() {
    return 0x0808;
  }

  @Override
  public RawKeyPair generateKeyPair(SecureRandom random) {
    byte[] seed = new byte[KEY_LENGTH];
    try {
      Ed448.generatePrivateKey(random, seed);
      return new RawKeyPair(seed, derivePublic(seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws BadKeyException {
    checkSeed(privateKey);
    return derivePublic(privateKey);
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) throws BadKeyException {
    checkSeed(privateKey);
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    byte[] signature = new byte[SIGNATURE_LENGTH];
    Ed448.sign(privateKey, 0, NO_CONTEXT, message, 0, message.length, signature, 0);
    return signature;
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null
        || publicKey.length != Ed448.PUBLIC_KEY_SIZE || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    return Ed448.verify(signature, 0, publicKey, 0, NO_CONTEXT, message, 0, message.length);
  }

  private static byte[] derivePublic(byte[] seed) {
    byte[] pk = new byte[Ed448.PUBLIC_KEY_SIZE];
    Ed448.generatePublicKey(seed, 0, pk, 0);
    return pk;
  }

  private static void checkSeed(byte[] privateKey) throws BadKeyException {
    if (privateKey == null) {
      throw new IllegalArgumentException("Ed448 private key must not be null");
    }
    if (privateKey.length != KEY_LENGTH) {
      throw new BadKeyException(
          "Ed448 private key must be a " + KEY_LENGTH + "-byte seed, got " + privateKey.length);
    }
  }

  @Override
  public String toString() {
    return "SignatureScheme[Ed448]";
  }
}
