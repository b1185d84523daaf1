package dev.sealmeet.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code SframeSender.protect} per frame, every RFC 9605 suite and frame size. Compare with
 * {@link RawAesGcmBenchmark#encrypt}.
 */
public class SframeProtectBenchmark extends FrameBenchmarkBase {
  /** RFC 9605 cipher suite id. */
  @Param({"1", "2", "3", "4", "5"})
  public int suite;

  private SframeFixture fixture;

  /** Keys the sender once; no key work happens per frame. */
  @Setup
  public void setUp() {
    fixture = new SframeFixture(suite, size, provider);
  }

  /** One frame: header, nonce, AEAD encryption into the reused frame buffer. */
  @Benchmark
  public int protect() {
    return fixture.protect();
  }
}
