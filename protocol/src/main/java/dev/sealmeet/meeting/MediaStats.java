package dev.sealmeet.meeting;

/**
 * What one member's media plane did since it was created: one immutable snapshot of its counters,
 * read with {@link MediaProtector#stats()}. Each counter only grows. A frame is counted once for
 * each step it went through: a held frame that was later released counts in {@code held} and in
 * {@code released} (and in {@code decrypted}).
 *
 * @param protectedFrames frames protected for sending
 * @param decrypted frames that authenticated and decrypted, released ones included
 * @param held frames held because their KID named the next epoch
 * @param released held frames decrypted when their epoch was installed
 * @param droppedHeldExpired held frames dropped after {@link MediaTransitions#holdTime()}
 * @param droppedHeldOverflow frames not held (or released frames not kept for
 *     {@link MediaProtector#drainReleased}) because a count or byte bound was reached
 * @param droppedHeldSkipped held frames whose epoch was never installed (the member moved past it)
 * @param droppedHeldInvalid held frames that failed when their epoch came (forged, replayed, or
 *     from a sender not in that epoch)
 * @param rejectedUnknownEpoch frames naming an epoch whose keys this member does not hold
 * @param rejectedUnknownSender frames naming a sender not in their epoch (or revoked)
 * @param rejectedReplay frames whose CTR was already accepted or is too old
 * @param rejectedAuthentication frames whose tag did not verify
 * @param rejectedMalformed frames whose header or length is malformed
 */
public record MediaStats(long protectedFrames, long decrypted, long held, long released,
    long droppedHeldExpired, long droppedHeldOverflow, long droppedHeldSkipped,
    long droppedHeldInvalid, long rejectedUnknownEpoch, long rejectedUnknownSender,
    long rejectedReplay, long rejectedAuthentication, long rejectedMalformed) {

  /** Every held frame's fate: still held, released, or dropped for a reason. */
  public long heldDropped() {
    return droppedHeldExpired + droppedHeldSkipped + droppedHeldInvalid;
  }
}
