package dev.sealmeet.sframe;

import dev.sealmeet.crypto.Secret;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The per-KID state derived once at key install (RFC 9605 §4.4.2): {@code sframe_key} and {@code
 * sframe_salt}, a pool of {@link FrameLane}s (one per thread using the key at a time), and, for a
 * sender, the next CTR; for a receiver, the replay window.
 *
 * <p><b>Threads.</b> Any number of threads may {@link #lease} lanes, take counters and use the window
 * at once. The first lane is created at install; further ones when threads overlap, up to {@link
 * #POOL} kept idle (more are created and wiped as needed). The steady state of one thread, or of
 * threads taking turns, allocates nothing.
 *
 * <p><b>Retiring.</b> {@link #retire()} stops new leases and new counters; {@link #destroy()} then
 * wipes the key, the salt and every idle lane. A lane in use when the key is destroyed stays intact
 * until its thread {@link #release releases} it, so a frame sealed or opened across a concurrent
 * removal is either finished correctly or refused ({@code lease} returns {@code null}), never
 * processed with half-wiped bytes.
 */
final class FrameKey {
  /** Idle lanes kept per key: more threads than this on one KID create and wipe extra lanes. */
  static final int POOL = 8;

  final long kid;
  private final SframeSuite suite;
  private final FrameCrypto crypto;
  private final byte[] keyBytes;
  private final byte[] salt;
  private final AtomicReferenceArray<FrameLane> idle = new AtomicReferenceArray<>(POOL);
  private volatile boolean retired;
  private boolean destroyed;
  /** Sender only: the next CTR to hand out (unsigned). */
  private final AtomicLong nextCtr;
  /** Sender only: set once CTR 2^64-1 was handed out. */
  private final AtomicBoolean exhausted = new AtomicBoolean();
  /** Receiver only. */
  final ReplayWindow window;
  /** Sender with durable counters only: CTRs below this mark are reserved (unsigned). */
  private volatile long reservedUpTo;
  private final Object reserving = new Object();

  private FrameKey(long kid, SframeSuite suite, FrameCrypto crypto, byte[] keyBytes, byte[] salt,
      long nextCtr, ReplayWindow window) {
    this.kid = kid;
    this.suite = suite;
    this.crypto = crypto;
    this.keyBytes = keyBytes;
    this.salt = salt;
    this.nextCtr = new AtomicLong(nextCtr);
    this.reservedUpTo = nextCtr;
    this.window = window;
    idle.set(0, newLane());
  }

  /** Derives {@code sframe_key} and {@code sframe_salt} (RFC 9605 §4.4.2) and keys a first lane. */
  static FrameKey derive(SframeSuite suite, FrameCrypto crypto, long kid, Secret baseKey,
      long firstCtr, ReplayWindow window) {
    SframeKeyMaterial material = SframeKeySchedule.derive(suite, kid, baseKey);
    try {
      return new FrameKey(kid, suite, crypto, material.key().copyBytes(),
          material.salt().copyBytes(), firstCtr, window);
    } finally {
      material.destroy();
    }
  }

  private FrameLane newLane() {
    return new FrameLane(FrameAead.create(suite, keyBytes, crypto), salt);
  }

  /**
   * A lane for the calling thread only, or {@code null} if the key was retired (removed by another
   * thread). Give it back with {@link #release}.
   */
  FrameLane lease() {
    FrameLane lane = null;
    for (int i = 0; i < POOL && lane == null; i++) {
      FrameLane candidate = idle.get(i);
      if (candidate != null && idle.compareAndSet(i, candidate, null)) {
        lane = candidate;
      }
    }
    if (lane == null) {
      synchronized (this) {
        if (destroyed) {
          return null;
        }
        lane = newLane();
      }
    }
    if (retired) {
      lane.destroy();
      return null;
    }
    return lane;
  }

  /** Gives a lane back: kept idle, or wiped if the pool is full or the key was retired. */
  void release(FrameLane lane) {
    for (int i = 0; i < POOL; i++) {
      if (idle.get(i) == null && idle.compareAndSet(i, null, lane)) {
        // Dekker with retire(): retire writes the flag, then drains the slots; we wrote the slot,
        // now read the flag. At least one of us sees the other's write, and the CAS decides who wipes.
        if (retired && idle.compareAndSet(i, lane, null)) {
          lane.destroy();
        }
        return;
      }
    }
    lane.destroy();
  }

  /**
   * Hands out the next CTR exactly once (sender): no two callers ever get the same value, and a value
   * handed out is never handed out again, whether or not its frame was sent.
   *
   * @throws IllegalStateException if CTR 2^64-1 was already handed out
   */
  long takeCounter() {
    while (true) {
      if (exhausted.get()) {
        throw exhaustedFailure();
      }
      long ctr = nextCtr.get();
      if (ctr == -1L) {
        if (exhausted.compareAndSet(false, true)) {
          return ctr;
        }
      } else if (nextCtr.compareAndSet(ctr, ctr + 1)) {
        return ctr;
      }
    }
  }

  /**
   * Makes sure {@code ctr}, just taken, is below a durable mark: the first caller at or above the
   * mark reserves the next block while later ones wait for it (sender with durable counters).
   *
   * @throws IllegalStateException if the reservation failed; {@code ctr} is then never used
   */
  void requireReserved(long ctr, CounterReservation reservation) {
    if (Long.compareUnsigned(ctr, reservedUpTo) < 0) {
      return;
    }
    synchronized (reserving) {
      if (Long.compareUnsigned(ctr, reservedUpTo) < 0) {
        return;
      }
      long mark = ctr + Math.max(1, reservation.block());
      if (Long.compareUnsigned(mark, ctr) < 0) {
        mark = -1L; // the last block ends at 2^64-1
      }
      try {
        reservation.reserve(kid, mark);
      } catch (RuntimeException e) {
        throw new IllegalStateException("the send counters of KID 0x" + Long.toHexString(kid)
            + " could not be reserved; the frame is not sent", e);
      }
      reservedUpTo = mark;
    }
  }

  /** The CTR the next {@link #takeCounter} would hand out, if nobody races it. */
  long peekCounter() {
    return nextCtr.get();
  }

  /** Whether CTR 2^64-1 was handed out. */
  boolean isExhausted() {
    return exhausted.get();
  }

  IllegalStateException exhaustedFailure() {
    return new IllegalStateException("the counter of KID 0x" + Long.toHexString(kid)
        + " is exhausted (CTR 2^64-1 was used); install a new key");
  }

  /**
   * Stops new leases and marks counters taken from now on as unusable; a sender reads {@link
   * #peekCounter} only after this, so it never misses a counter a racing thread will still use.
   */
  void retire() {
    retired = true;
  }

  /** Whether {@link #retire} ran: a counter taken by a thread that sees this must not be used. */
  boolean isRetired() {
    return retired;
  }

  /** Retires the key and wipes the key, the salt and every idle lane. */
  void destroy() {
    retired = true;
    synchronized (this) {
      destroyed = true;
      Arrays.fill(keyBytes, (byte) 0);
      Arrays.fill(salt, (byte) 0);
    }
    for (int i = 0; i < POOL; i++) {
      FrameLane lane = idle.get(i);
      if (lane != null && idle.compareAndSet(i, lane, null)) {
        lane.destroy();
      }
    }
  }
}
