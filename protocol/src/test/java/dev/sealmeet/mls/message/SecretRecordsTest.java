package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 8 §2: the records that carry GroupSecrets and PathSecret can be wiped and never hash one. */
class SecretRecordsTest {
  private static byte[] filled(int value, int length) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  @Test
  void groupSecretsHashCode_ignoresTheSecrets() {
    GroupSecrets a = new GroupSecrets(filled(1, 32), Optional.of(new PathSecret(filled(2, 32))),
        List.of());
    GroupSecrets b = new GroupSecrets(filled(3, 32), Optional.of(new PathSecret(filled(4, 32))),
        List.of());
    assertThat(a).isNotEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    assertThat(new PathSecret(filled(2, 32)).hashCode())
        .isEqualTo(new PathSecret(filled(5, 32)).hashCode());
  }

  @Test
  void groupSecretsDestroy_zeroFillsItsOwnCopiesOnly() {
    PathSecret callers = new PathSecret(filled(2, 32));
    GroupSecrets secrets = new GroupSecrets(filled(1, 32), Optional.of(callers), List.of());
    secrets.destroy();
    assertThat(secrets.joinerSecret()).containsOnly(0);
    assertThat(secrets.pathSecret().orElseThrow().pathSecret()).containsOnly(0);
    assertThat(callers.pathSecret()).containsOnly(2);
  }

  @Test
  void pathSecretCopyAndDestroy_areIndependent() {
    PathSecret original = new PathSecret(filled(7, 16));
    PathSecret copy = original.copy();
    original.destroy();
    assertThat(original.pathSecret()).containsOnly(0);
    assertThat(copy.pathSecret()).containsOnly(7);
  }
}
