package dev.sealmeet.bench;

import dev.sealmeet.bench.MediaPlaneRekeyBenchmark.Buffers;
import dev.sealmeet.bench.MediaPlaneRekeyBenchmark.Lost;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.MlsGroup;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * The media plane while a control thread commits continuously: the same four media threads as
 * {@link MediaPlaneRekeyBenchmark}, and a control thread that makes real MLS commits back to back
 * (an update with a path in a group of 10, merged, then the new epoch's {@code base_key} exported,
 * RFC 9605 §5.2) and installs each epoch on the media threads' protector ({@code committing}), or
 * on a protector they never touch ({@code commitAside}). Both groups do the same MLS work, so they
 * differ only in what the media threads meet.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MediaPlaneCommitBenchmark {
  static final int MEMBERS = 10;

  /** The MLS group of the control thread and the two protectors. */
  @State(Scope.Group)
  public static class Control {
    MlsGroup group;
    Set<Long> roster;
    MediaProtector media;
    MediaProtector aside;

    /** A group of {@link #MEMBERS}; both protectors at its first epoch. */
    @Setup
    public void setUp() throws SealmeetException {
      group = new SealmeetGroupFixture().grow(MEMBERS).creator;
      roster = group.members().keySet();
      media = MediaPlaneRekeyBenchmark.protector();
      aside = MediaPlaneRekeyBenchmark.protector();
      install(media);
      install(aside);
    }

    long commitAndInstall(MediaProtector p) throws SealmeetException {
      group.commit(CommitRequest.empty().forcePath());
      group.mergePendingCommit();
      return install(p);
    }

    private long install(MediaProtector p) {
      p.install(group.epoch(), Secret.wrap(group.export(MediaProtector.EXPORTER_LABEL,
          new byte[0], p.baseKeyLength())), roster, OptionalLong.of(group.ownLeafIndex()));
      return group.epoch();
    }

    /** Erases every key. */
    @TearDown
    public void tearDown() {
      media.close();
      aside.close();
      group.close();
    }
  }

  /** A media thread while the control thread commits and installs on its protector. */
  @Benchmark
  @Group("committing")
  @GroupThreads(4)
  public int frameCommitting(Control c, Buffers b, Lost lost) throws SealmeetException {
    return MediaPlaneRekeyBenchmark.roundTrip(c.media, b, lost);
  }

  /** The control thread: one MLS commit, merged, its epoch installed for the media threads. */
  @Benchmark
  @Group("committing")
  @GroupThreads(1)
  public long commit(Control c) throws SealmeetException {
    return c.commitAndInstall(c.media);
  }

  /** A media thread while the same commits are installed elsewhere. */
  @Benchmark
  @Group("commitAside")
  @GroupThreads(4)
  public int frameCommitAside(Control c, Buffers b, Lost lost) throws SealmeetException {
    return MediaPlaneRekeyBenchmark.roundTrip(c.media, b, lost);
  }

  /** The control thread: the same commits, installed on a protector no media thread uses. */
  @Benchmark
  @Group("commitAside")
  @GroupThreads(1)
  public long commitAside(Control c) throws SealmeetException {
    return c.commitAndInstall(c.aside);
  }
}
