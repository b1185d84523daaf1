package dev.sealmeet.meeting;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One member's counters and gauges, for a vendor to export (to Prometheus, OpenTelemetry, …):
 * written by the control thread, read from any thread through {@link #snapshot()}. Media frame
 * counts come from the media plane through {@link MediaCounters}.
 */
public final class MeetingMetrics {
  private final LongAdder epochs = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final LongAdder commitRetries = new LongAdder();
  private final LongAdder stalls = new LongAdder();
  private final LongAdder rotations = new LongAdder();
  private final LongAdder pendingCommits = new LongAdder();
  private final LongAdder revocations = new LongAdder();
  private final LongAdder listenerFailures = new LongAdder();
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLong members = new AtomicLong();
  private final AtomicLong lastRekeyNanos = new AtomicLong(-1);
  private final AtomicLong maxRekeyNanos = new AtomicLong(-1);
  private final AtomicReference<MediaCounters> media =
      new AtomicReference<>(MediaCounters.NONE);

  /**
   * Frame counts of the media plane, read at each {@link #snapshot()}: the media plane (its
   * protector) implements this and is attached with {@link #attachMedia}. Implementations are
   * thread-safe and never block.
   */
  public interface MediaCounters {
    /** Counts nothing. */
    MediaCounters NONE = new MediaCounters() {
      @Override
      public long framesProtected() {
        return 0;
      }

      @Override
      public long framesDecrypted() {
        return 0;
      }

      @Override
      public Map<String, Long> framesDropped() {
        return Map.of();
      }
    };

    /** Frames this member protected. */
    long framesProtected();

    /** Frames of other members that decrypted. */
    long framesDecrypted();

    /** Frames dropped, by reason (unknown epoch, replay, authentication, …). */
    Map<String, Long> framesDropped();
  }

  /** Plugs in the media plane's frame counts; replaces any attached before. */
  public void attachMedia(MediaCounters counters) {
    media.set(Objects.requireNonNull(counters, "counters"));
  }

  /** A consistent-enough copy of every counter and gauge (each read atomically). */
  public MetricsSnapshot snapshot() {
    Map<String, Long> byRule = new TreeMap<>();
    rejected.forEach((rule, count) -> byRule.put(rule, count.sum()));
    MediaCounters frames = media.get();
    return new MetricsSnapshot(epoch.get(), members.get(), epochs.sum(), commits.sum(),
        commitRetries.sum(), stalls.sum(), rotations.sum(), pendingCommits.sum(),
        revocations.sum(), listenerFailures.sum(), byRule, lastRekeyNanos.get(),
        maxRekeyNanos.get(), frames.framesProtected(), frames.framesDecrypted(),
        new TreeMap<>(frames.framesDropped()));
  }

  void epochInstalled(long value, int memberCount) {
    epochs.increment();
    epoch.set(value);
    members.set(memberCount);
  }

  void commitMerged(long rekeyNanos) {
    commits.increment();
    lastRekeyNanos.set(rekeyNanos);
    maxRekeyNanos.accumulateAndGet(rekeyNanos, Math::max);
  }

  void commitRetried() {
    commitRetries.increment();
  }

  void rejected(String rule) {
    rejected.computeIfAbsent(rule, r -> new LongAdder()).increment();
  }

  void stalled() {
    stalls.increment();
  }

  void rotated() {
    rotations.increment();
  }

  void pendingCommitted() {
    pendingCommits.increment();
  }

  void revoked() {
    revocations.increment();
  }

  void listenerFailed() {
    listenerFailures.increment();
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "MeetingMetrics[" + snapshot() + "]";
  }
}
