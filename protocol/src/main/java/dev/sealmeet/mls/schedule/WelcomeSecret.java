package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;

/**
 * {@code welcome_secret} = DeriveSecret(Extract(joiner_secret, psk_secret), "welcome") (RFC 9420 §8),
 * and the key and nonce that encrypt a Welcome's GroupInfo (§12.4.3.1).
 */
public final class WelcomeSecret {
  private final MlsSuite suite;
  private final Secret secret;

  WelcomeSecret(MlsSuite suite, Secret secret) {
    this.suite = suite;
    this.secret = secret;
  }

  /** welcome_key = ExpandWithLabel(welcome_secret, "key", "", AEAD.Nk) (RFC 9420 §12.4.3.1). */
  public Secret welcomeKey() {
    return suite.expandWithLabel(secret, "key", new byte[0], suite.primitives().aeadKeyLength());
  }

  /** welcome_nonce = ExpandWithLabel(welcome_secret, "nonce", "", AEAD.Nn) (§12.4.3.1). */
  public Secret welcomeNonce() {
    return suite.expandWithLabel(secret, "nonce", new byte[0], suite.primitives().aeadNonceLength());
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
    return "WelcomeSecret[" + secret + "]";
  }
}
