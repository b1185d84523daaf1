package dev.sealmeet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Shared settings of the MLS group benchmarks: average time per operation in milliseconds, one
 * fork with a heap large enough for a 10,000-member tree, short warm-up. Every benchmark class has
 * two methods, {@code sealmeet} and {@code bouncycastle}, running the same operation on the same
 * group shape (cipher suite 1, MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519, handshakes as
 * PublicMessage, the ratchet tree inside the Welcome). Setup builds only the side whose method
 * runs, once per trial; each invocation starts from the same state.
 *
 * <p>The heap's pages are touched when the fork starts ({@code -XX:+AlwaysPreTouch}). Without it
 * the first pass of the allocator through the 2 GB heap faults every page in, and a sub-millisecond
 * operation ran 1.5 to 3 times slower for a few seconds in each fork, at the same place in every
 * fork: on 2026-12-07 an application-message round trip at 2 members read 129–132 µs with bursts to
 * 455 µs without it (error ±30%), and 127–150 µs with it (±6%).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class GroupBenchmarkBase {
  /** The MLS cipher suite of every group benchmark. */
  static final int SUITE = 1;

  /**
   * Whether {@code tree}, a benchmark's {@code tree} parameter, is the fresh tree: grown by one
   * path-less Add commit, every parent node blank. The others, {@code realistic} and {@code half},
   * are {@link RealisticGroupFixture}'s lived-in trees, which the BouncyCastle side joins as a
   * peer ({@link PeerEpoch}).
   *
   * @throws IllegalArgumentException if {@code tree} is none of the three
   */
  static boolean isFresh(String tree) {
    switch (tree) {
      case "fresh": return true;
      case "realistic":
      case "half": return false;
      default: throw new IllegalArgumentException("unknown tree " + tree);
    }
  }

  /** Whether this trial runs the BouncyCastle method (so setup builds only that side). */
  static boolean isBouncyCastle(BenchmarkParams params) {
    return params.getBenchmark().endsWith(".bouncycastle");
  }
}
