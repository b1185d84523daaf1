package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.Hkdf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * LabeledExtract and LabeledExpand (RFC 9180 §4) bound to one KDF and one {@code suite_id}: {@code
 * "KEM" || kem_id} inside a DHKEM, {@code "HPKE" || kem_id || kdf_id || aead_id} in the key schedule.
 */
final class LabeledKdf {
  private static final byte[] VERSION = "HPKE-v1".getBytes(StandardCharsets.US_ASCII);

  private final Hkdf kdf;
  private final byte[] suiteId;

  private LabeledKdf(Hkdf kdf, byte[] suiteId) {
    this.kdf = kdf;
    this.suiteId = suiteId;
  }

  /** The KDF of a DHKEM: suite_id = "KEM" || I2OSP(kem_id, 2). */
  static LabeledKdf forKem(Hkdf kdf, int kemId) {
    return new LabeledKdf(kdf, concat(ascii("KEM"), i2osp2(kemId)));
  }

  /** The KDF of the key schedule: suite_id = "HPKE" || kem_id || kdf_id || aead_id. */
  static LabeledKdf forSuite(Hkdf kdf, int kemId, int kdfId, int aeadId) {
    return new LabeledKdf(
        kdf, concat(ascii("HPKE"), i2osp2(kemId), i2osp2(kdfId), i2osp2(aeadId)));
  }

  Hkdf kdf() {
    return kdf;
  }

  int hashLength() {
    return kdf.hashLength();
  }

  /** LabeledExtract(salt, label, ikm). */
  byte[] extract(byte[] salt, String label, byte[] ikm) {
    return kdf.extract(salt, concat(VERSION, suiteId, ascii(label), ikm));
  }

  /**
   * LabeledExpand(prk, label, info, L).
   *
   * @throws IllegalArgumentException if {@code length} exceeds {@code 255 * Nh}
   */
  byte[] expand(byte[] prk, String label, byte[] info, int length) {
    if (length < 0 || length > 0xFFFF) {
      throw new IllegalArgumentException("LabeledExpand length " + length + " outside 0..65535");
    }
    return kdf.expand(prk, concat(i2osp2(length), VERSION, suiteId, ascii(label), info), length);
  }

  static byte[] i2osp2(int value) {
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length); // writeBytes(byte[]) is Java 11, not on Android 26
    }
    return out.toByteArray();
  }
}
