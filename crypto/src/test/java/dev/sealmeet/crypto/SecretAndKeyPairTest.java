package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretAndKeyPairTest {
  @Test
  void keyPairDestroy_wipesPrivateKeyAndRefusesLaterUse() {
    byte[] privateKey = {1, 2, 3, 4};
    RawKeyPair pair = new RawKeyPair(privateKey, new byte[] {9});
    pair.destroy();
    assertThat(pair.isDestroyed()).isTrue();
    assertThat(pair.toString()).doesNotContain("4 bytes");
    assertThatThrownBy(pair::privateKey).isInstanceOf(IllegalStateException.class);
    assertThat(pair.publicKey()).containsExactly(9);
  }

  @Test
  void keyPairTakePrivateKey_movesKeyIntoSecretAndDestroysPair() {
    RawKeyPair pair = new RawKeyPair(new byte[] {5, 6}, new byte[] {9});
    Secret secret = pair.takePrivateKey();
    assertThat(secret.copyBytes()).containsExactly(5, 6);
    assertThat(pair.isDestroyed()).isTrue();
  }

  @Test
  void secretCopy_isIndependentOfOriginal() {
    Secret original = Secret.copyOf(new byte[] {7, 8});
    Secret copy = original.copy();
    original.destroy();
    assertThat(copy.copyBytes()).containsExactly(7, 8);
    assertThatThrownBy(original::copy).isInstanceOf(IllegalStateException.class);
  }
}
