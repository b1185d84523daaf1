package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.util.Arrays;

/**
 * The key and nonce that protect a PrivateMessage's SenderData (RFC 9420 §6.3.2), derived from {@code
 * sender_data_secret} and the first {@code KDF.Nh} bytes of the content ciphertext (all of it if
 * shorter).
 */
public final class SenderDataKey extends AeadKeyNonce {
  private SenderDataKey(MlsSuite suite, Secret key, Secret nonce) {
    super(suite, key, nonce);
  }

  /**
   * sender_data_key = ExpandWithLabel(sender_data_secret, "key", sample, AEAD.Nk) and
   * sender_data_nonce = ExpandWithLabel(sender_data_secret, "nonce", sample, AEAD.Nn).
   */
  public static SenderDataKey derive(MlsSuite suite, Secret senderDataSecret, byte[] ciphertext) {
    byte[] sample = Arrays.copyOf(ciphertext, Math.min(ciphertext.length, suite.hashLength()));
    Secret key = suite.expandWithLabel(
        senderDataSecret, "key", sample, suite.primitives().aeadKeyLength());
    Secret nonce = suite.expandWithLabel(
        senderDataSecret, "nonce", sample, suite.primitives().aeadNonceLength());
    return new SenderDataKey(suite, key, nonce);
  }

  /** AEAD-encrypts an encoded SenderData under SenderDataAAD. */
  public byte[] seal(byte[] senderDataAad, byte[] senderData) {
    return sealWith(null, senderDataAad, senderData);
  }

  /**
   * AEAD-decrypts {@code encrypted_sender_data}.
   *
   * @throws AuthenticationException if the tag does not verify
   */
  public byte[] open(byte[] senderDataAad, byte[] encryptedSenderData)
      throws AuthenticationException {
    return openWith(null, senderDataAad, encryptedSenderData);
  }

  /** Type only. */
  @Override
  public String toString() {
    return isDestroyed() ? "SenderDataKey[destroyed]" : "SenderDataKey[]";
  }
}
