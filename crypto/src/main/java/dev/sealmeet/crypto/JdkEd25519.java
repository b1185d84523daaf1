package dev.sealmeet.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signing (RFC 8032 §5.1.6) in an installed JCA provider, for long messages only.
 *
 * <p>Signing hashes the message twice with SHA-512. BouncyCastle's {@code rfc8032.Ed25519} does so
 * with its own SHA-512 written in Java, and takes no other digest; the JDK's provider (SunEC) uses
 * the JDK's SHA-512, which HotSpot compiles to vector instructions and which runs about twice as
 * fast, but pays about 0.5 ms more per signature for its key object and point arithmetic. Measured
 * on the project machine (JDK 17, steady state): 530 KB, the GroupInfo of a 1,000-member Welcome
 * with its ratchet tree, 2.75 ms in BouncyCastle against 1.9 ms in SunEC; 5.3 MB, 30 ms against 14
 * ms; 128 KiB, 0.78 ms against 1.4 ms. {@link Ed25519Scheme} therefore signs messages of at least
 * {@link #MIN_MESSAGE} bytes here, shorter ones in BouncyCastle.
 *
 * <p>Ed25519 is deterministic, so both give the same signature byte for byte: a provider is used
 * only if it signs a fixed message exactly as BouncyCastle does ({@link #pick}), and any failure at
 * signing time falls back to BouncyCastle. Verification stays in BouncyCastle, whose acceptance
 * rules the group depends on ({@link Ed25519Scheme}).
 *
 * <p>Secrets: the seed goes to the provider as an RFC 8410 PKCS#8 encoding, which is wiped after
 * use; the key specification and the provider's key object each keep a copy that cannot be wiped
 * (the JDK's keys do not implement {@code destroy}) until they are collected. On a platform without
 * an Ed25519 provider (Android before Conscrypt offers one) everything stays in BouncyCastle.
 *
 * <p>Stateless and thread-safe: engines are created per call.
 */
final class JdkEd25519 {
  /** Messages at least this long (256 KiB) are signed by the provider, if there is one. */
  static final int MIN_MESSAGE = 1 << 18;

  /** The RFC 8410 §7 PKCS#8 prefix of a 32-byte Ed25519 seed (version 0, OID 1.3.101.112). */
  private static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };

  private static final Optional<Provider> PROVIDER = pick();

  private JdkEd25519() {}

  /** Whether a provider that signs exactly as BouncyCastle does was found. */
  static boolean available() {
    return PROVIDER.isPresent();
  }

  /**
   * The signature of {@code message} under {@code seed} by the provider, or empty if there is none
   * or it failed (then the caller signs in BouncyCastle).
   */
  static Optional<byte[]> sign(byte[] seed, byte[] message) {
    if (!PROVIDER.isPresent()) {
      return Optional.empty();
    }
    try {
      return Optional.of(sign(PROVIDER.get(), seed, message));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] sign(Provider provider, byte[] seed, byte[] message)
      throws GeneralSecurityException {
    byte[] encoded = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
    System.arraycopy(seed, 0, encoded, PKCS8_PREFIX.length, seed.length);
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("Ed25519", provider)
          .generatePrivate(new PKCS8EncodedKeySpec(encoded));
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
    try {
      Signature signer = Signature.getInstance("Ed25519", provider);
      signer.initSign(key);
      signer.update(message);
      byte[] signature = signer.sign();
      if (signature.length != Ed25519.SIGNATURE_SIZE) {
        throw new GeneralSecurityException("provider returned " + signature.length + " bytes");
      }
      return signature;
    } finally {
      destroy(key);
    }
  }

  private static void destroy(PrivateKey key) {
    if (!key.isDestroyed()) {
      try {
        key.destroy();
      } catch (DestroyFailedException e) {
        // The JDK's key classes keep the default: nothing to do beyond dropping the reference.
      }
    }
  }

  /**
   * The first installed provider with an Ed25519 key factory and signature whose signature of a
   * fixed message under a fixed seed equals BouncyCastle's; empty if none does.
   */
  static Optional<Provider> pick() {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    Arrays.fill(seed, (byte) 0x5a);
    byte[] message = "sealmeet Ed25519 provider check".getBytes(StandardCharsets.UTF_8);
    byte[] expected = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, message, 0, message.length, expected, 0);
    for (Provider candidate : Security.getProviders()) {
      if (candidate.getService("Signature", "Ed25519") == null
          || candidate.getService("KeyFactory", "Ed25519") == null) {
        continue;
      }
      try {
        if (Arrays.equals(sign(candidate, seed, message), expected)) {
          return Optional.of(candidate);
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        // This provider cannot sign with a raw seed: try the next.
      }
    }
    return Optional.empty();
  }
}
