package dev.sealmeet.bench;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.GracePolicy;
import dev.sealmeet.meeting.KidLayout;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.meeting.MediaTransitions;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import dev.sealmeet.meeting.MeetingRuleException;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The media plane under key changes: four media threads each protect a 1,200-byte frame with one
 * {@link MediaProtector} and unprotect it again (the member receives its own KID, so every frame
 * decrypts), through the allocation-free {@code ByteBuffer} calls, while a control thread installs a
 * new epoch every millisecond ({@code rekeying}); versus the same with the control thread doing the same
 * installs on a second protector the media threads never touch ({@code steady}), so both groups
 * burn the same CPU and differ only in what the media threads meet: snapshot swaps, new send keys,
 * the first derivation of each epoch's receive key, erased epochs.
 *
 * <p>Report the media method's throughput ratio ({@code frameRekeying / frameSteady}) and, in
 * {@code SampleTime} mode, its p99.9 per frame. Grace: one hour and 8 epochs (the maximum), so
 * the frame just protected is never erased before it is unprotected; transitions are immediate,
 * the worst case for the media threads (every install switches the send key).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MediaPlaneRekeyBenchmark {
  static final SframeSuite SUITE = SframeSuite.AES_128_GCM_SHA256_128;
  static final int FRAME = 1200;
  static final Set<Long> ROSTER = Set.of(0L, 1L, 2L, 3L);

  /**
   * A protector as both media benchmarks use it: grace of one hour and the most epochs, immediate
   * transitions (every install switches the send key), the largest replay window.
   */
  static MediaProtector protector() {
    return new MediaProtector(SUITE, KidLayout.defaults(), new GracePolicy(Duration.ofHours(1),
        GracePolicy.MAX_EPOCHS), MediaTransitions.immediate(), System::nanoTime,
        SframeOptions.defaults().withReplayWindow(SframeOptions.MAX_REPLAY_WINDOW));
  }

  /** The protector the media threads use, and one only the control thread touches. */
  @State(Scope.Group)
  public static class Planes {
    MediaProtector media;
    MediaProtector aside;
    long mediaEpoch;
    long asideEpoch;
    final byte[][] baseKeys = new byte[16][];

    /** Both protectors at epoch 1. */
    @Setup
    public void setUp() {
      Random random = new Random(22);
      for (int i = 0; i < baseKeys.length; i++) {
        baseKeys[i] = new byte[SUITE.keyLength()];
        random.nextBytes(baseKeys[i]);
      }
      media = protector();
      aside = protector();
      mediaEpoch = install(media, 1);
      asideEpoch = install(aside, 1);
    }

    long install(MediaProtector p, long epoch) {
      p.install(epoch, Secret.copyOf(baseKeys[(int) (epoch % baseKeys.length)]), ROSTER,
          OptionalLong.of(0));
      return epoch;
    }

    /** Erases every key. */
    @TearDown
    public void tearDown() {
      media.close();
      aside.close();
    }
  }

  /** One media thread's buffers, allocated once. */
  @State(Scope.Thread)
  public static class Buffers {
    final ByteBuffer frame = ByteBuffer.allocate(FRAME);
    final ByteBuffer sframe = ByteBuffer.allocate(SframeHeader.MAX_LENGTH + FRAME + 16);
    final ByteBuffer out = ByteBuffer.allocate(FRAME);

    /** A pseudo-random frame. */
    @Setup
    public void setUp() {
      byte[] bytes = new byte[FRAME];
      new Random(FRAME).nextBytes(bytes);
      frame.put(bytes);
    }
  }

  /**
   * Frames refused because a media thread stalled between protect and unprotect: its epoch was
   * erased meanwhile, or the other threads, sharing the KID, moved its replay window past the CTR.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Lost {
    /** Frames refused with {@code UNKNOWN_EPOCH} or as older than the replay window. */
    public long lost;
  }

  static int roundTrip(MediaProtector p, Buffers b, Lost lost) throws SealmeetException {
    ((Buffer) b.frame).clear();
    ((Buffer) b.sframe).clear();
    ((Buffer) b.out).clear();
    p.protect(null, b.frame, b.sframe);
    ((Buffer) b.sframe).flip();
    try {
      return p.unprotect(null, b.sframe, b.out);
    } catch (MeetingRuleException | ReplayException stalled) {
      lost.lost++;
      return -1;
    }
  }

  /**
   * One epoch per {@link #INSTALL_EVERY_NANOS}: by default 1 ms, far above any real rate, which
   * leaves a stalled media thread {@link GracePolicy#MAX_EPOCHS} such periods before its epoch is
   * erased; {@code -Dsealmeet.installEveryMicros=N} sets another period.
   */
  static final long INSTALL_EVERY_NANOS = Long.getLong("sealmeet.installEveryMicros", 1000) * 1000;

  /** A media thread while epochs change under it. */
  @Benchmark
  @Group("rekeying")
  @GroupThreads(4)
  public int frameRekeying(Planes planes, Buffers b, Lost lost) throws SealmeetException {
    return roundTrip(planes.media, b, lost);
  }

  /** The control thread: installs the next epoch on the media threads' protector. */
  @Benchmark
  @Group("rekeying")
  @GroupThreads(1)
  public long installRekeying(Planes planes) {
    LockSupport.parkNanos(INSTALL_EVERY_NANOS);
    return planes.mediaEpoch = planes.install(planes.media, planes.mediaEpoch + 1);
  }

  /** A media thread while the epoch stays. */
  @Benchmark
  @Group("steady")
  @GroupThreads(4)
  public int frameSteady(Planes planes, Buffers b, Lost lost) throws SealmeetException {
    return roundTrip(planes.media, b, lost);
  }

  /** The control thread: the same installs, on a protector no media thread uses. */
  @Benchmark
  @Group("steady")
  @GroupThreads(1)
  public long installAside(Planes planes) {
    LockSupport.parkNanos(INSTALL_EVERY_NANOS);
    return planes.asideEpoch = planes.install(planes.aside, planes.asideEpoch + 1);
  }
}
