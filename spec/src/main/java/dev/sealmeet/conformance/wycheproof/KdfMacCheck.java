package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.crypto.Hkdf;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HKDF ({@code hkdf_test_schema_v1}) and HMAC ({@code mac_test_schema_v1}) through the {@link Hkdf}
 * enum.
 *
 * <p>HKDF: {@code expand(extract(salt, ikm), info, size)} must equal {@code okm}; the {@link
 * IllegalArgumentException} {@link Hkdf#expand} documents for {@code size > 255 * Nh} is the rejection
 * the {@code SizeTooLarge} cases require. HMAC: the first {@code tagSize / 8} bytes of {@code
 * mac(key, msg)} must equal {@code tag} (constant-time compare); a mismatch is a rejection.
 */
final class KdfMacCheck implements Check {
  private final Hkdf hkdf;
  private final boolean mac;

  private KdfMacCheck(Hkdf hkdf, boolean mac) {
    this.hkdf = hkdf;
    this.mac = mac;
  }

  static KdfMacCheck hkdf(Hkdf hkdf) {
    return new KdfMacCheck(hkdf, false);
  }

  static KdfMacCheck hmac(Hkdf hkdf) {
    return new KdfMacCheck(hkdf, true);
  }

  @Override
  public String groupLabel(WycheproofTest t) {
    String label = hkdf.macAlgorithm() + ", keySize " + t.group().integer("keySize");
    return mac ? label + ", tagSize " + t.group().integer("tagSize") : label;
  }

  @Override
  public String skipReason(WycheproofTest t) {
    return null;
  }

  @Override
  public boolean expectAccept(WycheproofTest t) {
    return t.result() == WycheproofTest.Result.VALID;
  }

  @Override
  public Verdict run(WycheproofTest t) {
    return mac ? runMac(t) : runHkdf(t);
  }

  private Verdict runHkdf(WycheproofTest t) {
    byte[] okm;
    try {
      byte[] prk = hkdf.extract(t.test().hex("salt"), t.test().hex("ikm"));
      okm = hkdf.expand(prk, t.test().hex("info"), t.test().integer("size"));
    } catch (IllegalArgumentException e) {
      return Verdict.rejected(e);
    }
    return Verdict.acceptedComparing(Arrays.equals(okm, t.test().hex("okm")), "okm");
  }

  private Verdict runMac(WycheproofTest t) {
    int tagBytes = t.group().integer("tagSize") / 8;
    byte[] expected = t.test().hex("tag");
    byte[] full = hkdf.mac(t.test().hex("key"), t.test().hex("msg"));
    if (tagBytes > full.length || expected.length != tagBytes) {
      return Verdict.rejected("tag length " + expected.length + " bytes, expected " + tagBytes);
    }
    boolean ok = MessageDigest.isEqual(Arrays.copyOf(full, tagBytes), expected);
    return ok ? Verdict.acceptedMatching() : Verdict.rejected("tag does not match");
  }
}
