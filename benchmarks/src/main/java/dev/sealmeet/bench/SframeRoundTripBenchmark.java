package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code protect} then {@code unprotect} of the same frame, every RFC 9605 suite and frame size: the
 * full per-frame cost of a sender plus one receiver (header parse, key lookup, replay check,
 * authentication, decryption, window update). Compare with {@link RawAesGcmBenchmark#encryptDecrypt}.
 *
 * <p>Unprotect alone cannot be repeated on one frame (the replay window rejects it, by design), so its
 * cost is this benchmark minus {@link SframeProtectBenchmark}.
 */
public class SframeRoundTripBenchmark extends FrameBenchmarkBase {
  /** RFC 9605 cipher suite id. */
  @Param({"1", "2", "3", "4", "5"})
  public int suite;

  private SframeFixture fixture;

  /** Keys the sender and the receiver once. */
  @Setup
  public void setUp() {
    fixture = new SframeFixture(suite, size, provider);
  }

  /** One frame protected and unprotected. */
  @Benchmark
  public int protectUnprotect() throws SealmeetException {
    fixture.protect();
    return fixture.unprotect();
  }
}
