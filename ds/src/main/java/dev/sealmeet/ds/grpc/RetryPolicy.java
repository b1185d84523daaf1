package dev.sealmeet.ds.grpc;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How {@link GrpcDeliveryService} retries an idempotent call that failed in transport: up to
 * {@code maxAttempts} attempts in all, each on the next target, after an exponential backoff
 * ({@code initialBackoff}, times {@code multiplier} per retry, at most {@code maxBackoff}) of which
 * a random half is jitter, so that clients cut off together do not come back together.
 *
 * @param maxAttempts attempts in all, at least 1 (1: no retry)
 * @param initialBackoff the wait before the first retry (before jitter)
 * @param maxBackoff the longest wait (before jitter)
 * @param multiplier the growth of the wait per retry, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
    double multiplier) {
  /** Checks the bounds. */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0
        || !(multiplier >= 1)) {
      throw new IllegalArgumentException("a retry policy needs maxAttempts >= 1, "
          + "0 <= initialBackoff <= maxBackoff and multiplier >= 1");
    }
  }

  /** Four attempts, waits from 50 ms doubling up to 2 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(2), 2.0);
  }

  /** One attempt: no retry. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);
  }

  /**
   * The wait in milliseconds before retry number {@code retry} (1 for the first): between half
   * and all of the capped exponential backoff.
   */
  public long backoffMillis(int retry, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1");
    }
    double exponential = initialBackoff.toMillis() * Math.pow(multiplier, retry - 1.0);
    long capped = (long) Math.min(maxBackoff.toMillis(), exponential);
    long half = capped / 2;
    return half + (capped - half == 0 ? 0 : random.nextLong(capped - half + 1));
  }
}
