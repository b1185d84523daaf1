package dev.sealmeet.sframe.auth;

import java.nio.ByteBuffer;

/**
 * The frames and signed tags a receiver keeps for one KID (spec §2.7): two rings of {@code C}
 * slots in arrival order, allocated once, looked up by CTR. Arrival order, not {@code CTR mod C},
 * so a forger's far-away CTRs cannot push honest frames out: only {@code C} newer arrivals do. Every
 * method runs under this object's lock, taken by {@link TagVerifier}.
 */
final class KidTags {
  private static final byte EMPTY = 0;
  private static final byte PENDING = 1;
  private static final byte VERIFIED = 2;
  private static final byte FORGED = 3;
  private static final byte UNVERIFIED = 4;
  /** Statement numbers a receiver tells apart below the highest it verified. */
  static final int SEQ_WINDOW = 256;
  /**
   * How far below the highest statement number seen when a frame arrived its own statement may be
   * (statements reordered ahead of the frame they list).
   */
  static final int SEQ_SLACK = 8;
  /** Signature frames remembered per KID, so a copy is applied without a second verification. */
  static final int STATEMENTS_KEPT = 8;

  final long kid;
  private final int capacity;
  private final int tagLength;
  // Frames received, oldest overwritten first.
  private final long[] frameCtrs;
  private final long[] arrivedAt;
  /** The highest statement number verified when each frame arrived, -1 if none. */
  private final long[] seqAtArrival;
  private final byte[] states;
  private final byte[] frameTags;
  private int nextFrame;
  // Signed tags of CTRs not received (yet), oldest overwritten first.
  private final long[] signedCtrs;
  private final boolean[] signedUsed;
  private final byte[] signedTags;
  private int nextSigned;
  private final TagSignatureFrame[] statements = new TagSignatureFrame[STATEMENTS_KEPT];
  private int nextStatement;
  // Statement numbers verified: the first, the highest, and which of the SEQ_WINDOW below it.
  private long firstSeq = -1;
  private long maxSeq = -1;
  private final long[] seqSeen = new long[SEQ_WINDOW / 64];
  /** The KID's sender left the group: it can sign nothing more. */
  private boolean senderGone;

  KidTags(long kid, int capacity, int tagLength) {
    this.kid = kid;
    this.capacity = capacity;
    this.tagLength = tagLength;
    this.frameCtrs = new long[capacity];
    this.arrivedAt = new long[capacity];
    this.seqAtArrival = new long[capacity];
    this.states = new byte[capacity];
    this.frameTags = new byte[capacity * tagLength];
    this.signedCtrs = new long[capacity];
    this.signedUsed = new boolean[capacity];
    this.signedTags = new byte[capacity * tagLength];
  }

  /** Records a frame that authenticated under SFrame; settles it if its tag was signed before. */
  FrameAuthStatus onFrame(long ctr, ByteBuffer frame, int tagIndex, long now,
      FrameAuthListener listener) {
    int f = findFrame(ctr);
    if (f >= 0) {
      return status(states[f]); // the same CTR again (SFrame's replay window lets none through)
    }
    f = nextFrame;
    nextFrame = (nextFrame + 1) % capacity;
    if (states[f] == PENDING) {
      giveUp(f, listener); // pushed out unsigned
    }
    frameCtrs[f] = ctr;
    arrivedAt[f] = now;
    seqAtArrival[f] = maxSeq;
    states[f] = PENDING;
    FrameTag.copy(frame, tagIndex, frameTags, f * tagLength, tagLength);
    int s = findSigned(ctr);
    if (s < 0) {
      return FrameAuthStatus.PENDING;
    }
    signedUsed[s] = false;
    return settle(f, signedTags, s * tagLength, listener);
  }

  /** Applies entry {@code i} of a verified statement. */
  void onSigned(TagSignatureFrame statement, int i, FrameAuthListener listener) {
    long ctr = statement.ctr(i);
    int f = findFrame(ctr);
    if (f >= 0) {
      if (states[f] == PENDING) {
        settle(f, statement.tagsView(), i * tagLength, listener);
      }
      return; // VERIFIED and FORGED never change
    }
    if (findSigned(ctr) >= 0) {
      return; // the first statement stands
    }
    int s = nextSigned;
    nextSigned = (nextSigned + 1) % capacity;
    signedCtrs[s] = ctr;
    signedUsed[s] = true;
    statement.copyTag(i, signedTags, s * tagLength);
  }

  private FrameAuthStatus settle(int f, byte[] signed, int signedAt, FrameAuthListener listener) {
    int diff = 0;
    int at = f * tagLength;
    for (int j = 0; j < tagLength; j++) {
      diff |= frameTags[at + j] ^ signed[signedAt + j];
    }
    if (diff == 0) {
      states[f] = VERIFIED;
      listener.verified(kid, frameCtrs[f]);
      return FrameAuthStatus.VERIFIED;
    }
    states[f] = FORGED;
    listener.forged(kid, frameCtrs[f], ForgeryReason.TAG_MISMATCH);
    return FrameAuthStatus.FORGED;
  }

