package dev.sealmeet.mls.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.PreSharedKeyId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PskSecretTest {
  private final MlsSuite suite = Suites.suite1();

  private PskInput psk(int id) {
    return new PskInput(new PreSharedKeyId.External(new byte[] {(byte) id}, new byte[32]),
        Suites.secret(id, 32));
  }

  @Test
  void compute_noPsks_isAllZero() {
    assertThat(PskSecret.compute(suite, List.of()).copySecret().copyBytes()).isEqualTo(new byte[32]);
    assertThat(PskSecret.none(suite).copySecret().copyBytes()).isEqualTo(new byte[32]);
  }

  @Test
  void compute_orderOfPsks_matters() {
    PskSecret ab = PskSecret.compute(suite, List.of(psk(1), psk(2)));
    PskSecret ba = PskSecret.compute(suite, List.of(psk(2), psk(1)));
    assertThat(ab.copySecret().equalsSecret(ba.copySecret())).isFalse();
  }

  @Test
  void compute_leavesCallersPskHoldersLive() {
    PskInput input = psk(1);
    PskSecret.compute(suite, List.of(input));
    assertThat(input.psk().isDestroyed()).isFalse();
    assertThat(input.toString()).isEqualTo("PskInput[psktype 1, Secret[32 bytes]]");
  }
}
