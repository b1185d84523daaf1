package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.Hkdf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The labelled KDF functions bound to one KDF and one {@code suite_id} ({@code "KEM" || kem_id}
 * inside a KEM, {@code "HPKE" || kem_id || kdf_id || aead_id} in the key schedule): LabeledExtract
 * and LabeledExpand (RFC 9180 §4) for a two-stage KDF (HKDF), LabeledDerive for a single-stage one
 * (the SHAKE KDFs of draft-ietf-hpke-pq, whose construction is that of draft-ietf-hpke-hpke §4).
 */
final class LabeledKdf {
  private static final byte[] VERSION = "HPKE-v1".getBytes(StandardCharsets.US_ASCII);

  /** The two-stage KDF, or {@code null}. */
  private final Hkdf kdf;
  /** The single-stage KDF, or {@code null}. */
  private final OneStageKdf xof;
  private final byte[] suiteId;

  private LabeledKdf(Hkdf kdf, OneStageKdf xof, byte[] suiteId) {
    this.kdf = kdf;
    this.xof = xof;
    this.suiteId = suiteId;
  }

  /** The KDF of a DHKEM: suite_id = "KEM" || I2OSP(kem_id, 2). */
  static LabeledKdf forKem(Hkdf kdf, int kemId) {
    return new LabeledKdf(kdf, null, kemSuiteId(kemId));
  }

  /** The single-stage KDF of a post-quantum KEM: suite_id = "KEM" || I2OSP(kem_id, 2). */
  static LabeledKdf forKem(OneStageKdf xof, int kemId) {
    return new LabeledKdf(null, xof, kemSuiteId(kemId));
  }

  /** The KDF of the key schedule: suite_id = "HPKE" || kem_id || kdf_id || aead_id. */
  static LabeledKdf forSuite(Hkdf kdf, int kemId, int kdfId, int aeadId) {
    return new LabeledKdf(kdf, null, hpkeSuiteId(kemId, kdfId, aeadId));
  }

  /** As {@link #forSuite(Hkdf, int, int, int)}, for a single-stage KDF. */
  static LabeledKdf forSuite(OneStageKdf xof, int kemId, int aeadId) {
    return new LabeledKdf(null, xof, hpkeSuiteId(kemId, xof.id(), aeadId));
  }

  private static byte[] kemSuiteId(int kemId) {
    return concat(ascii("KEM"), i2osp2(kemId));
  }

  private static byte[] hpkeSuiteId(int kemId, int kdfId, int aeadId) {
    return concat(ascii("HPKE"), i2osp2(kemId), i2osp2(kdfId), i2osp2(aeadId));
  }

  /** Whether this is a single-stage KDF (LabeledDerive) rather than HKDF. */
  boolean isOneStage() {
    return xof != null;
  }

  int hashLength() {
    return xof != null ? xof.hashLength() : kdf.hashLength();
  }

  /**
   * LabeledDerive(ikm, label, context, L) of a single-stage KDF: Derive over {@code ikm || "HPKE-v1"
   * || suite_id || I2OSP(len(label), 2) || label || I2OSP(L, 2) || context}.
   */
  byte[] derive(byte[] ikm, String label, byte[] context, int length) {
    if (xof == null) {
      throw new IllegalStateException("LabeledDerive needs a single-stage KDF");
    }
    checkLength(length);
    byte[] l = ascii(label);
    byte[] labeledIkm =
        concat(ikm, VERSION, suiteId, i2osp2(l.length), l, i2osp2(length), context);
    try {
      return xof.derive(labeledIkm, length);
    } finally {
      java.util.Arrays.fill(labeledIkm, (byte) 0);
    }
  }

  /**
   * The secret export (RFC 9180 §5.3): LabeledExpand(exporter_secret, "sec", exporter_context, L),
   * or LabeledDerive with the same arguments for a single-stage KDF.
   */
  byte[] export(byte[] exporterSecret, byte[] exporterContext, int length) {
    return isOneStage()
        ? derive(exporterSecret, "sec", exporterContext, length)
        : expand(exporterSecret, "sec", exporterContext, length);
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
    checkLength(length);
    return kdf.expand(prk, concat(i2osp2(length), VERSION, suiteId, ascii(label), info), length);
  }

  private static void checkLength(int length) {
    if (length < 0 || length > 0xFFFF) {
      throw new IllegalArgumentException("labelled KDF length " + length + " outside 0..65535");
    }
  }

  /** {@code I2OSP(len(value), 2) || value} (draft-ietf-hpke-hpke §4, lengthPrefixed). */
  static byte[] lengthPrefixed(byte[] value) {
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("length-prefixed input of " + value.length + " bytes");
    }
    return concat(i2osp2(value.length), value);
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
