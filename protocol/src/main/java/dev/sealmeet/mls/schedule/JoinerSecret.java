package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.GroupContext;

/**
 * {@code joiner_secret} (RFC 9420 §8): what a Welcome gives a new member (in GroupSecrets), and the
 * source of the welcome and epoch secrets.
 *
 * <pre>
 * joiner_secret = ExpandWithLabel(Extract(init_secret, commit_secret), "joiner", GroupContext, Nh)
 * member        = Extract(joiner_secret, psk_secret)
 * welcome       = DeriveSecret(member, "welcome")
 * epoch_secret  = ExpandWithLabel(member, "epoch", GroupContext, Nh)
 * </pre>
 */
public final class JoinerSecret {
  private final MlsSuite suite;
  private final Secret secret;

  private JoinerSecret(MlsSuite suite, Secret secret) {
    this.suite = suite;
    this.secret = secret;
  }

  /**
   * Derives the joiner secret of a new epoch. The caller keeps ownership of both inputs and should
   * destroy them afterwards (they are consumed, RFC 9420 §9.2).
   *
   * @param init the previous epoch's init secret (or the new group's random one)
   * @param commitSecret the commit secret of the path, or {@code KDF.Nh} zero bytes without a path
   * @param groupContext the encoded GroupContext of the new epoch
   */
  public static JoinerSecret derive(
      MlsSuite suite, InitSecret init, Secret commitSecret, byte[] groupContext) {
    Secret extracted = Kdf.extract(suite, init.secret(), commitSecret);
    try {
      return new JoinerSecret(
          suite, suite.expandWithLabel(extracted, "joiner", groupContext, suite.hashLength()));
    } finally {
      extracted.destroy();
    }
  }

  /** {@link #derive(MlsSuite, InitSecret, Secret, byte[])} with the GroupContext record. */
  public static JoinerSecret derive(
      MlsSuite suite, InitSecret init, Secret commitSecret, GroupContext groupContext) {
    return derive(suite, init, commitSecret, groupContext.toBytes());
  }

  /** Wraps a joiner secret received in a Welcome's GroupSecrets; takes ownership. */
  public static JoinerSecret of(MlsSuite suite, Secret secret) {
    if (secret == null || secret.length() != suite.hashLength()) {
      throw new IllegalArgumentException("joiner secret must be KDF.Nh bytes");
    }
    return new JoinerSecret(suite, secret);
  }

  /** The welcome secret for this joiner secret and {@code psk} (RFC 9420 §8). */
  public WelcomeSecret welcomeSecret(PskSecret psk) {
    Secret member = Kdf.extract(suite, secret, psk.secret());
    try {
      return new WelcomeSecret(suite, suite.deriveSecret(member, "welcome"));
    } finally {
      member.destroy();
    }
  }

  /**
   * The epoch secret and every secret derived from it (RFC 9420 §8).
   *
   * @param groupContext the encoded GroupContext of the new epoch (same as for {@link #derive})
   */
  public EpochSecrets epochSecrets(PskSecret psk, byte[] groupContext) {
    Secret member = Kdf.extract(suite, secret, psk.secret());
    Secret epoch = suite.expandWithLabel(member, "epoch", groupContext, suite.hashLength());
    member.destroy();
    try {
      return EpochSecrets.fromEpochSecret(suite, epoch);
    } finally {
      epoch.destroy();
    }
  }

  /** {@link #epochSecrets(PskSecret, byte[])} with the GroupContext record. */
  public EpochSecrets epochSecrets(PskSecret psk, GroupContext groupContext) {
    return epochSecrets(psk, groupContext.toBytes());
  }

  /** A copy of the held secret (to place in GroupSecrets); the caller should destroy it. */
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
    return "JoinerSecret[" + secret + "]";
  }
}
