package dev.sealmeet.mls.schedule;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.util.List;

/**
 * {@code psk_secret}: the chain of pre-shared keys of one commit (RFC 9420 §8.4), or the all-zero
 * vector when there are none.
 *
 * <pre>
 * psk_extracted_i = Extract(0, psk_i)
 * psk_input_i     = ExpandWithLabel(psk_extracted_i, "derived psk", PSKLabel_i, Nh)
 * psk_secret_i+1  = Extract(salt = psk_input_i, ikm = psk_secret_i),  psk_secret_0 = 0
 * </pre>
 *
 * <p>The argument order is that of the §8.4 pseudocode, KDF.Extract(psk_input, psk_secret); the
 * official psk_secret.json vectors confirm it (the figure of §8.4 reads the other way).
 */
public final class PskSecret {
  /** Largest number of PSKs one commit may inject: the {@code uint16 count} of PSKLabel. */
  public static final int MAX_PSKS = 0xffff;

  private final Secret secret;

  private PskSecret(Secret secret) {
    this.secret = secret;
  }

  /** The all-zero {@code psk_secret} of a commit without PSKs. */
  public static PskSecret none(MlsSuite suite) {
    return new PskSecret(Kdf.zero(suite));
  }

  /** Wraps a precomputed {@code psk_secret} (e.g. from a test vector); takes ownership. */
  public static PskSecret of(Secret secret) {
    if (secret == null) {
      throw new IllegalArgumentException("psk secret must not be null");
    }
    return new PskSecret(secret);
  }

  /**
   * Chains {@code psks} in the given order (the order of the Commit or GroupSecrets, RFC 9420 §8.4).
   * The caller keeps ownership of the PSK holders.
   *
   * @throws IllegalArgumentException if there are more than {@link #MAX_PSKS} PSKs (receivers reject
   *     such a wire list first, as {@code WelcomeReceiver.pskSecret} does)
   */
  public static PskSecret compute(MlsSuite suite, List<PskInput> psks) {
    if (psks.size() > MAX_PSKS) {
      throw new IllegalArgumentException("too many PSKs for a uint16 count: " + psks.size());
    }
    Secret zero = Kdf.zero(suite);
    Secret chain = Kdf.zero(suite);
    for (int i = 0; i < psks.size(); i++) {
      PskInput psk = psks.get(i);
      Secret extracted = Kdf.extract(suite, zero, psk.psk());
      TlsWriter labelWriter = new TlsWriter();
      psk.id().encode(labelWriter);
      byte[] pskLabel = labelWriter
          .writeUint16(i)
          .writeUint16(psks.size())
          .toByteArray();
      Secret input = suite.expandWithLabel(extracted, "derived psk", pskLabel, suite.hashLength());
      Secret next = Kdf.extract(suite, input, chain);
      extracted.destroy();
      input.destroy();
      chain.destroy();
      chain = next;
    }
    zero.destroy();
    return new PskSecret(chain);
  }

  Secret secret() {
    return secret;
  }

  /** A copy of the held secret; the caller owns it and should destroy it. */
  public Secret copySecret() {
    return secret.copy();
  }

  /** Wipes the secret. */
  public void destroy() {
    secret.destroy();
  }

  /** Type and length only. */
  @Override
  public String toString() {
    return "PskSecret[" + secret + "]";
  }
}
