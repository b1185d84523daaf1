package dev.sealmeet.sframe;

import dev.sealmeet.crypto.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SFrame key derivation (RFC 9605 §4.4.2) and the AES-CTR + HMAC subkey split (RFC 9605 §4.5.1).
 *
 * <pre>
 * base_key ──HKDF-Extract("", ·)──► sframe_secret ──HKDF-Expand(·, "SFrame 1.0 Secret key "  ‖ KID ‖ suite, Nk)──► sframe_key
 *                                                 └─HKDF-Expand(·, "SFrame 1.0 Secret salt " ‖ KID ‖ suite, Nn)──► sframe_salt
 * </pre>
 *
 * KID is 8 bytes and the suite id 2 bytes, both big-endian. Senders and receivers call this once per
 * installed key, never per frame. Stateless and thread-safe.
 */
public final class SframeKeySchedule {
  private static final byte[] KEY_LABEL = "SFrame 1.0 Secret key ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SALT_LABEL = "SFrame 1.0 Secret salt ".getBytes(StandardCharsets.US_ASCII);

  private SframeKeySchedule() {}

  /** {@code sframe_key_label}: {@code "SFrame 1.0 Secret key " ‖ KID ‖ cipher_suite}. */
  public static byte[] keyLabel(SframeSuite suite, long kid) {
    return label(KEY_LABEL, suite, kid);
  }

  /** {@code sframe_salt_label}: {@code "SFrame 1.0 Secret salt " ‖ KID ‖ cipher_suite}. */
  public static byte[] saltLabel(SframeSuite suite, long kid) {
    return label(SALT_LABEL, suite, kid);
  }

  private static byte[] label(byte[] prefix, SframeSuite suite, long kid) {
    byte[] label = Arrays.copyOf(prefix, prefix.length + 10);
    for (int i = 0; i < 8; i++) {
      label[prefix.length + i] = (byte) (kid >>> (56 - 8 * i));
    }
    label[prefix.length + 8] = (byte) (suite.id() >>> 8);
    label[prefix.length + 9] = (byte) suite.id();
    return label;
  }

  /** {@code sframe_secret = HKDF-Extract("", base_key)} with the suite's hash. */
  public static Secret secret(SframeSuite suite, Secret baseKey) {
    byte[] ikm = baseKey.copyBytes();
    try {
      return Secret.wrap(suite.hkdf().extract(new byte[0], ikm));
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }

  /**
   * {@code derive_key_salt(KID, base_key)} of RFC 9605 §4.4.2.
   *
   * @param suite the cipher suite (its id is part of the labels, its hash drives HKDF)
   * @param kid the key id, unsigned
   * @param baseKey the base key; any length, the RFC expects {@code Nk} bytes
   */
  public static SframeKeyMaterial derive(SframeSuite suite, long kid, Secret baseKey) {
    Secret secret = secret(suite, baseKey);
    byte[] prk = secret.copyBytes();
    try {
      byte[] key = suite.hkdf().expand(prk, keyLabel(suite, kid), suite.keyLength());
      byte[] salt = suite.hkdf().expand(prk, saltLabel(suite, kid), suite.nonceLength());
      return new SframeKeyMaterial(Secret.wrap(key), Secret.wrap(salt));
    } finally {
      Arrays.fill(prk, (byte) 0);
      secret.destroy();
    }
  }

  /** {@code enc_key}: the first {@code Nka} bytes of an AES-CTR + HMAC {@code sframe_key}. */
  public static Secret encryptionSubkey(SframeSuite suite, Secret key) {
    return subkey(suite, key, 0, suite.aesKeyLength());
  }

  /** {@code auth_key}: the last {@code Nh} bytes of an AES-CTR + HMAC {@code sframe_key}. */
  public static Secret authenticationSubkey(SframeSuite suite, Secret key) {
    return subkey(suite, key, suite.aesKeyLength(), suite.keyLength());
  }

  private static Secret subkey(SframeSuite suite, Secret key, int from, int to) {
    if (!suite.isCtrHmac()) {
      throw new IllegalArgumentException(suite + " is not an AES-CTR + HMAC suite");
    }
    checkKeyLength(suite, key.length());
    byte[] all = key.copyBytes();
    try {
      return Secret.wrap(Arrays.copyOfRange(all, from, to));
    } finally {
      Arrays.fill(all, (byte) 0);
    }
  }

  /**
   * The frame nonce of RFC 9605 §4.4.3: {@code sframe_salt} XOR the CTR encoded big-endian in
   * {@code Nn} bytes. The result reveals the salt; treat it as secret. Package-private: only
   * senders and receivers choose nonces.
   */
  static byte[] nonce(Secret salt, long ctr) {
    byte[] s = salt.copyBytes();
    try {
      if (s.length != SframeSuite.NONCE_LENGTH) {
        throw new IllegalArgumentException("salt must be " + SframeSuite.NONCE_LENGTH + " bytes");
      }
      byte[] out = new byte[SframeSuite.NONCE_LENGTH];
      xorCounter(s, ctr, out);
      return out;
    } finally {
      Arrays.fill(s, (byte) 0);
    }
  }

  /** {@code out = salt XOR (0^32 ‖ ctr)} for 12-byte {@code salt} and {@code out}; allocates nothing. */
  static void xorCounter(byte[] salt, long ctr, byte[] out) {
    System.arraycopy(salt, 0, out, 0, 4);
    for (int i = 0; i < 8; i++) {
      out[4 + i] = (byte) (salt[4 + i] ^ (ctr >>> (56 - 8 * i)));
    }
  }

  static void checkKeyLength(SframeSuite suite, int length) {
    if (length != suite.keyLength()) {
      throw new IllegalArgumentException(
          suite + " needs a " + suite.keyLength() + "-byte key, got " + length);
    }
  }
}
