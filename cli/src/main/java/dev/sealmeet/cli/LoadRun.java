package dev.sealmeet.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the meetings of one load test share: when measuring starts and stops, the commit budget,
 * and the counters and latencies they record. Thread-safe.
 */
final class LoadRun {
  final Latencies latencies = new Latencies();
  final AtomicLong committed = new AtomicLong();
  final AtomicLong measured = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final int commitsPerMeeting;
  private final CountDownLatch finished;
  private volatile long warmupEndNanos;
  private volatile long stopNanos;
  private volatile long lastCompletionNanos;

  /**
   * @param commitsPerMeeting commits each meeting makes, 0 for as many as fit the duration
   * @param meetings how many meetings report {@link #finished}
   */
  LoadRun(int commitsPerMeeting, int meetings) {
    this.commitsPerMeeting = commitsPerMeeting;
    this.finished = new CountDownLatch(meetings);
  }

  /** Starts the clock: measuring begins after {@code warmupNanos} and stops after both. */
  void start(long now, long warmupNanos, long durationNanos) {
    warmupEndNanos = now + warmupNanos;
    stopNanos = now + warmupNanos + durationNanos;
  }

  long warmupEndNanos() {
    return warmupEndNanos;
  }

  /** Whether a meeting that made {@code made} commits makes another at {@code now}. */
  boolean another(int made, long now) {
    return (commitsPerMeeting == 0 || made < commitsPerMeeting) && now < stopNanos;
  }

  /** A commit submitted at {@code submitted} was merged by every member at {@code now}. */
  void merged(long submitted, long now) {
    committed.incrementAndGet();
    if (submitted >= warmupEndNanos) {
      measured.incrementAndGet();
      latencies.add(now - submitted);
    }
    synchronized (this) {
      lastCompletionNanos = Math.max(lastCompletionNanos, now);
    }
  }

  void failed(String what) {
    failures.incrementAndGet();
    firstFailure.compareAndSet(null, what);
  }

  /** The measured window: from the end of the warm-up to the last merge. */
  long windowNanos() {
    return Math.max(1, lastCompletionNanos - warmupEndNanos);
  }

  void meetingFinished() {
    finished.countDown();
  }

  CountDownLatch finished() {
    return finished;
  }
}
