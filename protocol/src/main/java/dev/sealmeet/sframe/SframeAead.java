package dev.sealmeet.sframe;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Internal: a suite's AEAD on its own, with no SFrame header (AES-GCM, or the AES-CTR + HMAC
 * construction of RFC 9605 §4.5.1), for known-answer checks only. Frames go through {@link
 * SframeSender} and {@link SframeReceiver}, which derive every nonce themselves.
 *
 * <p>No ciphertext made under a caller-chosen nonce ever leaves this class: {@link #encryptsTo} only
 * answers whether encryption gives the expected bytes, so a repeated nonce cannot be exploited
 * through it. Decryption under a chosen nonce is harmless and public. Not thread-safe.
 */
public final class SframeAead {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final SframeSuite suite;
  private final FrameAead aead;

  private SframeAead(SframeSuite suite, FrameAead aead) {
    this.suite = suite;
    this.aead = aead;
  }

  /**
   * An AEAD for {@code suite} keyed with {@code key} ({@code Nk} bytes: for AES-CTR + HMAC suites
   * {@code enc_key ‖ auth_key}).
   *
   * @throws IllegalArgumentException if the key length is not {@code Nk}
   */
  public static SframeAead create(SframeSuite suite, Secret key) {
    return create(suite, key, SframeOptions.defaults().withProvisionalSuites(true));
  }

  /**
   * An AEAD for {@code suite} keyed with {@code key}, over the JCE provider of {@code options} (see
   * {@link SframeOptions}); the options' replay window and suite opt-in do not apply here.
   *
   * @throws IllegalArgumentException if the key length is not {@code Nk}
   */
  public static SframeAead create(SframeSuite suite, Secret key, SframeOptions options) {
    byte[] bytes = key.copyBytes();
    try {
      return new SframeAead(suite, FrameAead.create(suite, bytes, FrameCrypto.of(options)));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Whether {@code AEAD.Encrypt(key, nonce, aad, pt)} equals {@code expected} (ciphertext followed by
   * the {@code Nt}-byte tag); compared in constant time after a public length check. The computed
   * ciphertext is wiped, never returned.
   *
   * @throws IllegalStateException for the GCM suites, if the previous call used the same nonce
   */
  public boolean encryptsTo(byte[] nonce, byte[] aad, byte[] plaintext, byte[] expected) {
    byte[] actual = encrypt(nonce, aad, plaintext);
    try {
      return actual.length == expected.length && MessageDigest.isEqual(actual, expected);
    } finally {
      Arrays.fill(actual, (byte) 0);
    }
  }

  /** {@code AEAD.Encrypt(key, nonce, aad, pt)}: ciphertext followed by the {@code Nt}-byte tag. */
  byte[] encrypt(byte[] nonce, byte[] aad, byte[] plaintext) {
    checkNonce(nonce);
    byte[] out = new byte[plaintext.length + suite.tagLength()];
    aead.seal(nonce.clone(), aad, aad.length, EMPTY, ByteBuffer.wrap(plaintext), ByteBuffer.wrap(out));
    return out;
  }

  /**
   * {@code AEAD.Decrypt(key, nonce, aad, ct)}.
   *
   * @throws DecodeException if {@code ciphertext} is shorter than the tag
   * @throws AuthenticationException if the tag does not verify
   */
  public byte[] decrypt(byte[] nonce, byte[] aad, byte[] ciphertext)
      throws DecodeException, AuthenticationException {
    checkNonce(nonce);
    if (ciphertext.length < suite.tagLength()) {
      throw new DecodeException("ciphertext of " + ciphertext.length + " bytes is shorter than the "
          + suite.tagLength() + "-byte tag");
    }
    byte[] out = new byte[ciphertext.length - suite.tagLength()];
    aead.open(nonce.clone(), aad, aad.length, EMPTY, ByteBuffer.wrap(ciphertext), ByteBuffer.wrap(out));
    return out;
  }

  private static void checkNonce(byte[] nonce) {
    if (nonce.length != SframeSuite.NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "nonce must be " + SframeSuite.NONCE_LENGTH + " bytes, got " + nonce.length);
    }
  }

  /** The suite only. */
  @Override
  public String toString() {
    return "SframeAead[" + suite + "]";
  }
}
