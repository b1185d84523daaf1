package dev.sealmeet.meeting;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The media plane's counters: {@link LongAdder}s, so threads counting at once do not contend and
 * nothing is allocated per frame. Read as one {@link MediaStats} snapshot (each counter is read once;
 * counters that change during the read may be off by the frames in flight).
 */
final class MediaCounters {
  final LongAdder protectedFrames = new LongAdder();
  final LongAdder decrypted = new LongAdder();
  final LongAdder held = new LongAdder();
  final LongAdder released = new LongAdder();
  final LongAdder droppedHeldExpired = new LongAdder();
  final LongAdder droppedHeldOverflow = new LongAdder();
  final LongAdder droppedHeldSkipped = new LongAdder();
  final LongAdder droppedHeldInvalid = new LongAdder();
  final LongAdder rejectedUnknownEpoch = new LongAdder();
  final LongAdder rejectedUnknownSender = new LongAdder();
  final LongAdder rejectedReplay = new LongAdder();
  final LongAdder rejectedAuthentication = new LongAdder();
  final LongAdder rejectedMalformed = new LongAdder();

  /** Counts a frame {@code unprotect} refused, by the type of its failure. */
  void rejected(SealmeetException e) {
    if (e instanceof MeetingRuleException rule && rule.rule() == MeetingRule.UNKNOWN_SENDER) {
      rejectedUnknownSender.increment();
    } else if (e instanceof MeetingRuleException) {
      rejectedUnknownEpoch.increment();
    } else if (e instanceof ReplayException) {
      rejectedReplay.increment();
    } else if (e instanceof AuthenticationException) {
      rejectedAuthentication.increment();
    } else if (e instanceof DecodeException) {
      rejectedMalformed.increment();
    }
  }

  MediaStats snapshot() {
    return new MediaStats(protectedFrames.sum(), decrypted.sum(), held.sum(), released.sum(),
        droppedHeldExpired.sum(), droppedHeldOverflow.sum(), droppedHeldSkipped.sum(),
        droppedHeldInvalid.sum(), rejectedUnknownEpoch.sum(), rejectedUnknownSender.sum(),
        rejectedReplay.sum(), rejectedAuthentication.sum(), rejectedMalformed.sum());
  }
}
