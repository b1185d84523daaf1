package dev.sealmeet.meeting;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * SFrame keyed by MLS (RFC 9605 §5.2): one member's media sender and receivers across epochs.
 *
 * <pre>
 * epoch n installed:  base_key = MLS-Exporter("SFrame 1.0 Base Key", "", AEAD.Nk)
 *                     send KID = (own leaf &lt;&lt; E) | (n mod 2^E)
 * protect(frame)  ──► SFrame header(KID, CTR) ‖ AEAD            (keys of the newest epoch only)
 * unprotect(frame) ─► KID ─► epoch slot ─► that epoch's keys ─► sender in its roster? ─► AEAD open
 *                         (one key, never a second try)
 * epoch n+1 installed: epoch n is kept for the grace (time and count), then erased
 * </pre>
 *
 * <p>The label is the one of RFC 9605 §5.2 as published; the per-sender keys come from {@code
 * derive_key_salt(base_key, KID)} of §4.4.2, whose labels include the KID.
 *
 * <p>Not thread-safe: the meeting calls it from one thread, or the application serializes calls.
 */
public final class MediaProtector implements AutoCloseable {
  /** The MLS exporter label of RFC 9605 §5.2. */
  public static final String EXPORTER_LABEL = "SFrame 1.0 Base Key";

  private final SframeSuite suite;
  private final KidLayout layout;
  private final GracePolicy grace;
  private final LongSupplier nanoTime;
  private final EpochMediaKeys[] slots;
  private final SframeSender sender;
  private final SframeOptions options;
  private EpochMediaKeys current;
  private long sendKid = -1;
  private boolean closed;

  /**
   * A protector with no epoch yet: it can neither send nor receive until {@link #install}.
   *
   * @param nanoTime the monotonic clock of the grace window ({@code System::nanoTime})
   */
  public MediaProtector(SframeSuite suite, KidLayout layout, GracePolicy grace,
      LongSupplier nanoTime) {
    this(suite, layout, grace, nanoTime, SframeOptions.defaults());
  }

  /**
   * A protector with no epoch yet whose SFrame sender and receivers use {@code options} (replay
   * window, JCE provider of the frame AEAD).
   *
   * @param nanoTime the monotonic clock of the grace window ({@code System::nanoTime})
   * @throws IllegalArgumentException if the suite is provisional and not allowed by {@code options}
   */
  public MediaProtector(SframeSuite suite, KidLayout layout, GracePolicy grace,
      LongSupplier nanoTime, SframeOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    if (grace.epochs() >= layout.epochSlots()) {
      throw new IllegalArgumentException("a grace of " + grace.epochs() + " epochs needs more than "
          + layout.epochBits() + " epoch bits in the KID");
    }
    this.slots = new EpochMediaKeys[layout.epochSlots()];
    this.sender = new SframeSender(suite, options);
  }

  /** The SFrame suite. */
  public SframeSuite suite() {
    return suite;
  }

  /** The KID layout. */
  public KidLayout layout() {
    return layout;
  }

  /** {@code AEAD.Nk}: the length of the exported {@code base_key} (RFC 9605 §5.2). */
  public int baseKeyLength() {
    return suite.keyLength();
  }

  /**
   * Makes {@code epoch} the current one: frames are sent under it from now on, and the previous
   * epoch enters its grace. Takes ownership of {@code baseKey} (erased with the epoch). An epoch
   * in the same KID slot is erased at once (RFC 9605 §5.2: the old epoch goes when a new one with
   * the same low bits comes).
   *
   * @param senders the leaf indices of the epoch's members
   * @param ownLeaf this member's leaf in the epoch, or empty for a receiver that does not send
   * @throws IllegalArgumentException if {@code epoch} is not newer than the current one
   * @throws IllegalStateException if the protector is closed
   */
  public void install(long epoch, Secret baseKey, Set<Long> senders, OptionalLong ownLeaf) {
    checkOpen();
    if (current != null && epoch <= current.epoch) {
      baseKey.destroy();
      throw new IllegalArgumentException("epoch " + epoch + " is not after " + current.epoch);
    }
    if (baseKey.length() != suite.keyLength()) {
      throw new IllegalArgumentException("base_key must have AEAD.Nk = " + suite.keyLength()
          + " bytes, got " + baseKey.length());
    }
    long now = nanoTime.getAsLong();
    int slot = layout.epochSlot(epoch);
    if (slots[slot] != null) {
      slots[slot].erase();
      slots[slot] = null;
    }
    if (current != null) {
      current.markReplaced(now);
    }
    EpochMediaKeys next = new EpochMediaKeys(suite, options, epoch, baseKey, senders);
    slots[slot] = next;
    current = next;
    if (sendKid >= 0) {
      sender.removeKey(sendKid);
      sendKid = -1;
    }
    if (ownLeaf.isPresent()) {
      sendKid = layout.kid(epoch, ownLeaf.getAsLong());
      sender.addKey(sendKid, baseKey);
    }
    expire();
  }

