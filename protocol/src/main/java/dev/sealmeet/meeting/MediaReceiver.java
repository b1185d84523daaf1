package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.UnknownKidException;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The receiving half of a {@link MediaProtector}: picks the one key a frame's KID names from the
 * published {@link MediaKeys} snapshot (RFC 9605 §5.2), holds frames of the next epoch (RFC 9605
 * §4.4.4) and releases them when it is installed. Media threads call {@link #unprotect} and {@link
 * #receive} at any time; the control plane calls {@link #release} after publishing an epoch.
 */
final class MediaReceiver {
  private final KidLayout layout;
  private final GracePolicy grace;
  private final MediaTransitions transitions;
  private final LongSupplier nanoTime;
  private final AtomicReference<MediaKeys> keys;
  private final MediaCounters counters;
  private final HeldFrames held;
  private final ArrayDeque<ReceivedFrame> released = new ArrayDeque<>();
  private volatile Classifier classifier = (sframe, frame) -> frame;

  /** What a held frame goes through once it decrypted on release. */
  interface Classifier {
    /** {@code frame}, decrypted from {@code sframe}, as {@link #drainReleased} returns it. */
    ReceivedFrame classify(byte[] sframe, ReceivedFrame frame) throws SealmeetException;
  }

  MediaReceiver(KidLayout layout, GracePolicy grace, MediaTransitions transitions,
      LongSupplier nanoTime, AtomicReference<MediaKeys> keys, MediaCounters counters) {
    this.layout = layout;
    this.grace = grace;
    this.transitions = transitions;
    this.nanoTime = nanoTime;
    this.keys = keys;
    this.counters = counters;
    this.held = new HeldFrames(transitions, counters);
  }

  ReceivedFrame unprotect(MediaKeys k, byte[] metadata, byte[] frame) throws SealmeetException {
    try {
      return decrypt(k, metadata, frame);
    } catch (SealmeetException e) {
      counters.rejected(e);
      throw e;
    }
  }

  int unprotect(MediaKeys k, ByteBuffer metadata, ByteBuffer frame, ByteBuffer dst)
      throws SealmeetException {
    try {
      long kid = SframeHeader.peekKid(frame);
      EpochMediaKeys e = usable(k, layout.epochSlotOf(kid), nanoTime.getAsLong());
      int length = receiverFor(e, kid).unprotect(metadata, frame, dst);
      counters.decrypted.increment();
      return length;
    } catch (UnknownKidException gone) {
      SealmeetException e = unknownEpoch(gone.kid());
      counters.rejected(e);
      throw e;
    } catch (SealmeetException e) {
      counters.rejected(e);
      throw e;
    }
  }

  Optional<ReceivedFrame> receive(MediaKeys k, byte[] metadata, byte[] frame)
      throws SealmeetException {
    long kid;
    try {
      kid = SframeHeader.peekKid(ByteBuffer.wrap(frame));
    } catch (DecodeException e) {
      counters.rejected(e);
      throw e;
    }
    int slot = layout.epochSlotOf(kid);
    long now = nanoTime.getAsLong();
    // Only the next epoch, and only while one can come (a member that stopped sending, removed or
    // left behind, marked its newest epoch replaced).
    if (usable(k, slot, now) == null && k.current != null && !k.current.replaced()
        && transitions.holdTotal() > 0 && slot == layout.epochSlot(k.current.epoch + 1)) {
      long waitFor = k.current.epoch + 1;
      HeldFrames.Offer offer = held.offer(metadata, frame, layout.senderOf(kid), waitFor, now,
          () -> {
            EpochMediaKeys e = keys.get().slot(slot);
            return e != null && e.epoch == waitFor;
          });
      if (offer == HeldFrames.Offer.HELD) {
        return Optional.empty();
      }
      if (offer == HeldFrames.Offer.FULL) {
        throw new MeetingRuleException(MeetingRule.UNKNOWN_EPOCH, "epoch " + waitFor
            + " is not installed yet and the hold buffer is full");
      }
      k = keys.get();
    }
    return Optional.of(unprotect(k, metadata, frame));
  }

  /**
   * Control plane. Sets what each held frame goes through once it decrypted on release, before
   * {@link #drainReleased} returns it (sender authentication records it, spec §2.7).
   */
  void classifyReleased(Classifier value) {
    classifier = value;
  }

  /** Control plane: decrypts the held frames of {@code epoch}, just published, for draining. */
  void release(long epoch, long now) {
    for (HeldFrames.Held h : held.take(epoch, now)) {
      try {
        ReceivedFrame frame = classifier.classify(h.frame(),
            decrypt(keys.get(), h.metadata(), h.frame()));
        counters.released.increment();
        synchronized (released) {
          if (released.size() >= Math.max(1, transitions.holdTotal())) {
            released.removeFirst();
            counters.droppedHeldOverflow.increment();
          }
          released.addLast(frame);
        }
      } catch (SealmeetException e) {
        counters.droppedHeldInvalid.increment();
      }
    }
  }

  List<ReceivedFrame> drainReleased() {
    synchronized (released) {
      List<ReceivedFrame> out = new ArrayList<>(released);
      released.clear();
      return out;
    }
  }

  /** Control plane: drops held frames past the hold time. */
  void expire(long now) {
    held.expire(now);
  }

  /** Control plane: drops every held and released frame. */
  void clear() {
    held.clear();
    synchronized (released) {
      released.clear();
    }
  }

  private ReceivedFrame decrypt(MediaKeys k, byte[] metadata, byte[] frame)
      throws SealmeetException {
    long kid = SframeHeader.peekKid(ByteBuffer.wrap(frame));
    EpochMediaKeys e = usable(k, layout.epochSlotOf(kid), nanoTime.getAsLong());
    try {
      byte[] payload = receiverFor(e, kid).unprotect(metadata, frame);
      counters.decrypted.increment();
      return new ReceivedFrame(e.epoch, layout.senderOf(kid), payload, kid,
          SframeHeader.peekCtr(ByteBuffer.wrap(frame)), FrameAuthStatus.UNKNOWN);
    } catch (UnknownKidException gone) {
      throw unknownEpoch(kid);
    }
  }

  /** The receiver of {@code kid} in {@code e}, checked: epoch held, sender in its roster. */
  private SframeReceiver receiverFor(EpochMediaKeys e, long kid) throws MeetingRuleException {
    if (e == null) {
      throw unknownEpoch(kid);
    }
    long senderLeaf = layout.senderOf(kid);
    if (!e.accepts(senderLeaf)) {
      throw new MeetingRuleException(MeetingRule.UNKNOWN_SENDER,
          "leaf " + senderLeaf + " was not a member in epoch " + e.epoch);
    }
    SframeReceiver receiver = e.receiverFor(kid);
    if (receiver == null) {
      throw unknownEpoch(kid);
    }
    return receiver;
  }

  private MeetingRuleException unknownEpoch(long kid) {
    return new MeetingRuleException(MeetingRule.UNKNOWN_EPOCH, "no keys for epoch slot "
        + layout.epochSlotOf(kid) + " of KID 0x" + Long.toHexString(kid));
  }

  /** The keys of {@code slot}, unless erased or past their grace (then erased by the next expire). */
  private EpochMediaKeys usable(MediaKeys k, int slot, long now) {
    EpochMediaKeys e = k.slot(slot);
    return e == null || e.erased() || pastGrace(e, now) ? null : e;
  }

  /** Whether {@code e} was replaced longer than the grace time ago. */
  boolean pastGrace(EpochMediaKeys e, long now) {
    return e.replaced() && now - e.replacedAtNanos() > grace.time().toNanos();
  }
}