  private int findFrame(long ctr) {
    for (int i = 0; i < capacity; i++) {
      if (frameCtrs[i] == ctr && states[i] != EMPTY) {
        return i;
      }
    }
    return -1;
  }

  private int findSigned(long ctr) {
    for (int i = 0; i < capacity; i++) {
      if (signedCtrs[i] == ctr && signedUsed[i]) {
        return i;
      }
    }
    return -1;
  }

  /** Reports pending frames that arrived more than {@code deadlineNanos} before {@code now}. */
  void expire(long now, long deadlineNanos, FrameAuthListener listener) {
    for (int f = 0; f < capacity; f++) {
      if (states[f] == PENDING && now - arrivedAt[f] > deadlineNanos) {
        giveUp(f, listener);
      }
    }
  }

  /** Whether a frame that arrived at {@code now - ageNanos} or later is still pending. */
  boolean pendingSince(long now, long ageNanos) {
    for (int f = 0; f < capacity; f++) {
      if (states[f] == PENDING && now - arrivedAt[f] <= ageNanos) {
        return true;
      }
    }
    return false;
  }

  /**
   * Settles a pending frame no statement listed in time (spec §2.7): UNVERIFIED if a statement of
   * this KID that may have listed it is known lost, or its sender left the group before it could
   * sign, else FORGED ({@code UNSIGNED}).
   */
  private void giveUp(int f, FrameAuthListener listener) {
    if (senderGone || lossKnown(seqAtArrival[f])) {
      states[f] = UNVERIFIED;
      listener.unverified(kid, frameCtrs[f]);
    } else {
      states[f] = FORGED;
      listener.forged(kid, frameCtrs[f], ForgeryReason.UNSIGNED);
    }
  }

  /** The KID's sender left the group; its frames no statement lists end UNVERIFIED. */
  void senderGone() {
    senderGone = true;
  }

  /** Records the number of a statement verified and applied under this KID. */
  void onStatement(long seq) {
    if (firstSeq < 0 || seq < firstSeq) {
      firstSeq = seq;
    }
    if (seq > maxSeq) {
      for (long s = Math.max(maxSeq + 1, seq - SEQ_WINDOW + 1); s < seq; s++) {
        seqSeen[(int) (s % SEQ_WINDOW) >>> 6] &= ~(1L << (s & 63)); // not seen (yet)
      }
      maxSeq = seq;
    } else if (seq <= maxSeq - SEQ_WINDOW) {
      return; // too old to tell apart
    }
    seqSeen[(int) (seq % SEQ_WINDOW) >>> 6] |= 1L << (seq & 63);
  }

  /**
   * Whether a statement numbered from a little below {@code seenAtArrival} (the highest number
   * verified when the frame arrived; -1 if none) up to the highest verified now is missing: the
   * one that listed the frame may be among them. Numbers before the first statement this receiver
   * verified count only within {@link #SEQ_SLACK} of it (a receiver that joined late never saw
   * them).
   */
  private boolean lossKnown(long seenAtArrival) {
    if (firstSeq < 0) {
      return false;
    }
    long from = seenAtArrival >= 0
        ? Math.max(seenAtArrival - SEQ_SLACK, firstSeq)
        : Math.max(firstSeq - SEQ_SLACK, 0);
    from = Math.max(from, maxSeq - SEQ_WINDOW + 1);
    for (long s = from; s < maxSeq; s++) {
      if (s < firstSeq || (seqSeen[(int) (s % SEQ_WINDOW) >>> 6] & (1L << (s & 63))) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Reports every pending frame as for the deadline and forgets everything (keys are gone). */
  void clear(FrameAuthListener listener) {
    for (int f = 0; f < capacity; f++) {
      if (states[f] == PENDING) {
        giveUp(f, listener);
      }
      states[f] = EMPTY;
      signedUsed[f] = false;
    }
  }

  FrameAuthStatus status(long ctr) {
    int f = findFrame(ctr);
    return f < 0 ? FrameAuthStatus.UNKNOWN : status(states[f]);
  }

  private static FrameAuthStatus status(byte state) {
    switch (state) {
      case PENDING:
        return FrameAuthStatus.PENDING;
      case VERIFIED:
        return FrameAuthStatus.VERIFIED;
      case FORGED:
        return FrameAuthStatus.FORGED;
      case UNVERIFIED:
        return FrameAuthStatus.UNVERIFIED;
      default:
        return FrameAuthStatus.UNKNOWN;
    }
  }

  /** Whether a statement with these bytes was verified and applied here. */
  boolean applied(TagSignatureFrame statement) {
    for (TagSignatureFrame s : statements) {
      if (s != null && s.sameAs(statement)) {
        return true;
      }
    }
    return false;
  }

  void remember(TagSignatureFrame statement) {
    statements[nextStatement] = statement;
    nextStatement = (nextStatement + 1) % STATEMENTS_KEPT;
  }
}
