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

  /**
   * {@code SetupBaseS}/{@code SetupPSKS} with the vector's {@code ikmE}: the DHKEM ephemeral key is
   * DeriveKeyPair(ikmE); the KEMs of draft-ietf-hpke-pq draw exactly {@code ikmE} as randomness.
   *
   * @throws BadKeyException if {@code pkR} or {@code skS} is invalid
   * @throws IllegalArgumentException if {@code ikmE} has the wrong length for the KEM
   */
  public static HpkeSenderContext setupSenderDerandomized(Hpke hpke, HpkeMode mode, byte[] pkR,
      byte[] info, byte[] psk, byte[] pskId, byte[] skS, byte[] ikmE) throws BadKeyException {
    return hpke.setupSenderDerandomized(mode, pkR, info, psk, pskId, skS, ikmE);
  }

  /**
   * Encap(pkR) of a KEM of draft-ietf-hpke-pq drawing exactly {@code randomness} (X-Wing's
   * EncapsulateDerand with {@code eseed}).
   *
   * @throws BadKeyException if {@code pkR} is invalid
   * @throws IllegalArgumentException if {@code randomness} has the wrong length for the KEM
   * @throws IllegalStateException for a DHKEM
   */
  public static KemOutput encapsulateDerandomized(Hpke hpke, byte[] pkR, byte[] randomness)
      throws BadKeyException {
    HpkeKem.Encapsulation e = hpke.encapsulateDerandomized(pkR, randomness);
    try {
      return new KemOutput(e.enc, Secret.copyOf(e.sharedSecret));
    } finally {
      java.util.Arrays.fill(e.sharedSecret, (byte) 0);
    }
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

  /** A KEM's {@code enc} and shared secret. */
  public static final class KemOutput {
    private final byte[] enc;
    private final Secret sharedSecret;

    KemOutput(byte[] enc, Secret sharedSecret) {
      this.enc = enc.clone();
      this.sharedSecret = sharedSecret;
    }

    /** A copy of {@code enc}. */
    public byte[] enc() {
      return enc.clone();
    }

    /** The shared secret. */
    public Secret sharedSecret() {
      return sharedSecret;
    }

    @Override
    public String toString() {
      return "KemOutput[enc " + enc.length + " bytes]";
    }
  }
}
