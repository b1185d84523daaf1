package dev.sealmeet.bench;

import java.nio.ByteBuffer;
import java.util.Random;
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
 * Shared settings of the per-frame benchmarks: average time per frame in nanoseconds, the frame sizes
 * (an audio frame, an MTU-sized packet, a video frame, a large key frame), the JCE provider, forks
 * and warm-up. Every
 * buffer is a heap {@link ByteBuffer} allocated once in setup, so {@code -prof gc} shows what one frame
 * allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class FrameBenchmarkBase {
  /** Plaintext bytes per frame. */
  @Param({"64", "1200", "16384", "102400"})
  public int size;

  /**
   * JCE provider: {@code jdk} (the JDK's) or {@code accp} (Amazon Corretto Crypto Provider, which
   * fails the benchmark in setup where it does not load; see {@link JceProviders}).
   */
  @Param({"jdk", "accp"})
  public String provider;

  /** Metadata authenticated with every frame: none, as in a plain RTP payload. */
  static final ByteBuffer NO_METADATA = ByteBuffer.allocate(0);

  /** A heap buffer of {@code length} pseudo-random bytes (fixed seed). */
  static ByteBuffer randomBuffer(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return ByteBuffer.wrap(bytes);
  }
}
