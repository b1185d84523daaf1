package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;

/**
 * <b>Not API.</b> The HPKE key-schedule values that RFC 9180's known-answer vectors check, for the
 * conformance runner only: a chosen ephemeral key, the intermediate {@code secret}, the AEAD key,
 * nonces and exporter secret of a context. An application never needs any of them, and a fixed
 * ephemeral key used twice breaks confidentiality. May change without notice.
 */
public final class HpkeKnownAnswers {
  private HpkeKnownAnswers() {}

  /** {@code SetupS} with the given ephemeral key pair (RFC 9180 §5.1). */
  public static HpkeSenderContext setupSenderWithEphemeral(Hpke hpke, HpkeMode mode, byte[] pkR,
      byte[] info, byte[] psk, byte[] pskId, byte[] skS, RawKeyPair ephemeral)
      throws BadKeyException {
    return hpke.setupSenderWithEphemeral(mode, pkR, info, psk, pskId, skS, ephemeral);
  }

  /** {@code secret = LabeledExtract(shared_secret, "secret", psk)} (RFC 9180 §5.1). */
  public static Secret keyScheduleSecret(Hpke hpke, byte[] sharedSecret, byte[] psk) {
    return hpke.keyScheduleSecret(sharedSecret, psk);
  }

  /** A copy of the context's AEAD key. */
  public static Secret aeadKey(HpkeContext context) {
    return context.aeadKey();
  }

  /** A copy of the context's base nonce. */
  public static Secret baseNonce(HpkeContext context) {
    return context.baseNonce();
  }

  /** A copy of the context's exporter secret. */
  public static Secret exporterSecret(HpkeContext context) {
    return context.exporterSecret();
  }

  /** The nonce the context's next Seal or Open uses. */
  public static Secret nextNonce(HpkeContext context) {
    return context.nextNonce();
  }
}
