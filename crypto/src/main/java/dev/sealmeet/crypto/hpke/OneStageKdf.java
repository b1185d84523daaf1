package dev.sealmeet.crypto.hpke;

import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * The single-stage KDFs of draft-ietf-hpke-pq ("Single-Stage KDFs"): {@code Derive(ikm, L)} is the
 * XOF's first {@code L} output bytes. SHAKE128 (0x0010) and SHAKE256 (0x0011) over BouncyCastle;
 * TurboSHAKE (0x0012, 0x0013) is not offered, as BouncyCastle has no reduced-round Keccak.
 */
enum OneStageKdf {
  /** SHAKE128, {@code Nh} = 32. */
  SHAKE128(0x0010, 128, 32),
  /** SHAKE256, {@code Nh} = 64. */
  SHAKE256(0x0011, 256, 64);

  private final int id;
  private final int bits;
  private final int hashLength;

  OneStageKdf(int id, int bits, int hashLength) {
    this.id = id;
    this.bits = bits;
    this.hashLength = hashLength;
  }

  /** The KDF for {@code kdfId}, or {@code null}. */
  static OneStageKdf forId(int kdfId) {
    for (OneStageKdf kdf : values()) {
      if (kdf.id == kdfId) {
        return kdf;
      }
    }
    return null;
  }

  int id() {
    return id;
  }

  /** {@code Nh}. */
  int hashLength() {
    return hashLength;
  }

  /** Derive(ikm, L): the first {@code length} bytes of the XOF over {@code ikm}. */
  byte[] derive(byte[] ikm, int length) {
    SHAKEDigest xof = new SHAKEDigest(bits);
    xof.update(ikm, 0, ikm.length);
    byte[] out = new byte[length];
    xof.doFinal(out, 0, length);
    return out;
  }
}
