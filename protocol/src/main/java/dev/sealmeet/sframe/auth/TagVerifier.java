package dev.sealmeet.sframe.auth;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.sframe.SframeHeader;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The receiver's half of sender authentication (spec §2.7): keeps the tags of recent frames per
 * KID, applies verified signature frames, and classifies each frame PENDING, VERIFIED or FORGED.
 *
 * <pre>
 * media thread:   frame authenticated by SFrame ─► onFrame ─► tag kept (KID, CTR) ─► PENDING
 *                                                        or settled at once by a tag signed before
 * any thread:     signature frame decrypted ─► onSignatureFrame ─► decode ─► same leaf? ─► copy of
 *                     one applied? ─► verify with the leaf's key ─► each (CTR, tag): VERIFIED or
 *                     FORGED (TAG_MISMATCH), or kept for a frame still to come
 * control thread: expire ─► PENDING past the deadline ─► FORGED (UNSIGNED)
 * </pre>
 *
 * <p><b>Threads and cost.</b> Every method may run on any thread. {@link #onFrame} copies {@code Nt}
 * bytes and allocates nothing once its KID is known; it locks only that KID's ring, which a
 * signature frame holds for the time of applying up to {@value TagSignatureFrame#MAX_ENTRIES}
 * entries (verification runs outside every lock). Memory is bounded: {@value #MAX_KIDS} KIDs of
 * {@link SenderAuthParams#framesKept()} frames each.
 */
public final class TagVerifier {
  /** The KIDs tracked at most; a new one past this bound evicts the oldest KID tracked. */
  public static final int MAX_KIDS = 512;

  private final SenderAuthParams params;
  private final int tagLength;
  private final byte[] context;
  private final TagSignatureCheck check;
  private final LongUnaryOperator leafOf;
  private final FrameAuthListener listener;
  private final LongSupplier nanoTime;
  private volatile KidTags[] kids = new KidTags[0];

  /**
   * A verifier with nothing tracked.
   *
   * @param tagLength {@code Nt} of the SFrame suite
   * @param context the bytes every signature is bound to (the MLS {@code group_id}); copied
   * @param check verifies a signature with the key of the leaf a KID names
   * @param leafOf the sender leaf a KID names (the KID layout's, spec §2.3)
   * @param listener told of every forged and verified frame
   * @param nanoTime the monotonic clock of the deadline
   */
  public TagVerifier(SenderAuthParams params, int tagLength, byte[] context,
      TagSignatureCheck check, LongUnaryOperator leafOf, FrameAuthListener listener,
      LongSupplier nanoTime) {
    this.params = Objects.requireNonNull(params, "params");
    if (tagLength < 1) {
      throw new IllegalArgumentException("tagLength must be positive");
    }
    this.tagLength = tagLength;
    this.context = context.clone();
    this.check = Objects.requireNonNull(check, "check");
    this.leafOf = Objects.requireNonNull(leafOf, "leafOf");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Media thread. Records a protected frame, from its position to its limit, that SFrame has
   * authenticated and decrypted (never one that failed: its tag proves nothing).
   *
   * @return its status now: PENDING, or settled by a statement that came first
   * @throws DecodeException if the SFrame header is malformed or the frame is shorter than a tag
   */
  public FrameAuthStatus onFrame(ByteBuffer protectedFrame) throws DecodeException {
    return onFrame(protectedFrame, protectedFrame.position(), protectedFrame.limit());
  }

  /**
   * Media thread. As {@link #onFrame(ByteBuffer)} for the protected frame {@code buffer[from,
   * to)}, heap or direct: the buffer's cursors are neither read nor moved, and only the header and
   * the {@code Nt} tag bytes are read (no copy of the frame).
   *
   * @return its status now: PENDING, or settled by a statement that came first
   * @throws DecodeException if the SFrame header is malformed or the frame is shorter than a tag;
   *     nothing is recorded
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within the buffer's limit
   */
  public FrameAuthStatus onFrame(ByteBuffer buffer, int from, int to) throws DecodeException {
    long kid = SframeHeader.peekKid(buffer, from, to);
    long ctr = SframeHeader.peekCtr(buffer, from, to);
    int tagIndex = FrameTag.index(buffer, from, to, tagLength);
    KidTags k = tagsOf(kid);
    synchronized (k) {
      return k.onFrame(ctr, buffer, tagIndex, nanoTime.getAsLong(), listener);
    }
  }

  /** As {@link #onFrame(ByteBuffer)} for a whole array. */
  public FrameAuthStatus onFrame(byte[] protectedFrame) throws DecodeException {
    return onFrame(ByteBuffer.wrap(protectedFrame));
  }

  /**
   * Applies a signature frame that SFrame authenticated under {@code carrierKid} with the metadata
   * {@link TagSignatureFrame#METADATA}. A rejected frame changes nothing; a copy of one applied
   * before changes nothing either ([SM-AUTH-5]).
   *
   * @throws DecodeException if the plaintext is malformed ([SM-AUTH-1])
   * @throws ProtocolException if the carrier's leaf is not the covered KID's ([SM-AUTH-3])
   * @throws AuthenticationException if the signature does not verify with the key of the covered
   *     KID's leaf ([SM-AUTH-2])
   */
  public void onSignatureFrame(long carrierKid, byte[] payload)
      throws DecodeException, ProtocolException, AuthenticationException {
    TagSignatureFrame statement = TagSignatureFrame.decode(payload, tagLength);
    if (leafOf.applyAsLong(carrierKid) != leafOf.applyAsLong(statement.kid())) {
      throw new ProtocolException("sealmeet §2.7", "signature frame for KID 0x"
          + Long.toHexString(statement.kid()) + " carried under another leaf's KID 0x"
          + Long.toHexString(carrierKid));
    }
    KidTags known = find(statement.kid()); // nothing is added before the signature verified
    if (known != null) {
      synchronized (known) {
        if (known.applied(statement)) {
          return;
        }
      }
    }
    if (!check.verify(statement.kid(), statement.toBeSigned(context), statement.signature())) {
      throw new AuthenticationException("tag signature of KID 0x"
          + Long.toHexString(statement.kid()) + " does not verify (label \""
          + TagSignatureFrame.LABEL + "\")");
    }
    KidTags k = tagsOf(statement.kid());
    synchronized (k) {
      for (int i = 0; i < statement.count(); i++) {
        k.onSigned(statement, i, listener);
      }
      k.onStatement(statement.seq());
      k.remember(statement);
    }
  }

  /** The status of the frame under {@code kid} at {@code ctr}. */
  public FrameAuthStatus status(long kid, long ctr) {
    KidTags k = find(kid);
    if (k == null) {
      return FrameAuthStatus.UNKNOWN;
    }
    synchronized (k) {
      return k.status(ctr);
    }
  }

  /** Control thread. Reports every frame pending for longer than the deadline as forged. */
  public void expire() {
    long now = nanoTime.getAsLong();
    long deadline = params.deadline().toNanos();
    for (KidTags k : kids) {
      synchronized (k) {
        k.expire(now, deadline, listener);
      }
    }
  }

  /**
   * Control thread. Stops tracking the KIDs {@code gone} accepts (their epoch's keys were erased)
   * once none of their frames is younger than the deadline: a statement of an old KID may still
   * come, carried under its sender's new KID. Their frames still pending are then settled as for
   * the deadline.
   */
  public synchronized void forget(LongPredicate gone) {
    KidTags[] now = kids;
    long time = nanoTime.getAsLong();
    long deadline = params.deadline().toNanos();
    int kept = 0;
    KidTags[] next = new KidTags[now.length];
    for (KidTags k : now) {
      boolean drop;
      synchronized (k) {
        drop = gone.test(k.kid) && !k.pendingSince(time, deadline);
        if (drop) {
          k.clear(listener);
        }
      }
      if (!drop) {
        next[kept++] = k;
      }
    }
    kids = java.util.Arrays.copyOf(next, kept);
  }

  /**
   * Control thread. Marks the KIDs whose sender left the group ({@code gone} accepts them): their
   * frames no statement lists by the deadline end UNVERIFIED, not FORGED (spec §2.7), since their
   * sender can no longer sign them.
   */
  public void sendersGone(LongPredicate gone) {
    for (KidTags k : kids) {
      if (gone.test(k.kid)) {
        synchronized (k) {
          k.senderGone();
        }
      }
    }
  }

  /** The KIDs tracked now. */
  public int trackedKids() {
    return kids.length;
  }

  private KidTags tagsOf(long kid) {
    KidTags k = find(kid);
    return k != null ? k : add(kid);
  }

  private KidTags find(long kid) {
    for (KidTags k : kids) {
      if (k.kid == kid) {
        return k;
      }
    }
    return null;
  }

  private synchronized KidTags add(long kid) {
    KidTags[] now = kids;
    for (KidTags k : now) {
      if (k.kid == kid) {
        return k;
      }
    }
    KidTags fresh = new KidTags(kid, params.framesKept(), tagLength);
    KidTags[] next;
    if (now.length < MAX_KIDS) {
      next = java.util.Arrays.copyOf(now, now.length + 1);
    } else {
      synchronized (now[0]) {
        now[0].clear(listener);
      }
      next = java.util.Arrays.copyOfRange(now, 1, now.length + 1);
    }
    next[next.length - 1] = fresh;
    kids = next;
    return fresh;
  }

  /** The parameters and the number of KIDs tracked. */
  @Override
  public String toString() {
    return "TagVerifier[" + params + ", " + kids.length + " KIDs]";
  }
}
