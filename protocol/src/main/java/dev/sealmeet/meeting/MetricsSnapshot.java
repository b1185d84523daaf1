package dev.sealmeet.meeting;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One member's metrics at one moment ({@link MeetingMetrics#snapshot()}). Counters only grow;
 * gauges are the current value. Durations are in nanoseconds of the meeting's injected clock
 * ({@link MeetingOptions#nanoTime()}).
 *
 * @param epoch gauge: the current epoch
 * @param members gauge: the members in the current epoch
 * @param epochs epochs installed (entering, and each merge)
 * @param commits this member's own commits that merged
 * @param commitRetries this member's commits that lost the race for an epoch and were tried again
 *     on the next ({@code STALE_EPOCH})
 * @param stalls stalls (at most one per meeting)
 * @param rotations rotations made by the rotation policy
 * @param pendingCommits commits of pending proposals made by the pending-commit policy
 * @param revocations members whose credential stopped verifying
 * @param listenerFailures listener calls that threw
 * @param rejectedByRule envelopes rejected, by {@link Rejection#rule()}
 * @param lastRekeyNanos the last own change's time from its start to its merge, retries included,
 *     or -1 before the first
 * @param maxRekeyNanos the longest such time, or -1
 * @param framesProtected frames this member protected (from the media plane, 0 if none attached)
 * @param framesDecrypted frames that decrypted (from the media plane)
 * @param framesDropped frames dropped, by reason (from the media plane)
 */
public record MetricsSnapshot(long epoch, long members, long epochs, long commits,
    long commitRetries, long stalls, long rotations, long pendingCommits, long revocations,
    long listenerFailures, Map<String, Long> rejectedByRule, long lastRekeyNanos,
    long maxRekeyNanos, long framesProtected, long framesDecrypted,
    Map<String, Long> framesDropped) {
  /** Copies the maps, sorted by key. */
  public MetricsSnapshot {
    rejectedByRule = Collections.unmodifiableMap(new TreeMap<>(rejectedByRule));
    framesDropped = Collections.unmodifiableMap(new TreeMap<>(framesDropped));
  }

  /** Envelopes rejected under every rule. */
  public long rejected() {
    return rejectedByRule.values().stream().mapToLong(Long::longValue).sum();
  }
}
