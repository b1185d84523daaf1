package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.auth.ForgeryReason;
import dev.sealmeet.sframe.auth.FrameAuthListener;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import dev.sealmeet.sframe.auth.TagSignatureFrame;
import dev.sealmeet.sframe.auth.TagSigner;
import dev.sealmeet.sframe.auth.TagVerifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Sender authentication on a meeting's media plane (spec §2.7): each frame this member sends is
 * recorded and signed with its leaf signature key, and each frame it receives is classified
 * PENDING, VERIFIED or FORGED against the claimed sender's leaf key.
 *
 * <pre>
 * send:    protect(stream, frame[, dst]) ─► MediaProtector.protect ─► TagSigner.record ─► SFrame
 *          signatureFrames()         ─► TagSigner.takeDue ─► MediaProtector.protect(metadata label)
 * receive: unprotect(sframe[, dst])  ─► MediaProtector.unprotect ─► TagVerifier.onFrame ─► status
 *          unprotectSignature(sf)    ─► MediaProtector.unprotect(metadata label) ─► TagVerifier
 * control: maintain()                ─► leaf keys of the new epoch ─► expire ─► listener.frameForged
 * </pre>
 *
 * <p><b>In a meeting that requires it</b> (its group carries {@code
 * sealmeet_sender_authentication}, the default of {@link MeetingOptions#senderAuthentication()}),
 * the meeting holds one instance,
 * {@link Meeting#senderAuthentication()}, and drives it: {@link Meeting#send} protects through it
 * and submits the signature frames due, {@link Meeting#poll} and {@link Meeting#process} send the
 * signature frames due on the timer, apply those received, classify every media frame ({@link
 * ReceivedFrame#authStatus()}), read the leaf keys of each new epoch as its media keys are
 * installed, and call {@link #maintain}. An application that routes media outside the delivery
 * service (through an SFU) protects its frames with {@link #protect}, so that they are signed, and
 * unprotects with {@link #unprotect}; the signature frames due go through the delivery service at
 * the next {@link Meeting#poll}, unless it takes them first with {@link #signatureFrames} and
 * routes them itself (to {@link #unprotectSignature} at the receivers).
 *
 * <p><b>In a meeting that does not</b>, {@link #attach} gives an application-driven instance: it
 * routes signature frames apart from media (they decrypt only with the signature metadata), calls
 * {@link #signatureFrames} after sending and on a timer of at most {@link
 * SenderAuthParams#maxDelay()}, and {@link #maintain} on the meeting's control thread after each
 * {@link Meeting#poll} (the leaf keys of a new epoch are read there) and at least every {@code
 * deadline / 4}.
 *
 * <p><b>Threads.</b> {@link #protect}, {@link #unprotect}, {@link #unprotectSignature}, {@link
 * #signatureFrames} and {@link #status} may run on any thread and never wait for the control plane;
 * {@link #maintain} is the control plane's. Forgeries found on media threads wait in a bounded
 * queue ({@value #MAX_QUEUED}; beyond, they are counted in {@link #forgeriesDropped}) until {@link
 * #maintain} tells the meeting's listener.
 */
public final class SenderAuthentication {
  /** Forgery reports waiting for {@link #maintain} at most. */
  public static final int MAX_QUEUED = 1024;

  private final Meeting meeting;
  private final KidLayout layout;
  private final int tagLength;
  private final TagSigner signer;
  private final TagVerifier verifier;
  /** Per epoch slot: the epoch and the signature key of each leaf, read on the control thread. */
  private final AtomicReferenceArray<EpochLeafKeys> leafKeys;
  private final ConcurrentLinkedQueue<ForgedFrame> forged = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  private record EpochLeafKeys(long epoch, Map<Long, byte[]> keys) {}

  private SenderAuthentication(Meeting meeting, SenderAuthParams params) {
    this.meeting = meeting;
    this.layout = meeting.media.layout(); // the group's (spec §2.1), not this client's options
    this.leafKeys = new AtomicReferenceArray<>(layout.epochSlots());
    MlsSuite suite = meeting.client.suite();
    SigningIdentity identity = meeting.client.identity();
    this.tagLength = meeting.media.suite().tagLength();
    byte[] groupId = meeting.group.groupId();
    this.signer = new TagSigner(params, tagLength, groupId,
        tbs -> identity.signWithLabel(suite, TagSignatureFrame.LABEL, tbs),
        meeting.client.options().nanoTime()); // a KID taken over after a restart: a gap
    this.verifier = new TagVerifier(params, tagLength, groupId,
        (kid, tbs, signature) -> {
          byte[] key = leafKey(kid);
          return key != null
              && suite.verifyWithLabel(key, TagSignatureFrame.LABEL, tbs, signature);
        },
        layout::senderOf, new Reports(), meeting.client.options().nanoTime());
    readLeafKeys();
  }

  /**
   * Control thread. Sender authentication for {@code meeting}'s media sent and received through
   * the returned object: the meeting's own ({@link Meeting#senderAuthentication()}, with the
   * group's parameters, {@code params} unused) if its group requires it; else a new instance with
   * {@code params} that the application drives (media through {@link Meeting#media()} directly,
   * {@link Meeting#send} and {@link Meeting#poll} stay unauthenticated then).
   */
  public static SenderAuthentication attach(Meeting meeting, SenderAuthParams params) {
    return meeting.senderAuthentication()
        .orElseGet(() -> new SenderAuthentication(meeting, params));
  }

  /**
   * The meeting's own instance, with the group's parameters {@code params}: held frames of a new
   * epoch are classified as they are released.
   */
  static SenderAuthentication required(Meeting meeting, SenderAuthParams params) {
    SenderAuthentication auth = new SenderAuthentication(meeting, params);
    meeting.media.receiver.classifyReleased(auth::classify);
    return auth;
  }

  /**
   * Any thread. Protects a frame as {@link MediaProtector#protect(byte[], byte[])} does (empty
   * metadata) and records its tag on {@code stream}.
   *
   * @param stream the stream id, a uint32: one per track and per SVC or simulcast layer
   * @throws IllegalStateException if there is no send key
   */
  public byte[] protect(long stream, byte[] frame) {
    signer.openStream(stream); // a stream that cannot be recorded fails before a CTR is used
    byte[] sframe = meeting.media.protect(null, frame);
    try {
      signer.record(stream, sframe);
    } catch (DecodeException ours) {
      throw new dev.sealmeet.error.SealmeetBugException("own SFrame unreadable", ours);
    }
    return sframe;
  }

  /**
   * Any thread. Protects {@code frame[position, limit)} (heap or direct) into {@code dst} at its
   * position, as {@link MediaProtector#protect(ByteBuffer, ByteBuffer, ByteBuffer)} does (empty
   * metadata), and records its tag on {@code stream}, reading the tag from {@code dst} in place.
   * Allocates nothing once {@code stream} has been seen, apart from one statement per {@code N}
   * frames (as {@link TagSigner#record}). Consumes {@code frame} and advances {@code dst} by the
   * SFrame length.
   *
   * @param stream the stream id, a uint32: one per track and per SVC or simulcast layer
   * @return the SFrame length written
   * @throws IllegalArgumentException if {@code stream} is not a uint32, or {@code dst} has too
   *     little room (size it with {@link dev.sealmeet.sframe.SframeHeader#MAX_LENGTH} plus the
   *     frame plus the tag); nothing is consumed, no CTR is used, nothing is recorded
   * @throws IllegalStateException if {@code stream} would be one beyond {@link
   *     TagSigner#MAX_STREAMS} (checked before protecting: nothing changes), or there is no send
   *     key
   */
  public int protect(long stream, ByteBuffer frame, ByteBuffer dst) {
    signer.openStream(stream);
    int from = dst.position();
    int length = meeting.media.protect(null, frame, dst);
    try {
      signer.record(stream, dst, from, from + length);
    } catch (DecodeException ours) {
      throw new dev.sealmeet.error.SealmeetBugException("own SFrame unreadable", ours);
    }
    return length;
  }

  /**
   * Any thread. The signature frames due now, SFrame-protected under this member's send KID with the
   * signature metadata; empty if none is due or there is no send key.
   */
  public List<byte[]> signatureFrames() {
    if (!signer.due() || !meeting.media.canSend()) {
      return List.of();
    }
    List<byte[]> out = new ArrayList<>();
    for (byte[] payload : signer.takeDue()) {
      out.add(meeting.media.protect(TagSignatureFrame.METADATA, payload));
    }
    return out;
  }

  /**
   * Any thread. Decrypts a media frame as {@link MediaProtector#unprotect(byte[], byte[])} does
   * and classifies it.
   *
   * @throws SealmeetException as {@link MediaProtector#unprotect(byte[], byte[])}; nothing is
   *     recorded for a frame that fails
   */
  public AuthenticatedFrame unprotect(byte[] sframe) throws SealmeetException {
    ReceivedFrame frame = meeting.media.unprotect(null, sframe);
    ByteBuffer b = ByteBuffer.wrap(sframe);
    FrameAuthStatus status = verifier.onFrame(b);
    return new AuthenticatedFrame(frame, SframeHeader.peekKid(b), SframeHeader.peekCtr(b), status);
  }

  /**
   * Any thread. Decrypts the media frame {@code sframe[position, limit)} (heap or direct) into
   * {@code dst} at its position, as {@link MediaProtector#unprotect(ByteBuffer, ByteBuffer,
   * ByteBuffer)} does (empty metadata), and classifies it, reading its tag in place. Allocates
   * nothing once its KID is tracked.
   *
   * <p>The answer is the status alone, an enum, so that the call needs neither an allocated
   * result nor a holder the caller must confine to one thread: the plaintext length is what
   * {@code dst}'s position advanced by, and the KID and CTR (to ask {@link #status} later) are in
   * the frame's header, which {@link dev.sealmeet.sframe.SframeHeader#peekKid(ByteBuffer)} and
   * {@code peekCtr} read without allocating, before this call (it consumes the frame).
   *
   * @return the frame's status on arrival, usually {@link FrameAuthStatus#PENDING}
   * @throws SealmeetException as {@link MediaProtector#unprotect(ByteBuffer, ByteBuffer,
   *     ByteBuffer)}; the frame, {@code dst} and every state are left as they were, and nothing is
   *     recorded
   */
  public FrameAuthStatus unprotect(ByteBuffer sframe, ByteBuffer dst) throws SealmeetException {
    int from = sframe.position();
    int to = sframe.limit();
    meeting.media.unprotect(null, sframe, dst);
    try {
      return verifier.onFrame(sframe, from, to);
    } catch (DecodeException impossible) { // it authenticated: header and tag are there
      throw new dev.sealmeet.error.SealmeetBugException("authenticated SFrame unreadable",
          impossible);
    }
  }

  /**
   * Any thread. Decrypts a signature frame and applies it (spec §2.7).
   *
   * @throws SealmeetException as {@link MediaProtector#unprotect(byte[], byte[])} (a media frame
   *     given here fails authentication), or as {@link TagVerifier#onSignatureFrame}; a rejected
   *     frame changes no status
   * @throws MeetingRuleException {@link MeetingRule#UNKNOWN_EPOCH} if the frames it covers are of
   *     an epoch whose leaf keys this member never read (before it joined or resumed): it received
   *     none of them, and the signature cannot be checked
   */
  public void unprotectSignature(byte[] sframe) throws SealmeetException {
    ReceivedFrame payload = meeting.media.unprotect(TagSignatureFrame.METADATA, sframe);
    long covered = TagSignatureFrame.decode(payload.payload(), tagLength).kid();
    if (leafKey(covered) == null) {
      throw new MeetingRuleException(MeetingRule.UNKNOWN_EPOCH, "a signature frame covering KID 0x"
          + Long.toHexString(covered) + ", of an epoch whose leaf keys this member does not hold");
    }
    verifier.onSignatureFrame(SframeHeader.peekKid(ByteBuffer.wrap(sframe)), payload.payload());
  }

  /**
   * Any thread. Decrypts a media frame as {@link MediaProtector#receive} does and classifies it
   * ({@link ReceivedFrame#authStatus()}, KID and CTR): a frame of the next epoch is held, and
   * classified when the meeting installs that epoch (for the meeting's own instance, {@link
   * Meeting#senderAuthentication()}); it comes out of {@link Meeting#poll} or {@code
   * media().drainReleased()}.
   *
   * @throws SealmeetException as {@link MediaProtector#receive}; nothing is recorded for a frame
   *     that fails
   */
  public Optional<ReceivedFrame> receive(byte[] sframe) throws SealmeetException {
    Optional<ReceivedFrame> frame = meeting.media.receive(null, sframe);
    return frame.isEmpty() ? frame : Optional.of(classify(sframe, frame.get()));
  }

  /** Records {@code frame}, which decrypted from {@code sframe}, and gives it its status. */
  ReceivedFrame classify(byte[] sframe, ReceivedFrame frame) throws DecodeException {
    return frame.withAuthStatus(verifier.onFrame(sframe));
  }

  /**
   * Control thread. Reads the leaf signature keys of the epoch just installed, before any frame of
   * it is processed ([SM-AUTH-10]).
   */
  void epochInstalled() {
    readLeafKeys();
  }

  /** Any thread. The status of the frame received under {@code kid} at {@code ctr}. */
  public FrameAuthStatus status(long kid, long ctr) {
    return verifier.status(kid, ctr);
  }

  /**
   * Control thread. Reads the leaf keys of a new epoch, reports frames pending past the deadline,
   * stops tracking the KIDs of epochs whose keys the media plane erased, and tells the meeting's
   * listener of every forgery found since the last call.
   */
  public void maintain() {
    readLeafKeys();
    EpochLeafKeys current = leafKeys.get(layout.epochSlot(meeting.group.epoch()));
    verifier.sendersGone(kid -> !current.keys().containsKey(layout.senderOf(kid)));
    verifier.expire();
    java.util.Set<Integer> heldSlots = new java.util.HashSet<>();
    for (long epoch : meeting.media.heldEpochs()) {
      heldSlots.add(layout.epochSlot(epoch));
    }
    verifier.forget(kid -> !heldSlots.contains(layout.epochSlotOf(kid))); // their keys are gone
    MeetingListener listener = meeting.client.options().runtime().listener();
    for (ForgedFrame f = forged.poll(); f != null; f = forged.poll()) {
      queued.decrementAndGet();
      ForgedFrame report = f;
      MeetingEvents.tell(listener, meeting.client.options().runtime().log(), null,
          l -> l.frameForged(meeting, report));
    }
  }

  /** Forgery reports dropped because {@value #MAX_QUEUED} were waiting for {@link #maintain}. */
  public int forgeriesDropped() {
    return dropped.get();
  }

  private void readLeafKeys() {
    long epoch = meeting.group.epoch();
    int slot = layout.epochSlot(epoch);
    EpochLeafKeys held = leafKeys.get(slot);
    if (held != null && held.epoch() == epoch) {
      return;
    }
    Map<Long, byte[]> keys = new HashMap<>();
    var tree = meeting.group.ratchetTree();
    for (long leaf = 0; leaf < tree.leafCount(); leaf++) {
      Optional<LeafNode> node = tree.leaf(leaf);
      if (node.isPresent()) {
        keys.put(leaf, node.get().signatureKey());
      }
    }
    leafKeys.set(slot, new EpochLeafKeys(epoch, Map.copyOf(keys)));
  }

  private byte[] leafKey(long kid) {
    EpochLeafKeys e = leafKeys.get(layout.epochSlotOf(kid));
    return e == null ? null : e.keys().get(layout.senderOf(kid));
  }

  /** Queues forgeries for {@link #maintain}; verified frames need no report. */
  private final class Reports implements FrameAuthListener {
    @Override
    public void forged(long kid, long ctr, ForgeryReason reason) {
      if (queued.incrementAndGet() > MAX_QUEUED) {
        queued.decrementAndGet();
        dropped.incrementAndGet();
        return;
      }
      forged.add(new ForgedFrame(kid, ctr, layout.senderOf(kid), reason));
    }
  }

  /** The KID layout and the queue's length only. */
  @Override
  public String toString() {
    return "SenderAuthentication[E=" + layout.epochBits() + ", " + queued.get() + " queued]";
  }
}
