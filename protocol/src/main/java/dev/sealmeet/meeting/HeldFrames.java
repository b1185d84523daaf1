package dev.sealmeet.meeting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Frames whose KID names the next epoch, held until this member installs it (RFC 9605 §4.4.4), in
 * arrival order, within the count, byte and time bounds of {@link MediaTransitions}. Frames are
 * copied in; nothing is decrypted here.
 *
 * <p><b>Threads.</b> Every method holds this object's monitor briefly (no crypto, no I/O): media
 * threads offer frames, the control plane takes them when it installs an epoch. {@link #offer}
 * re-checks, under the monitor, whether the epoch arrived meanwhile, and the control plane publishes
 * an epoch before it takes its frames, so a frame is never left behind by that race.
 */
final class HeldFrames {
  /** One held frame: copies of its bytes, the epoch it waits for, when it came. */
  record Held(byte[] metadata, byte[] frame, long senderLeaf, long epoch, long heldAtNanos) {}

  /** What {@link #offer} did. */
  enum Offer { HELD, EPOCH_ARRIVED, FULL }

  private final MediaTransitions bounds;
  private final MediaCounters counters;
  private final ArrayDeque<Held> frames = new ArrayDeque<>();
  private final Map<Long, Integer> perSender = new HashMap<>();
  private long bytes;

  HeldFrames(MediaTransitions bounds, MediaCounters counters) {
    this.bounds = bounds;
    this.counters = counters;
  }

  /**
   * Holds {@code frame} unless {@code epochArrived} (evaluated under the monitor) says its epoch is
   * installed now, or a bound is reached (counted as overflow).
   */
  synchronized Offer offer(byte[] metadata, byte[] frame, long senderLeaf, long epoch, long now,
      BooleanSupplier epochArrived) {
    if (epochArrived.getAsBoolean()) {
      return Offer.EPOCH_ARRIVED;
    }
    expire(now);
    long size = frame.length + (metadata == null ? 0 : metadata.length);
    if (frames.size() >= bounds.holdTotal() || bytes + size > bounds.holdBytes()
        || perSender.getOrDefault(senderLeaf, 0) >= bounds.holdPerSender()) {
      counters.droppedHeldOverflow.increment();
      return Offer.FULL;
    }
    frames.addLast(new Held(metadata == null ? null : metadata.clone(), frame.clone(), senderLeaf,
        epoch, now));
    perSender.merge(senderLeaf, 1, Integer::sum);
    bytes += size;
    counters.held.increment();
    return Offer.HELD;
  }

  /**
   * Removes and returns, in arrival order, the frames waiting for {@code epoch}; frames waiting for
   * an earlier epoch are dropped (it was skipped), as are frames past the hold time.
   */
  synchronized List<Held> take(long epoch, long now) {
    expire(now);
    List<Held> out = new ArrayList<>();
    for (Iterator<Held> it = frames.iterator(); it.hasNext(); ) {
      Held h = it.next();
      if (h.epoch() <= epoch) {
        it.remove();
        forget(h);
        if (h.epoch() == epoch) {
          out.add(h);
        } else {
          counters.droppedHeldSkipped.increment();
        }
      }
    }
    return out;
  }

  /** Drops the frames held longer than the hold time. */
  synchronized void expire(long now) {
    long limit = bounds.holdTime().toNanos();
    while (!frames.isEmpty() && now - frames.peekFirst().heldAtNanos() > limit) {
      forget(frames.removeFirst());
      counters.droppedHeldExpired.increment();
    }
  }

  /** Drops every frame without counting it (the protector is closing). */
  synchronized void clear() {
    frames.clear();
    perSender.clear();
    bytes = 0;
  }

  /** How many frames are held now. */
  synchronized int size() {
    return frames.size();
  }

  private void forget(Held h) {
    bytes -= h.frame().length + (h.metadata() == null ? 0 : h.metadata().length);
    perSender.computeIfPresent(h.senderLeaf(), (leaf, n) -> n == 1 ? null : n - 1);
  }
}
