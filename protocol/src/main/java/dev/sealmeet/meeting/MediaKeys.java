package dev.sealmeet.meeting;

import java.util.List;

/**
 * One immutable snapshot of a member's media keys, published by the control plane with one atomic
 * swap and read by media threads without a lock: the epochs held, by KID epoch slot (RFC 9605 §5.2),
 * the newest one, and the send KID with its pending switch (RFC 9605 §4.4.1).
 *
 * <pre>
 *   now &lt; switchAt:  frames go out under sendKid        (the previous epoch, during the delay)
 *   now ≥ switchAt:  frames go out under nextSendKid    (the newest epoch)
 * </pre>
 *
 * <p>The array is never written after publication; {@link EpochMediaKeys} objects are shared between
 * snapshots and carry their own thread-safe state.
 */
final class MediaKeys {
  private final EpochMediaKeys[] slots;
  /** The newest epoch installed, or {@code null}. */
  final EpochMediaKeys current;
  private final long sendKid;
  private final long nextSendKid;
  private final long switchAtNanos;
  final boolean closed;

  private MediaKeys(EpochMediaKeys[] slots, EpochMediaKeys current, long sendKid,
      long nextSendKid, long switchAtNanos, boolean closed) {
    this.slots = slots;
    this.current = current;
    this.sendKid = sendKid;
    this.nextSendKid = nextSendKid;
    this.switchAtNanos = switchAtNanos;
    this.closed = closed;
  }

  /** No epoch, no send key. */
  static MediaKeys empty(int slotCount) {
    return new MediaKeys(new EpochMediaKeys[slotCount], null, -1, -1, 0, false);
  }

  /** The keys in {@code slot}, or {@code null}. */
  EpochMediaKeys slot(int slot) {
    return slots[slot];
  }

  int slotCount() {
    return slots.length;
  }

  /** The send KID in force at {@code now}, or -1 if this member does not send. */
  long sendKidAt(long now) {
    return now - switchAtNanos >= 0 ? nextSendKid : sendKid;
  }

  /** Whether a switch to {@link #nextSendKid} is still ahead at {@code now}. */
  boolean switchPending(long now) {
    return nextSendKid != sendKid && now - switchAtNanos < 0;
  }

  /** The KID the sender will use after the pending switch, or now if none. */
  long nextSendKid() {
    return nextSendKid;
  }

  /** The KID used before the pending switch. */
  long sendKidBeforeSwitch() {
    return sendKid;
  }

  long switchAtNanos() {
    return switchAtNanos;
  }

  /** These keys with {@code keys} in {@code slot} (or the slot emptied, for {@code null}). */
  MediaKeys withSlot(int slot, EpochMediaKeys keys) {
    EpochMediaKeys[] copy = slots.clone();
    copy[slot] = keys;
    return new MediaKeys(copy, current, sendKid, nextSendKid, switchAtNanos, closed);
  }

  /** These keys with {@code keys} as the newest epoch. */
  MediaKeys withCurrent(EpochMediaKeys keys) {
    return new MediaKeys(slots, keys, sendKid, nextSendKid, switchAtNanos, closed);
  }

  /** Sends under {@code from} until {@code switchAt}, under {@code to} from then on. */
  MediaKeys sending(long from, long to, long switchAt) {
    return new MediaKeys(slots, current, from, to, switchAt, closed);
  }

  /** Sends under {@code kid} from now on (or nothing, for -1). */
  MediaKeys sendingNow(long kid, long now) {
    return new MediaKeys(slots, current, kid, kid, now, closed);
  }

  /** No keys at all, and closed. */
  MediaKeys closedKeys() {
    return new MediaKeys(new EpochMediaKeys[slots.length], null, -1, -1, 0, true);
  }

  /** The slots' epochs that are not erased and pass {@code live}, oldest first. */
  List<EpochMediaKeys> liveByEpoch(java.util.function.Predicate<EpochMediaKeys> live) {
    List<EpochMediaKeys> out = new java.util.ArrayList<>();
    for (EpochMediaKeys e : slots) {
      if (e != null && !e.erased() && live.test(e)) {
        out.add(e);
      }
    }
    out.sort((a, b) -> Long.compare(a.epoch, b.epoch));
    return out;
  }
}
