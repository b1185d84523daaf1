package dev.sealmeet.meeting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The media plane's counters ({@link MediaProtector#stats()}) as the meeting's metrics read them:
 * frames protected, decrypted (released held frames included) and dropped by reason.
 */
final class MediaStatsCounters implements MeetingMetrics.MediaCounters {
  private final MediaProtector media;

  MediaStatsCounters(MediaProtector media) {
    this.media = media;
  }

  @Override
  public long framesProtected() {
    return media.stats().protectedFrames();
  }

  @Override
  public long framesDecrypted() {
    return media.stats().decrypted();
  }

  @Override
  public Map<String, Long> framesDropped() {
    MediaStats s = media.stats();
    Map<String, Long> dropped = new LinkedHashMap<>();
    dropped.put("held_expired", s.droppedHeldExpired());
    dropped.put("held_overflow", s.droppedHeldOverflow());
    dropped.put("held_skipped_epoch", s.droppedHeldSkipped());
    dropped.put("held_invalid", s.droppedHeldInvalid());
    dropped.put("unknown_epoch", s.rejectedUnknownEpoch());
    dropped.put("unknown_sender", s.rejectedUnknownSender());
    dropped.put("replay", s.rejectedReplay());
    dropped.put("authentication", s.rejectedAuthentication());
    dropped.put("malformed", s.rejectedMalformed());
    return java.util.Collections.unmodifiableMap(dropped);
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "MediaStatsCounters[" + media.stats() + "]";
  }
}
