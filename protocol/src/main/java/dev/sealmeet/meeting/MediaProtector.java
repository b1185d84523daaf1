package dev.sealmeet.meeting;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * SFrame keyed by MLS (RFC 9605 §5.2): one member's media plane, its sender and its receivers across
 * epochs.
 *
 * <pre>
 * control plane (one thread at a time)        media threads (any number, never wait on it)
 *   install(epoch n+1) ─► build snapshot ──swap──► keys: epochs by KID slot, send KID, switch time
 *   expire / revoke / stopSending / close          protect(frame)   ─► send KID in force now ─► SFrame
 *                                                  unprotect(frame) ─► KID ─► epoch slot ─► sender
 *                                                      in its roster? ─► that epoch's key ─► AEAD open
 *                                                  receive(frame)   ─► as unprotect, but a frame of the
 *                                                      next epoch is held until install(n+1)
 * </pre>
 *
 * <p>{@code base_key = MLS-Exporter("SFrame 1.0 Base Key", "", AEAD.Nk)} per epoch, the send KID is
 * {@code (own leaf << E) | (epoch mod 2^E)}, and each sender's key comes from {@code
 * derive_key_salt(base_key, KID)} of RFC 9605 §4.4.2. One key per KID, never a second try.
 *
 * <p><b>Threads.</b> {@link #protect}, {@link #unprotect}, {@link #receive}, {@link #drainReleased},
 * {@link #stats} and the getters may run on any threads at once. {@link #install}, {@link #expire},
 * {@link #revoke}, {@link #stopSending} and {@link #close} are the control plane: serialized among
 * themselves, they build a new immutable key snapshot and publish it with one atomic swap; the media
 * calls read the snapshot and never wait for them. A CTR is handed out exactly once per KID, and the
 * replay window accepts each CTR once, under any interleaving. An epoch is erased only after a new
 * snapshot without it was published; a media call still holding the old snapshot either finishes its
 * frame with intact keys or fails with {@link MeetingRule#UNKNOWN_EPOCH}.
 *
 * <p><b>Transitions</b> ({@link MediaTransitions}, RFC 9605 §4.4.1 and §4.4.4). After an install that
 * removes nobody the send KID switches after the send delay; after one that removes members, at
 * once, and their keys of the previous epochs are revoked. {@link #receive} holds frames of the
 * next epoch; {@link #install} decrypts them, and {@link #drainReleased} hands them out. The two
 * constructors without {@code MediaTransitions} switch at once and hold nothing.
 *
 * <p><b>Cost.</b> The {@code ByteBuffer} forms of protect and unprotect allocate nothing in
 * Sealmeet code once each thread has used each KID; the {@code byte[]} forms allocate the output.
 */
public final class MediaProtector implements AutoCloseable {
  /** The MLS exporter label of RFC 9605 §5.2. */
  public static final String EXPORTER_LABEL = "SFrame 1.0 Base Key";

  private final SframeSuite suite;
  private final KidLayout layout;
  private final GracePolicy grace;
  private final MediaTransitions transitions;
  private final long sendDelayNanos;
  private final LongSupplier nanoTime;
  private final SframeOptions options;
  private final SframeSender sender;
  private final AtomicReference<MediaKeys> keys;
  private final MediaCounters counters = new MediaCounters();
  final MediaReceiver receiver; // package: sender authentication classifies released frames
  private final Object control = new Object();

  /**
   * A protector with no epoch yet: it can neither send nor receive until {@link #install}. Switches
   * send keys at once and holds no frames.
   *
   * @param nanoTime the monotonic clock of the grace window ({@code System::nanoTime})
   */
  public MediaProtector(SframeSuite suite, KidLayout layout, GracePolicy grace,
      LongSupplier nanoTime) {
    this(suite, layout, grace, nanoTime, SframeOptions.defaults());
  }

  /**
   * As {@link #MediaProtector(SframeSuite, KidLayout, GracePolicy, LongSupplier)}, with SFrame
   * {@code options} (replay window, JCE provider of the frame AEAD).
   *
   * @throws IllegalArgumentException if the suite is provisional and not allowed by {@code options}
   */
  public MediaProtector(SframeSuite suite, KidLayout layout, GracePolicy grace,
      LongSupplier nanoTime, SframeOptions options) {
    this(suite, layout, grace, MediaTransitions.immediate(), nanoTime, options);
  }

  /**
   * A protector with no epoch yet whose key changes follow {@code transitions}.
   *
   * @param nanoTime the monotonic clock of the grace window, the send delay and the hold time
   * @throws IllegalArgumentException if the suite is provisional and not allowed by {@code options},
   *     or the grace keeps more epochs than the KID's epoch bits tell apart. A send delay longer
   *     than the grace time is cut to the grace time (receivers erase the old keys then)
   */
  public MediaProtector(SframeSuite suite, KidLayout layout, GracePolicy grace,
      MediaTransitions transitions, LongSupplier nanoTime, SframeOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.transitions = Objects.requireNonNull(transitions, "transitions");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    if (grace.epochs() >= layout.epochSlots()) {
      throw new IllegalArgumentException("a grace of " + grace.epochs() + " epochs needs more than "
          + layout.epochBits() + " epoch bits in the KID");
    }
    this.sendDelayNanos = Math.min(transitions.sendDelay().toNanos(), grace.time().toNanos());
    this.sender = new SframeSender(suite, options);
    this.keys = new AtomicReference<>(MediaKeys.empty(layout.epochSlots()));
    this.receiver = new MediaReceiver(layout, grace, transitions, nanoTime, keys, counters);
  }

  /** The SFrame suite. */
  public SframeSuite suite() {
    return suite;
  }

  /** The KID layout. */
  public KidLayout layout() {
    return layout;
  }

  /** How key changes are crossed. */
  public MediaTransitions transitions() {
    return transitions;
  }

  /** {@code AEAD.Nk}: the length of the exported {@code base_key} (RFC 9605 §5.2). */
  public int baseKeyLength() {
    return suite.keyLength();
  }

  /**
   * Control plane. Installs {@code epoch} and switches sending to it at once, removing nobody; see
   * {@link #install(long, Secret, Set, OptionalLong, Set)}.
   */
  public void install(long epoch, Secret baseKey, Set<Long> senders, OptionalLong ownLeaf) {
    install(epoch, baseKey, senders, ownLeaf, Set.of(), true);
  }

  /**
   * Control plane. Makes {@code epoch} the newest one: its frames decrypt from now on, the held
   * frames that waited for it are decrypted for {@link #drainReleased}, and the previous epoch
   * enters its grace. Sending switches to it at once if {@code departed} is not empty or the epoch
   * has a sender the previous one lacked (a joiner holds only the new epoch), else after the send
   * delay (see {@link MediaTransitions}); frames from {@code departed} leaves under earlier epochs
   * are refused from now on ({@link MeetingRule#UNKNOWN_SENDER}). Takes ownership of {@code baseKey} (erased with the epoch).
   * An epoch in the same KID slot is erased (RFC 9605 §5.2: the old epoch goes when a new one with
   * the same low bits comes).
   *
   * @param senders the leaf indices of the epoch's members
   * @param ownLeaf this member's leaf in the epoch, or empty for a receiver that does not send
   * @param departed the leaves the merge that made this epoch removed
   * @throws IllegalArgumentException if {@code epoch} is not newer than the newest one, or the base
   *     key does not have {@code AEAD.Nk} bytes
   * @throws IllegalStateException if the protector is closed
   */
  public void install(long epoch, Secret baseKey, Set<Long> senders, OptionalLong ownLeaf,
      Set<Long> departed) {
    install(epoch, baseKey, senders, ownLeaf, departed, !departed.isEmpty());
  }

  private void install(long epoch, Secret baseKey, Set<Long> senders, OptionalLong ownLeaf,
      Set<Long> departed, boolean switchNow) {
    synchronized (control) {
      MediaKeys k = openKeys();
      if (k.current != null && epoch <= k.current.epoch) {
        baseKey.destroy();
        throw new IllegalArgumentException("epoch " + epoch + " is not after " + k.current.epoch);
      }
      if (baseKey.length() != suite.keyLength()) {
        throw new IllegalArgumentException("base_key must have AEAD.Nk = " + suite.keyLength()
            + " bytes, got " + baseKey.length());
      }
      long now = nanoTime.getAsLong();
      int slot = layout.epochSlot(epoch);
      EpochMediaKeys evicted = k.slot(slot);
      if (k.current != null) {
        k.current.markReplaced(now);
      }
      for (long leaf : senders) { // a joiner holds only the new epoch: switch at once
        switchNow |= k.current == null || !k.current.accepts(leaf);
      }
      EpochMediaKeys next = new EpochMediaKeys(suite, options, epoch, baseKey, senders);
      for (int i = 0; i < k.slotCount(); i++) {
        if (i != slot && k.slot(i) != null && !departed.isEmpty()) {
          k.slot(i).revoke(departed);
        }
      }
      long newKid = ownLeaf.isPresent() ? layout.kid(epoch, ownLeaf.getAsLong()) : -1;
      if (newKid >= 0) {
        sender.removeKey(newKid); // a KID of 2^E epochs ago; its CTR carries on
        sender.addKey(newKid, baseKey);
      }
      MediaKeys n = k.withSlot(slot, next).withCurrent(next);
      long before = k.sendKidAt(now);
      EpochMediaKeys beforeKeys = before < 0 ? null : k.slot(layout.epochSlotOf(before));
      if (switchNow || newKid < 0 || sendDelayNanos == 0 || beforeKeys == null
          || beforeKeys == evicted || epoch - beforeKeys.epoch > grace.epochs()) {
        n = n.sendingNow(newKid, now);
      } else if (k.switchPending(now)) {
        n = n.sending(before, newKid, k.switchAtNanos());
      } else {
        n = n.sending(before, newKid, now + sendDelayNanos);
      }
      keys.set(n);
      removeSendKeysOtherThan(n.sendKidBeforeSwitch(), n.nextSendKid());
      if (evicted != null) {
        evicted.erase();
      }
      expireLocked(now);
      receiver.release(epoch, now);
    }
  }

  private void removeSendKeysOtherThan(long a, long b) {
    sender.removeKeys(kid -> kid != a && kid != b);
  }

  /**
   * Control plane. Stops sending: the send keys are erased, and the newest epoch counts as replaced
   * from now, so its receive keys too are erased after the grace (a removed member, or a member whose
   * meeting moved on without it).
   */
  public void stopSending() {
    synchronized (control) {
      MediaKeys k = keys.get();
      if (k.closed) {
        return;
      }
      long now = nanoTime.getAsLong();
      keys.set(k.sendingNow(-1, now));
      sender.removeKeys(kid -> true);
      if (k.current != null && !k.current.replaced()) {
        k.current.markReplaced(now);
      }
    }
  }

  /**
   * Control plane. The members at {@code leaves} left the group: frames they sent under any replaced
   * epoch still held are refused from now on ({@link MeetingRule#UNKNOWN_SENDER}), also during the
   * grace. The newest epoch is not touched: its leaves are its own members.
   */
  public void revoke(Set<Long> leaves) {
    synchronized (control) {
      MediaKeys k = keys.get();
      for (int i = 0; i < k.slotCount(); i++) {
        EpochMediaKeys e = k.slot(i);
        if (e != null && e != k.current) {
          e.revoke(leaves);
        }
      }
    }
  }

  /** The newest epoch installed, if any. */
  public OptionalLong currentEpoch() {
    MediaKeys k = keys.get();
    return k.current == null || k.closed ? OptionalLong.empty() : OptionalLong.of(k.current.epoch);
  }

  /** Whether a send key is in force now. */
  public boolean canSend() {
    return keys.get().sendKidAt(nanoTime.getAsLong()) >= 0;
  }

  /**
   * The KID frames are sent under now: the previous epoch's during a send delay.
   *
   * @throws IllegalStateException if there is no send key
   */
  public long sendKid() {
    long kid = keys.get().sendKidAt(nanoTime.getAsLong());
    if (kid < 0) {
      throw new IllegalStateException("no send key");
    }
    return kid;
  }

  /**
   * Any thread. Protects one frame under the send key in force now (RFC 9605 §4.4.3) into a new
   * array.
   *
   * @param metadata authenticated, unencrypted data (may be null)
   * @throws IllegalStateException if there is no send key, or the protector is closed
   */
  public byte[] protect(byte[] metadata, byte[] frame) {
    while (true) {
      MediaKeys k = keys.get();
      long kid = sendKidOf(k);
      try {
        byte[] out = sender.protect(kid, metadata, frame);
        counters.protectedFrames.increment();
        return out;
      } catch (IllegalArgumentException removed) {
        retryIfChanged(k, removed);
      }
    }
  }

  /**
   * Any thread. Protects {@code frame[position..limit)} under the send key in force now into
   * {@code dst} (see {@link SframeSender#protect(long, ByteBuffer, ByteBuffer, ByteBuffer)}).
   * Allocates nothing.
   *
   * @return the SFrame length written
   * @throws IllegalArgumentException if {@code dst} has too little room (size it with {@link
   *     SframeHeader#MAX_LENGTH} plus the frame plus the tag)
   * @throws IllegalStateException if there is no send key, or the protector is closed
   */
  public int protect(ByteBuffer metadata, ByteBuffer frame, ByteBuffer dst) {
    while (true) {
      MediaKeys k = keys.get();
      long kid = sendKidOf(k);
      try {
        int length = sender.protect(kid, metadata, frame, dst);
        counters.protectedFrames.increment();
        return length;
      } catch (IllegalArgumentException removed) {
        retryIfChanged(k, removed);
      }
    }
  }

  private long sendKidOf(MediaKeys k) {
    if (k.closed) {
      throw new IllegalStateException("the media protector is closed");
    }
    long kid = k.sendKidAt(nanoTime.getAsLong());
    if (kid < 0) {
      throw new IllegalStateException("no send key");
    }
    return kid;
  }

  /** The send key was removed by a key change since {@code k} was read: retry on the new one. */
  private void retryIfChanged(MediaKeys k, IllegalArgumentException failure) {
    if (keys.get() == k) {
      throw failure;
    }
  }

  /**
   * Any thread. Authenticates and decrypts a frame with the single key its KID names (RFC 9605
   * §5.2); a frame of an epoch not held is refused, never held.
   *
   * @throws DecodeException if the header is malformed
   * @throws MeetingRuleException if the KID names an epoch this member holds no keys for (never
   *     held, past its grace, or erased during this call) or a sender not in that epoch
   * @throws SealmeetException replay and authentication failures from SFrame; nothing changes
   * @throws IllegalStateException if the protector is closed
   */
  public ReceivedFrame unprotect(byte[] metadata, byte[] frame) throws SealmeetException {
    return receiver.unprotect(openKeys(), metadata, frame);
  }

  /**
   * Any thread. As {@link #unprotect(byte[], byte[])} into {@code dst} at its position; allocates
   * nothing on success. The epoch and sender are in the KID ({@link SframeHeader#peekKid}).
   *
   * @return the plaintext length
   * @throws DecodeException if the header is malformed or {@code dst} has too little room
   * @throws SealmeetException as for {@link #unprotect(byte[], byte[])}
   */
  public int unprotect(ByteBuffer metadata, ByteBuffer frame, ByteBuffer dst)
      throws SealmeetException {
    return receiver.unprotect(openKeys(), metadata, frame, dst);
  }

  /**
   * Any thread. As {@link #unprotect(byte[], byte[])}, but a frame whose KID names the next epoch,
   * not installed yet, is held (see {@link MediaTransitions}) and empty is returned: it comes out of
   * {@link #drainReleased} once that epoch is installed, or is dropped and counted.
   *
   * @throws MeetingRuleException {@link MeetingRule#UNKNOWN_EPOCH} also if a hold bound is reached
   * @throws SealmeetException as for {@link #unprotect(byte[], byte[])}
   */
  public Optional<ReceivedFrame> receive(byte[] metadata, byte[] frame) throws SealmeetException {
    return receiver.receive(openKeys(), metadata, frame);
  }

  /**
   * Any thread. The frames held for an epoch and decrypted when it was installed, in arrival order,
   * removed from the queue (at most {@link MediaTransitions#holdTotal()} wait there; beyond, the
   * oldest are dropped and counted).
   */
  public List<ReceivedFrame> drainReleased() {
    return receiver.drainReleased();
  }

  /** Any thread. The media plane's counters now. */
  public MediaStats stats() {
    return counters.snapshot();
  }

  private MediaKeys openKeys() {
    MediaKeys k = keys.get();
    if (k.closed) {
      throw new IllegalStateException("the media protector is closed");
    }
    return k;
  }

  /**
   * Control plane. Completes a send switch whose delay passed (the previous send key is erased),
   * erases the keys of every replaced epoch past its grace, in time or in count, and drops held
   * frames past the hold time.
   */
  public void expire() {
    synchronized (control) {
      if (!keys.get().closed) {
        expireLocked(nanoTime.getAsLong());
      }
    }
  }

  private void expireLocked(long now) {
    MediaKeys k = keys.get();
    if (k.sendKidBeforeSwitch() != k.nextSendKid() && !k.switchPending(now)) {
      k = k.sendingNow(k.nextSendKid(), now);
      keys.set(k);
      removeSendKeysOtherThan(k.nextSendKid(), k.nextSendKid());
    }
    List<EpochMediaKeys> replaced = new ArrayList<>();
    List<EpochMediaKeys> erase = new ArrayList<>();
    for (int i = 0; i < k.slotCount(); i++) {
      EpochMediaKeys e = k.slot(i);
      if (e != null && e.replaced()) {
        (receiver.pastGrace(e, now) ? erase : replaced).add(e);
      }
    }
    replaced.sort((a, b) -> Long.compare(b.epoch, a.epoch));
    erase.addAll(replaced.subList(Math.min(grace.epochs(), replaced.size()), replaced.size()));
    for (EpochMediaKeys e : erase) {
      k = k.withSlot(layout.epochSlot(e.epoch), null);
    }
    if (!erase.isEmpty()) {
      keys.set(k);
      erase.forEach(EpochMediaKeys::erase);
    }
    receiver.expire(now);
  }

  /** The epochs whose receive keys are usable now (held, within their grace), oldest first. */
  public List<Long> heldEpochs() {
    List<Long> out = new ArrayList<>();
    held().forEach(e -> out.add(e.epoch));
    return out;
  }

  /** The epochs held, within their grace, oldest first (a saved meeting keeps them). */
  List<EpochMediaKeys> held() {
    long now = nanoTime.getAsLong();
    return keys.get().liveByEpoch(e -> !receiver.pastGrace(e, now));
  }

  /** Control plane. Erases every key, sending and receiving, and drops held frames. Idempotent. */
  @Override
  public void close() {
    synchronized (control) {
      MediaKeys k = keys.get();
      if (k.closed) {
        return;
      }
      keys.set(k.closedKeys());
      sender.close();
      for (int i = 0; i < k.slotCount(); i++) {
        if (k.slot(i) != null) {
          k.slot(i).erase();
        }
      }
      receiver.clear();
    }
  }

  /** Whether {@link #close()} ran. */
  public boolean isClosed() {
    return keys.get().closed;
  }

  /** Suite, layout and held epochs only. */
  @Override
  public String toString() {
    return "MediaProtector[" + suite + ", E=" + layout.epochBits() + ", epochs "
        + (isClosed() ? "closed" : heldEpochs().toString()) + "]";
  }
}