  /**
   * Stops sending: the send key is erased, and the current epoch counts as replaced from now, so
   * its receive keys too are erased after the grace (a removed member, or a member whose meeting
   * moved on without it: no new epoch will ever replace it in its own view).
   */
  public void stopSending() {
    if (closed) {
      return;
    }
    if (sendKid >= 0) {
      sender.removeKey(sendKid);
      sendKid = -1;
    }
    if (current != null && !current.replaced()) {
      current.markReplaced(nanoTime.getAsLong());
    }
  }

  /**
   * The members at {@code leaves} left the group: frames they sent under any replaced epoch still
   * held are rejected from now on ({@link MeetingRule#UNKNOWN_SENDER}), also during the grace.
   * The current epoch is not touched: its leaves are its own members.
   */
  public void revoke(Set<Long> leaves) {
    if (closed) {
      return;
    }
    for (EpochMediaKeys keys : slots) {
      if (keys != null && keys != current) {
        leaves.forEach(keys::revoke);
      }
    }
  }

  /** The current epoch, if any was installed. */
  public OptionalLong currentEpoch() {
    return current == null || closed ? OptionalLong.empty() : OptionalLong.of(current.epoch);
  }

  /** Whether a send key is installed. */
  public boolean canSend() {
    return sendKid >= 0 && !closed;
  }

  /** The KID frames are sent under now. */
  public long sendKid() {
    if (!canSend()) {
      throw new IllegalStateException("no send key");
    }
    return sendKid;
  }

  /**
   * Protects one frame under the current epoch's key (RFC 9605 §4.4.3). Allocates the output; the
   * hot path of a real encoder uses {@link SframeSender}'s buffer form with {@link #sendKid()}.
   *
   * @param metadata authenticated, unencrypted data (may be null)
   * @throws IllegalStateException if there is no send key
   */
  public byte[] protect(byte[] metadata, byte[] frame) {
    return sender.protect(sendKid(), metadata, frame);
  }

  /**
   * Authenticates and decrypts a frame with the single key its KID names (RFC 9605 §5.2).
   *
   * @throws DecodeException if the header is malformed
   * @throws MeetingRuleException if the KID names an epoch this member holds no keys for (never
   *     held, or erased after its grace) or a sender not in that epoch
   * @throws SealmeetException replay and authentication failures from SFrame; nothing changes
   */
  public ReceivedFrame unprotect(byte[] metadata, byte[] frame) throws SealmeetException {
    checkOpen();
    long kid = SframeHeader.decode(ByteBuffer.wrap(frame)).kid();
    int slot = layout.epochSlotOf(kid);
    EpochMediaKeys keys = slots[slot];
    if (keys != null && pastGrace(keys, nanoTime.getAsLong())) {
      keys.erase();
      slots[slot] = null;
      keys = null;
    }
    if (keys == null) {
      throw new MeetingRuleException(MeetingRule.UNKNOWN_EPOCH,
          "no keys for epoch slot " + slot + " of KID 0x" + Long.toHexString(kid));
    }
    long senderLeaf = layout.senderOf(kid);
    if (!keys.accepts(senderLeaf)) {
      throw new MeetingRuleException(MeetingRule.UNKNOWN_SENDER,
          "leaf " + senderLeaf + " was not a member in epoch " + keys.epoch);
    }
    SframeReceiver receiver = keys.receiverFor(kid);
    return new ReceivedFrame(keys.epoch, senderLeaf, receiver.unprotect(metadata, frame));
  }

  /** Erases the keys of every replaced epoch past its grace, in time or in count. */
  public void expire() {
    if (closed) {
      return;
    }
    long now = nanoTime.getAsLong();
    List<EpochMediaKeys> replaced = new ArrayList<>();
    for (int i = 0; i < slots.length; i++) {
      EpochMediaKeys keys = slots[i];
      if (keys == null || !keys.replaced()) {
        continue;
      }
      if (pastGrace(keys, now)) {
        keys.erase();
        slots[i] = null;
      } else {
        replaced.add(keys);
      }
    }
    replaced.sort((a, b) -> Long.compare(b.epoch, a.epoch));
    for (int i = grace.epochs(); i < replaced.size(); i++) {
      EpochMediaKeys keys = replaced.get(i);
      keys.erase();
      slots[layout.epochSlot(keys.epoch)] = null;
    }
  }

  private boolean pastGrace(EpochMediaKeys keys, long now) {
    return keys.replaced() && now - keys.replacedAtNanos() > grace.time().toNanos();
  }

  /** The epochs whose receive keys are held now, oldest first. */
  public List<Long> heldEpochs() {
    List<Long> out = new ArrayList<>();
    for (EpochMediaKeys keys : slots) {
      if (keys != null && !keys.erased()) {
        out.add(keys.epoch);
      }
    }
    out.sort(Long::compare);
    return out;
  }

  /** Erases every key, sending and receiving. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    sender.close();
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != null) {
        slots[i].erase();
        slots[i] = null;
      }
    }
    current = null;
    sendKid = -1;
    closed = true;
  }

  /** Whether {@link #close()} ran. */
  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the media protector is closed");
    }
  }

  /** Suite, layout and held epochs only. */
  @Override
  public String toString() {
    return "MediaProtector[" + suite + ", E=" + layout.epochBits() + ", epochs "
        + (closed ? "closed" : heldEpochs().toString()) + "]";
  }
}
