package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.crypto.Aead;
import dev.sealmeet.crypto.Aeads;
import dev.sealmeet.error.AuthenticationException;
import java.util.Arrays;

/**
 * AES-GCM and ChaCha20-Poly1305 ({@code aead_test_schema_v1}) through {@link Aeads}. A test is opened
 * ({@code open(key, iv, aad, ct || tag)} must return {@code msg}) and, when that succeeds, sealed
 * ({@code seal(key, iv, aad, msg)} must return {@code ct || tag}). {@link AuthenticationException}
 * and the {@link IllegalArgumentException} our API documents for a wrong key or nonce length both
 * count as rejection.
 *
 * <p>Our API offers AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305 with 96-bit nonces and 128-bit tags
 * only (RFC 9180 §7.3). AES-192 groups are skipped (no such AEAD to call). Other nonce or tag sizes:
 * {@code valid} tests are skipped; {@code invalid} ones are run, and our API's refusal of the size
 * counts as the rejection they require.
 */
final class AeadCheck implements Check {
  private static final int NONCE_BITS = 96;
  private static final int TAG_BITS = 128;

  private final boolean aesGcm;

  private AeadCheck(boolean aesGcm) {
    this.aesGcm = aesGcm;
  }

  static AeadCheck aesGcm() {
    return new AeadCheck(true);
  }

  static AeadCheck chacha20Poly1305() {
    return new AeadCheck(false);
  }

  @Override
  public String groupLabel(WycheproofTest t) {
    return "keySize " + t.group().integer("keySize") + ", ivSize " + t.group().integer("ivSize")
        + ", tagSize " + t.group().integer("tagSize");
  }

  @Override
  public String skipReason(WycheproofTest t) {
    if (aead(t) == null) {
      return (aesGcm ? "AES-" + t.group().integer("keySize") + "-GCM" : "this key size")
          + " is not offered by our API (AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305 only)";
    }
    boolean supported = t.group().integer("ivSize") == NONCE_BITS
        && t.group().integer("tagSize") == TAG_BITS;
    if (!supported && expectAccept(t)) {
      return "ivSize " + t.group().integer("ivSize") + " / tagSize " + t.group().integer("tagSize")
          + " bits not offered by our API (96-bit nonces, 128-bit tags only)";
    }
    return null;
  }

  @Override
  public boolean expectAccept(WycheproofTest t) {
    return t.result() == WycheproofTest.Result.VALID;
  }

  @Override
  public Verdict run(WycheproofTest t) {
    Aead aead = aead(t);
    byte[] key = t.test().hex("key");
    byte[] iv = t.test().hex("iv");
    byte[] aad = t.test().hex("aad");
    byte[] msg = t.test().hex("msg");
    byte[] ct = t.test().hex("ct");
    byte[] tag = t.test().hex("tag");
    byte[] sealed = Arrays.copyOf(ct, ct.length + tag.length);
    System.arraycopy(tag, 0, sealed, ct.length, tag.length);
    byte[] opened;
    try {
      opened = aead.open(key, iv, aad, sealed);
    } catch (AuthenticationException | IllegalArgumentException e) {
      return Verdict.rejected(e);
    }
    if (!Arrays.equals(opened, msg)) {
      return Verdict.acceptedMismatch("msg (from open)");
    }
    // Wycheproof repeats key and nonce across cases: a known-answer check, not seal (see Aead).
    return Verdict.acceptedComparing(
        aead.sealsTo(key, iv, aad, msg, sealed), "ct || tag (from seal)");
  }

  private Aead aead(WycheproofTest t) {
    int keySize = t.group().integer("keySize");
    if (!aesGcm) {
      return keySize == 256 ? Aeads.chacha20Poly1305() : null;
    }
    switch (keySize) {
      case 128:
        return Aeads.aes128Gcm();
      case 256:
        return Aeads.aes256Gcm();
      default:
        return null;
    }
  }
}
