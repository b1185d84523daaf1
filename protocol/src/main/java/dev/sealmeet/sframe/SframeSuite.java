package dev.sealmeet.sframe;

import dev.sealmeet.crypto.Hkdf;
import dev.sealmeet.error.UnsupportedException;

/**
 * The SFrame cipher suites: the five of RFC 9605 §4.5 (IANA registry, RFC 9605 §8.1) and three
 * <b>provisional</b> AES-256-CTR suites.
 *
 * <p>Suites {@code 0x0006}–{@code 0x0008} are not in RFC 9605's IANA table. They come from the SFrame
 * working group's reference implementation after publication (test vectors in
 * {@code sframe/post-rfc} of the official vectors) and may change or be renumbered. They are opt-in:
 * {@link #fromId(int)} does not return them, and senders and receivers refuse them unless built with
 * options from {@link SframeOptions#withProvisionalSuites(boolean) withProvisionalSuites(true)}.
 *
 * <p>Sizes follow RFC 9605 §4.4: {@code Nk} is the AEAD key length, {@code Nn} the nonce length,
 * {@code Nt} the tag length, {@code Nh} the hash length, and for the AES-CTR + HMAC construction
 * (RFC 9605 §4.5.1) {@code Nka} the AES key length, with {@code Nk = Nka + Nh}.
 */
public enum SframeSuite {
  /** {@code 0x0001} AES_128_CTR_HMAC_SHA256_80 (RFC 9605 §4.5.1). */
  AES_128_CTR_HMAC_SHA256_80(0x0001, Hkdf.SHA256, 16, 10, false),
  /** {@code 0x0002} AES_128_CTR_HMAC_SHA256_64 (RFC 9605 §4.5.1). */
  AES_128_CTR_HMAC_SHA256_64(0x0002, Hkdf.SHA256, 16, 8, false),
  /** {@code 0x0003} AES_128_CTR_HMAC_SHA256_32 (RFC 9605 §4.5.1). */
  AES_128_CTR_HMAC_SHA256_32(0x0003, Hkdf.SHA256, 16, 4, false),
  /** {@code 0x0004} AES_128_GCM_SHA256_128 (RFC 9605 §4.5). */
  AES_128_GCM_SHA256_128(0x0004, Hkdf.SHA256, 16, 16, false),
  /** {@code 0x0005} AES_256_GCM_SHA512_128 (RFC 9605 §4.5). */
  AES_256_GCM_SHA512_128(0x0005, Hkdf.SHA512, 32, 16, false),
  /** {@code 0x0006} AES_256_CTR_HMAC_SHA512_80. <b>Provisional</b>: not in RFC 9605. */
  AES_256_CTR_HMAC_SHA512_80(0x0006, Hkdf.SHA512, 32, 10, true),
  /** {@code 0x0007} AES_256_CTR_HMAC_SHA512_64. <b>Provisional</b>: not in RFC 9605. */
  AES_256_CTR_HMAC_SHA512_64(0x0007, Hkdf.SHA512, 32, 8, true),
  /** {@code 0x0008} AES_256_CTR_HMAC_SHA512_32. <b>Provisional</b>: not in RFC 9605. */
  AES_256_CTR_HMAC_SHA512_32(0x0008, Hkdf.SHA512, 32, 4, true);

  /** The nonce length {@code Nn} of every suite, in bytes. */
  public static final int NONCE_LENGTH = 12;

  private static final SframeSuite[] VALUES = values();

  private final int id;
  private final Hkdf hkdf;
  private final int aesKeyLength;
  private final int tagLength;
  private final boolean provisional;

  SframeSuite(int id, Hkdf hkdf, int aesKeyLength, int tagLength, boolean provisional) {
    this.id = id;
    this.hkdf = hkdf;
    this.aesKeyLength = aesKeyLength;
    this.tagLength = tagLength;
    this.provisional = provisional;
  }

  /**
   * The RFC 9605 suite with this IANA id; never a provisional suite.
   *
   * @throws UnsupportedException if {@code id} is not one of {@code 0x0001}–{@code 0x0005}
   */
  public static SframeSuite fromId(int id) throws UnsupportedException {
    return fromId(id, false);
  }

  /**
   * The suite with this id, provisional suites included only if {@code allowProvisional}.
   *
   * @throws UnsupportedException if no such suite, or it is provisional and not allowed
   */
  public static SframeSuite fromId(int id, boolean allowProvisional) throws UnsupportedException {
    for (SframeSuite suite : VALUES) {
      if (suite.id == id) {
        if (suite.provisional && !allowProvisional) {
          throw new UnsupportedException("SFrame cipher suite 0x" + Integer.toHexString(id)
              + " is provisional (not in RFC 9605) and was not opted in");
        }
        return suite;
      }
    }
    throw new UnsupportedException("SFrame cipher suite 0x" + Integer.toHexString(id));
  }

  /** The two-byte identifier (RFC 9605 §8.1). */
  public int id() {
    return id;
  }

  /** Whether this suite is a post-RFC 9605 extension (ids 6–8) that may still change. */
  public boolean isProvisional() {
    return provisional;
  }

  /** Whether the AEAD is the AES-CTR + HMAC construction of RFC 9605 §4.5.1 (else AES-GCM). */
  public boolean isCtrHmac() {
    return tagLength != 16;
  }

  /** {@code AEAD.Nk}: the length of {@code sframe_key}. */
  public int keyLength() {
    return isCtrHmac() ? aesKeyLength + hkdf.hashLength() : aesKeyLength;
  }

  /** The AES key length: {@code Nka} for AES-CTR + HMAC suites, {@code Nk} for AES-GCM suites. */
  public int aesKeyLength() {
    return aesKeyLength;
  }

  /** {@code AEAD.Nn}: the nonce length, 12 for every suite. */
  public int nonceLength() {
    return NONCE_LENGTH;
  }

  /** {@code AEAD.Nt}: the tag length appended to every frame. */
  public int tagLength() {
    return tagLength;
  }

  /** {@code Hash.Nh}: the output length of the suite's hash. */
  public int hashLength() {
    return hkdf.hashLength();
  }

  /** The most bytes a frame adds to its plaintext: the longest header plus the tag. */
  public int maxOverhead() {
    return SframeHeader.MAX_LENGTH + tagLength;
  }

  /** The HKDF of the suite's hash (RFC 9605 §4.4.2). */
  Hkdf hkdf() {
    return hkdf;
  }
}
