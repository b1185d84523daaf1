package dev.sealmeet.crypto;

import dev.sealmeet.error.UnsupportedException;
import java.security.SecureRandom;
import java.util.List;

/**
 * Entry point: the MLS cipher suites this build supports (RFC 9420 §17.1).
 *
 * <pre>
 * id      KEM                     KDF/hash   AEAD               signature
 * 0x0001  DHKEM(X25519, SHA256)   SHA-256    AES-128-GCM        Ed25519
 * 0x0002  DHKEM(P-256, SHA256)    SHA-256    AES-128-GCM        ECDSA P-256/SHA-256
 * 0x0003  DHKEM(X25519, SHA256)   SHA-256    ChaCha20Poly1305   Ed25519
 * 0x0004  DHKEM(X448, SHA512)     SHA-512    AES-256-GCM        Ed448
 * 0x0005  DHKEM(P-521, SHA512)    SHA-512    AES-256-GCM        ECDSA P-521/SHA-512
 * 0x0006  DHKEM(X448, SHA512)     SHA-512    ChaCha20Poly1305   Ed448
 * 0x0007  DHKEM(P-384, SHA384)    SHA-384    AES-256-GCM        ECDSA P-384/SHA-384
 * </pre>
 *
 * <p>These are {@link SuiteRegistry#rfc9420()}; the post-quantum suites, whose code points are
 * configuration, are reached through a {@link SuiteRegistry}.
 */
public final class CipherSuites {
  private static final List<Integer> SUPPORTED = List.of(1, 2, 3, 4, 5, 6, 7);

  private CipherSuites() {}

  /** The identifiers of every supported MLS cipher suite, ascending. */
  public static List<Integer> supported() {
    return SUPPORTED;
  }

  /**
   * The suite with IANA identifier {@code id}, drawing randomness from {@code random}.
   *
   * @throws UnsupportedException if the suite is not supported
   * @throws IllegalArgumentException if {@code random} is null
   */
  public static CipherSuite get(int id, SecureRandom random) throws UnsupportedException {
    if (random == null) {
      throw new IllegalArgumentException("random must not be null");
    }
    if (!SUPPORTED.contains(id)) {
      throw new UnsupportedException(
          "MLS cipher suite 0x" + hex4(id) + " (supported: 0x0001..0x0007)");
    }
    return SuiteRegistry.rfc9420().get(id, random);
  }

  private static String hex4(int id) {
    String h = Integer.toHexString(id & 0xFFFF);
    return "0000".substring(h.length()) + h;
  }
}
