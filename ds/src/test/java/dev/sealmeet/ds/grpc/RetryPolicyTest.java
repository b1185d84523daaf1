package dev.sealmeet.ds.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), 2.0);

  @Test
  void backoff_growsExponentially_withHalfJitter_capped() {
    SplittableRandom random = new SplittableRandom(7);
    long[] bounds = {100, 200, 400, 800, 1000, 1000};
    for (int retry = 1; retry <= bounds.length; retry++) {
      long max = bounds[retry - 1];
      long min = Long.MAX_VALUE;
      long top = 0;
      for (int i = 0; i < 2_000; i++) {
        long wait = policy.backoffMillis(retry, random);
        min = Math.min(min, wait);
        top = Math.max(top, wait);
      }
      assertThat(min).as("retry %d", retry).isGreaterThanOrEqualTo(max / 2).isLessThan(max * 3 / 5);
      assertThat(top).as("retry %d", retry).isLessThanOrEqualTo(max).isGreaterThan(max * 9 / 10);
    }
  }

  @Test
  void badBounds_areRefused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RetryPolicy.none().backoffMillis(1, new SplittableRandom())).isZero();
  }
}
