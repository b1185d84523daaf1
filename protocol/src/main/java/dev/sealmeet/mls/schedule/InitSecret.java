package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.security.SecureRandom;

/**
 * {@code init_secret}: the key-schedule input an epoch hands to the next one (RFC 9420 §8), or the
 * value a group starts from, or the result of an external init (§8.3).
 */
public final class InitSecret {
  private final Secret secret;

  InitSecret(Secret secret) {
    this.secret = secret;
  }

  /**
   * Wraps an init secret obtained elsewhere (e.g. a test vector's {@code initial_init_secret}).
   * Takes ownership of {@code secret}.
   */
  public static InitSecret of(Secret secret) {
    if (secret == null) {
      throw new IllegalArgumentException("init secret must not be null");
    }
    return new InitSecret(secret);
  }

  /** A fresh random init secret of {@code KDF.Nh} bytes for a new group (RFC 9420 §11). */
  public static InitSecret random(MlsSuite suite, SecureRandom random) {
    byte[] bytes = new byte[suite.hashLength()];
    random.nextBytes(bytes);
    return new InitSecret(Secret.wrap(bytes));
  }

  Secret secret() {
    return secret;
  }

  /** A copy of the held secret; the caller owns it and should destroy it. */
  public Secret copySecret() {
    return secret.copy();
  }

  /** Wipes the secret (RFC 9420 §9.2: consumed values are deleted). */
  public void destroy() {
    secret.destroy();
  }

  /** Type and length only. */
  @Override
  public String toString() {
    return "InitSecret[" + secret + "]";
  }
}
