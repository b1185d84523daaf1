package dev.sealmeet.mls.framing;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.WelcomeSecret;
import java.util.Arrays;

/**
 * The AEAD of a Welcome's {@code encrypted_group_info}, under {@code welcome_key} and {@code
 * welcome_nonce} from {@code welcome_secret} (RFC 9420 §12.4.3.1), with empty associated data.
 */
final class GroupInfoCipher {
  private static final byte[] NO_AAD = new byte[0];

  private GroupInfoCipher() {}

  static byte[] seal(MlsSuite suite, JoinerSecret joiner, PskSecret psk, byte[] groupInfo) {
    byte[][] keyNonce = keyAndNonce(joiner, psk);
    try {
      return suite.primitives().aeadSeal(keyNonce[0], keyNonce[1], NO_AAD, groupInfo);
    } finally {
      wipe(keyNonce);
    }
  }

  /**
   * @throws AuthenticationException if the tag does not verify
   */
  static byte[] open(MlsSuite suite, JoinerSecret joiner, PskSecret psk, byte[] encrypted)
      throws AuthenticationException {
    byte[][] keyNonce = keyAndNonce(joiner, psk);
    try {
      return suite.primitives().aeadOpen(keyNonce[0], keyNonce[1], NO_AAD, encrypted);
    } catch (AuthenticationException e) {
      throw new AuthenticationException(
          "encrypted_group_info does not decrypt with the welcome key (RFC 9420 §12.4.3.1)");
    } finally {
      wipe(keyNonce);
    }
  }

  private static byte[][] keyAndNonce(JoinerSecret joiner, PskSecret psk) {
    WelcomeSecret welcomeSecret = joiner.welcomeSecret(psk);
    Secret key = welcomeSecret.welcomeKey();
    Secret nonce = welcomeSecret.welcomeNonce();
    welcomeSecret.destroy();
    try {
      return new byte[][] {key.copyBytes(), nonce.copyBytes()};
    } finally {
      key.destroy();
      nonce.destroy();
    }
  }

  private static void wipe(byte[][] keyNonce) {
    for (byte[] b : keyNonce) {
      Arrays.fill(b, (byte) 0);
    }
  }
}
