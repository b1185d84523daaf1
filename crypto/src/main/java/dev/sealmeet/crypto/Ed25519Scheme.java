package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Pure Ed25519 (RFC 8032 §5.1) over BouncyCastle's {@code rfc8032.Ed25519}: 32-byte seeds as private
 * keys, 32-byte encoded points as public keys, 64-byte {@code R || S} signatures.
 *
 * <p>Verification (RFC 8032 §5.1.7) rejects {@code S >= L}, a non-canonical or undecodable {@code R}
 * or public key (y not below p), and any input of the wrong length. BouncyCastle performs the decoding
 * and range checks; the length checks are ours, so nothing hostile reaches it in a form it would throw on.
 *
 * <p>Messages of 256 KiB and more (a GroupInfo carrying the ratchet tree of a large group) are
 * signed by the JDK's provider when it signs exactly as BouncyCastle does ({@link JdkEd25519}):
 * the signature is the same, in about half the time.
 */
final class Ed25519Scheme implements SignatureScheme {
  static final int KEY_LENGTH = Ed25519.SECRET_KEY_SIZE;
  static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

  @Override
  public int tlsId() {
    return 0x0807;
  }

  @Override
  public RawKeyPair generateKeyPair(SecureRandom random) {
    byte[] seed = new byte[KEY_LENGTH];
    try {
      Ed25519.generatePrivateKey(random, seed);
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
    if (message.length >= JdkEd25519.MIN_MESSAGE) {
      Optional<byte[]> fromProvider = JdkEd25519.sign(privateKey, message);
      if (fromProvider.isPresent()) {
        return fromProvider.get();
      }
    }
    byte[] signature = new byte[SIGNATURE_LENGTH];
    Ed25519.sign(privateKey, 0, message, 0, message.length, signature, 0);
    return signature;
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null
        || publicKey.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
  }

  private static byte[] derivePublic(byte[] seed) {
    byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    return pk;
  }

  private static void checkSeed(byte[] privateKey) throws BadKeyException {
    if (privateKey == null) {
      throw new IllegalArgumentException("Ed25519 private key must not be null");
    }
    if (privateKey.length != KEY_LENGTH) {
      throw new BadKeyException(
          "Ed25519 private key must be a " + KEY_LENGTH + "-byte seed, got " + privateKey.length);
    }
  }

  @Override
  public String toString() {
    return "SignatureScheme[Ed25519]";
  }
}
