package dev.sealmeet.bench;

import dev.sealmeet.crypto.RawKeyPair;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared settings of the P-curve benchmarks: average time per operation in microseconds, the three
 * NIST curves, and the implementation ({@code sealmeet}: the public API, {@code bc-generic}: the
 * BouncyCastle code it used before, {@link BcGenericEc}), so one run gives both and their ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class EcBenchmarkBase {
  /** The curve. */
  @Param({"P-256", "P-384", "P-521"})
  public String curve;

  /** {@code sealmeet} (public API) or {@code bc-generic} (the former BouncyCastle path). */
  @Param({"sealmeet", "bc-generic"})
  public String impl;

  /** A seeded source for the fixture keys, so every fork uses the same keys. */
  static SecureRandom fixtureRandom() {
    SecureRandom random;
    try {
      random = SecureRandom.getInstance("SHA1PRNG");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    random.setSeed(0x5ea1_0000_0000_0001L);
    return random;
  }

  /** Whether {@link #impl} is the BouncyCastle baseline. */
  boolean baseline() {
    return impl.equals("bc-generic");
  }

  /** The key pair's two halves, for benchmarks that need raw arrays. */
  static byte[][] split(RawKeyPair kp) {
    return new byte[][] {kp.privateKey(), kp.publicKey()};
  }
}
