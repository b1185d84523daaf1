package dev.sealmeet.sframe;

/**
 * Makes a sender's CTRs survive a restart without reuse (RFC 9605 §9.1: a (key, nonce) pair is
 * never used twice). Before a {@link SframeSender} hands out a CTR at or above the mark it last
 * reserved for a KID, it calls {@link #reserve} with a mark {@link #block()} CTRs further, and
 * goes on only once that call returned: the mark is then durable, so no CTR below it is ever
 * handed out again. A sender that installs a key for a KID starts at {@link #resumeAt} or above.
 * One write per block of frames, not one per frame.
 *
 * <p>Called on media threads; {@link #reserve} blocks the frame that needs a new block (and other
 * frames of that KID meanwhile) until the mark is durable. Implementations must be thread-safe.
 */
public interface CounterReservation {
  /** CTRs reserved per {@link #reserve} call, unless overridden. */
  long DEFAULT_BLOCK = 4096;

  /**
   * The first CTR a new key for {@code kid} may use: the greatest mark ever reserved for it (CTRs
   * below it may have been used before a restart), or 0.
   */
  long resumeAt(long kid);

  /**
   * Durably records that CTRs of {@code kid} below {@code mark} (unsigned) may be used.
   *
   * @throws RuntimeException if the mark could not be made durable; the frame that needed it
   *     fails with {@link IllegalStateException} and its CTR is never used
   */
  void reserve(long kid, long mark);

  /** CTRs per reservation; at least 1. */
  default long block() {
    return DEFAULT_BLOCK;
  }
}
