package dev.sealmeet.crypto.hpke;

import java.util.Arrays;

/**
 * KeySchedule&lt;ROLE&gt; and VerifyPSKInputs of RFC 9180 §5.1, and its single-stage variant for the
 * SHAKE KDFs of draft-ietf-hpke-pq (CombineSecrets_OneStage, draft-ietf-hpke-hpke §5.1).
 */
final class KeySchedule {
  /** RFC 9180 §5.1.2: a PSK MUST carry at least 32 bytes of entropy; we can only check its length. */
  static final int MIN_PSK_LENGTH = 32;

  private KeySchedule() {}

  /**
   * Runs the key schedule. The caller keeps ownership of {@code sharedSecret}.
   *
   * @throws IllegalArgumentException if the PSK inputs do not fit the mode (VerifyPSKInputs)
   */
  static Output run(
      Hpke suite, HpkeMode mode, byte[] sharedSecret, byte[] info, byte[] psk, byte[] pskId) {
    verifyPskInputs(mode, psk, pskId);
    LabeledKdf kdf = suite.labeledKdf();
    if (kdf.isOneStage()) {
      return runOneStage(suite, kdf, mode, sharedSecret, info, psk, pskId);
    }
    byte[] empty = new byte[0];
    byte[] pskIdHash = kdf.extract(empty, "psk_id_hash", pskId);
    byte[] infoHash = kdf.extract(empty, "info_hash", info);
    byte[] context = LabeledKdf.concat(new byte[] {(byte) mode.id()}, pskIdHash, infoHash);
    byte[] secret = kdf.extract(sharedSecret, "secret", psk);
    try {
      byte[] key;
      byte[] baseNonce;
      if (suite.aead() == null) {
        key = empty;
        baseNonce = new byte[0];
      } else {
        key = kdf.expand(secret, "key", context, suite.aead().keyLength());
        baseNonce = kdf.expand(secret, "base_nonce", context, suite.aead().nonceLength());
      }
      byte[] exporterSecret = kdf.expand(secret, "exp", context, kdf.hashLength());
      return new Output(context, key, baseNonce, exporterSecret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * One call of LabeledDerive over {@code lengthPrefixed(psk) || lengthPrefixed(shared_secret)} with
   * context {@code mode || lengthPrefixed(psk_id) || lengthPrefixed(info)}, split into key, base
   * nonce and exporter secret ({@code Nk + Nn + Nh} bytes).
   */
  private static Output runOneStage(Hpke suite, LabeledKdf kdf, HpkeMode mode,
      byte[] sharedSecret, byte[] info, byte[] psk, byte[] pskId) {
    byte[] context = LabeledKdf.concat(new byte[] {(byte) mode.id()},
        LabeledKdf.lengthPrefixed(pskId), LabeledKdf.lengthPrefixed(info));
    int nk = suite.aead() == null ? 0 : suite.aead().keyLength();
    int nn = suite.aead() == null ? 0 : suite.aead().nonceLength();
    byte[] secrets = LabeledKdf.concat(
        LabeledKdf.lengthPrefixed(psk), LabeledKdf.lengthPrefixed(sharedSecret));
    byte[] secret = kdf.derive(secrets, "secret", context, nk + nn + kdf.hashLength());
    try {
      return new Output(context, Arrays.copyOfRange(secret, 0, nk),
          Arrays.copyOfRange(secret, nk, nk + nn),
          Arrays.copyOfRange(secret, nk + nn, secret.length));
    } finally {
      Arrays.fill(secrets, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  static void verifyPskInputs(HpkeMode mode, byte[] psk, byte[] pskId) {
    boolean gotPsk = psk.length != 0;
    boolean gotPskId = pskId.length != 0;
    if (gotPsk != gotPskId) {
      throw new IllegalArgumentException("inconsistent PSK inputs: psk and psk_id must both be set"
          + " or both be empty (RFC 9180 §5.1)");
    }
    if (gotPsk && !mode.usesPsk()) {
      throw new IllegalArgumentException("PSK given for HPKE mode " + mode + " (RFC 9180 §5.1)");
    }
    if (!gotPsk && mode.usesPsk()) {
      throw new IllegalArgumentException("HPKE mode " + mode + " requires a PSK (RFC 9180 §5.1)");
    }
    if (gotPsk && psk.length < MIN_PSK_LENGTH) {
      throw new IllegalArgumentException("HPKE PSK must have at least " + MIN_PSK_LENGTH
          + " bytes (RFC 9180 §5.1.2), got " + psk.length);
    }
  }

  /** The key schedule's outputs; arrays are owned by the context built from them. */
  static final class Output {
    final byte[] keyScheduleContext;
    final byte[] key;
    final byte[] baseNonce;
    final byte[] exporterSecret;

    Output(byte[] keyScheduleContext, byte[] key, byte[] baseNonce, byte[] exporterSecret) {
      this.keyScheduleContext = keyScheduleContext;
      this.key = key;
      this.baseNonce = baseNonce;
      this.exporterSecret = exporterSecret;
    }

    @Override
    public String toString() {
      return "KeySchedule.Output[key " + key.length + " bytes]";
    }
  }
}
