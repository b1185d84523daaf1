package dev.sealmeet.crypto;

/**
 * Factory of the AEADs of RFC 9180 §7.3, implemented over the JDK's JCE (AES-GCM and
 * ChaCha20-Poly1305 use the platform's intrinsics where the JVM has them).
 *
 * <p>The returned instances are stateless, thread-safe singletons.
 */
public final class Aeads {
  private static final Aead AES_128_GCM = JceAead.aesGcm(0x0001, 16);
  private static final Aead AES_256_GCM = JceAead.aesGcm(0x0002, 32);
  private static final Aead CHACHA20_POLY1305 = JceAead.chacha20Poly1305();

  private Aeads() {}

  /** AES-128-GCM (HPKE AEAD id 0x0001): Nk 16, Nn 12, Nt 16. */
  public static Aead aes128Gcm() {
    return AES_128_GCM;
  }

  /** AES-256-GCM (HPKE AEAD id 0x0002): Nk 32, Nn 12, Nt 16. */
  public static Aead aes256Gcm() {
    return AES_256_GCM;
  }

  /** ChaCha20-Poly1305 (RFC 8439; HPKE AEAD id 0x0003): Nk 32, Nn 12, Nt 16. */
  public static Aead chacha20Poly1305() {
    return CHACHA20_POLY1305;
  }
}
