package dev.sealmeet.mls.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.mls.crypto.MlsSuite;
import org.junit.jupiter.api.Test;

class MessageKeyTest {
  private final MlsSuite suite = Suites.suite1();
  private final byte[] guard = {1, 2, 3, 4};
  private final byte[] aad = {9};

  private MessageKey key() {
    return new SecretTree(suite, Suites.secret(3, 32), 1)
        .ratchet(0, RatchetType.APPLICATION).nextForSending();
  }

  @Test
  void open_sealedWithSameGuard_returnsPlaintext() throws Exception {
    MessageKey key = key();
    byte[] ct = key.seal(guard, aad, new byte[] {42});
    assertThat(key.open(guard, aad, ct)).containsExactly(42);
  }

  @Test
  void open_otherReuseGuard_throwsAuthenticationException() {
    // Every test derives the same key: a guard of its own keeps the nonce fresh (JceAead refuses
    // to encrypt twice in a row under one key and nonce).
    MessageKey key = key();
    byte[] ct = key.seal(new byte[] {7, 7, 7, 7}, aad, new byte[] {42});
    assertThatThrownBy(() -> key.open(new byte[] {7, 7, 7, 8}, aad, ct))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void seal_guardNotFourBytes_isRejected() {
    assertThatThrownBy(() -> key().seal(new byte[3], aad, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> key().seal(null, aad, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reuseGuard_apply_xorsFirstFourBytesOnly() {
    byte[] nonce = new byte[12];
    nonce[4] = 5;
    byte[] out = ReuseGuard.apply(Secret.copyOf(nonce), new byte[] {1, 2, 3, (byte) 0xff});
    assertThat(out).containsExactly(1, 2, 3, 0xff, 5, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void destroy_thenSeal_throwsIllegalState() {
    MessageKey key = key();
    key.destroy();
    assertThat(key).hasToString("MessageKey[generation 0, destroyed]");
    assertThatThrownBy(() -> key.seal(guard, aad, new byte[0]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void senderDataKey_shortCiphertext_usesWholeCiphertextAsSample() {
    Secret sds = Suites.secret(4, 32);
    SenderDataKey shortKey = SenderDataKey.derive(suite, sds, new byte[] {1, 2});
    byte[] longCiphertext = new byte[40];
    longCiphertext[0] = 1;
    longCiphertext[1] = 2;
    SenderDataKey truncated = SenderDataKey.derive(suite, sds, longCiphertext);
    SenderDataKey sameSample = SenderDataKey.derive(suite, sds,
        java.util.Arrays.copyOf(longCiphertext, 32));
    assertThat(truncated.key().equalsSecret(sameSample.key())).isTrue();
    assertThat(shortKey.key().equalsSecret(truncated.key())).isFalse();
    assertThat(shortKey.toString()).isEqualTo("SenderDataKey[]");
  }
}
