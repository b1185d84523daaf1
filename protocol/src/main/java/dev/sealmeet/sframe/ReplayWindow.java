package dev.sealmeet.sframe;

import dev.sealmeet.error.ReplayException;
import java.util.Arrays;

/**
 * A sliding anti-replay window over one KID's CTR values, adapted from RFC 3711 §3.3.2 as RFC 9605 §9.3
 * suggests: the highest CTR accepted so far plus a bitmap of the {@code size} CTRs at and below it.
 * Newer CTRs are accepted and slide the window; older ones inside it are accepted once; anything at
 * least {@code size} below the highest is rejected as too old.
 *
 * <p>The receiver records a CTR only after its frame authenticated, so a forged frame never moves the
 * window: {@link #check} (before the AEAD) rejects cheaply and changes nothing; {@link #checkAndAccept}
 * (after the AEAD) checks again and records in one atomic step, so two threads that authenticated the
 * same frame cannot both accept it, and frames accepted concurrently are never lost from the bitmap.
 * CTRs are unsigned 64-bit.
 *
 * <p><b>Threads.</b> Thread-safe: every method holds this window's monitor for a few dozen
 * instructions. One window belongs to one KID, so only threads decrypting the same sender's frames
 * ever meet here.
 */
final class ReplayWindow {
  private final long[] bits;
  private final int size;
  private final long mask;
  private boolean started;
  private long highest;

  /** @param size the number of CTRs tracked, a power of two, at least 64 */
  ReplayWindow(int size) {
    this.size = size;
    this.mask = size - 1L;
    this.bits = new long[size / 64];
  }

  /** The number of CTRs the window tracks. */
  int size() {
    return size;
  }

  /** The highest CTR accepted so far; meaningful only if {@link #hasAccepted()}. */
  synchronized long highest() {
    return highest;
  }

  /** Whether any CTR was accepted yet. */
  synchronized boolean hasAccepted() {
    return started;
  }

  /**
   * Rejects a CTR that was already accepted or is too old; changes nothing.
   *
   * @throws ReplayException (without a stack trace) naming the KID, the CTR and the window
   */
  synchronized void check(long kid, long ctr) throws ReplayException {
    if (!started || Long.compareUnsigned(ctr, highest) > 0) {
      return;
    }
    long age = highest - ctr;
    if (Long.compareUnsigned(age, size) >= 0) {
      throw new StacklessReplayException("SFrame KID 0x" + Long.toHexString(kid) + " CTR "
          + Long.toUnsignedString(ctr) + " is older than the replay window (highest "
          + Long.toUnsignedString(highest) + ", window " + size + ")");
    }
    if (isSet(ctr)) {
      throw new StacklessReplayException("SFrame KID 0x" + Long.toHexString(kid) + " CTR "
          + Long.toUnsignedString(ctr) + " was already accepted");
    }
  }

  /**
   * Checks {@code ctr} and records it as accepted, atomically: of any number of threads passing the
   * same CTR, exactly one returns normally.
   *
   * @throws ReplayException (without a stack trace) if it was already accepted or is too old; the
   *     window is unchanged
   */
  synchronized void checkAndAccept(long kid, long ctr) throws ReplayException {
    check(kid, ctr);
    accept(ctr);
  }

  /** Records {@code ctr} as accepted; the caller has {@link #check checked} it under this monitor. */
  synchronized void accept(long ctr) {
    if (!started) {
      started = true;
      highest = ctr;
    } else if (Long.compareUnsigned(ctr, highest) > 0) {
      long advance = ctr - highest;
      if (Long.compareUnsigned(advance, size) >= 0) {
        Arrays.fill(bits, 0L);
      } else {
        for (long c = highest + 1; c != ctr; c++) {
          clear(c);
        }
      }
      highest = ctr;
    }
    set(ctr);
  }

  private boolean isSet(long ctr) {
    int index = (int) (ctr & mask);
    return (bits[index >>> 6] & (1L << index)) != 0;
  }

  private void set(long ctr) {
    int index = (int) (ctr & mask);
    bits[index >>> 6] |= 1L << index;
  }

  private void clear(long ctr) {
    int index = (int) (ctr & mask);
    bits[index >>> 6] &= ~(1L << index);
  }
}
