package dev.sealmeet.sframe.auth;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.sframe.SframeHeader;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The sender's half of sender authentication (spec §2.7): collects the (CTR, tag) of every frame it
 * protected, per stream, and turns them into signed signature frames.
 *
 * <pre>
 * media thread:  protect(frame) ─► record(stream, sframe) ─► window of the stream (one KID)
 *                                    full (N), KID changed, or oldest older than T ─► closed
 * any thread:    takeDue() ─► per KID with a closed window: every open window of that KID closes
 *                too ─► one statement, a section per stream ─► signed once ─► payloads: the new
 *                ones, then the copies due (each sent R times, one copy per later emission or T
 *                later)
 * </pre>
 *
 * <p>One signature per emission and KID, not per stream, keeps a receiver's verifications at about
 * one per {@code T} per sender however many streams it sends (spec §2.7's cost model). The caller
 * protects each payload with SFrame under its current send KID and the metadata {@link
 * TagSignatureFrame#METADATA}.
 *
 * <p><b>Threads and cost.</b> {@link #record} may run on any media thread: it copies {@code Nt}
 * bytes into a window allocated when the stream was first seen, and allocates one statement per
 * {@code N} frames. {@link #takeDue} signs outside the lock {@link #record} takes, so a media thread
 * never waits for a signature.
 */
public final class TagSigner {
  /** The streams a sender signs at most. */
  public static final int MAX_STREAMS = 64;
  /** The statements per second under one KID that {@link #firstSeqNow} leaves room for. */
  public static final int SEQ_PER_SECOND = 64;
  /** A KID whose first recorded frame has a CTR below this is numbered from 0 (spec §2.7). */
  public static final long FRESH_CTRS = 64;
  /** KIDs whose statement numbers are kept: the current one and a few before it. */
  private static final int KIDS_NUMBERED = 8;

  private final SenderAuthParams params;
  private final int tagLength;
  private final byte[] context;
  private final TagSigning signing;
  private final LongSupplier nanoTime;
  private final long maxDelayNanos;
  private final long takeOverSeq;
  private final Object lock = new Object();
  private final Object emitLock = new Object();
  private final Window[] windows = new Window[MAX_STREAMS];
  private int streamCount;
  /** Closed windows waiting for the next emission, in the order they were closed. */
  private final ArrayDeque<Closed> sealed = new ArrayDeque<>();
  private final ArrayDeque<Copy> copies = new ArrayDeque<>();
  private volatile long nextCopyAt = Long.MAX_VALUE;
  // The next statement number of each recent KID ([SM-AUTH-5]), least recently used replaced.
  private final long[] numberedKids = new long[KIDS_NUMBERED];
  private final long[] nextSeqs = new long[KIDS_NUMBERED];
  private final long[] numberedAt = new long[KIDS_NUMBERED];
  private final boolean[] numbered = new boolean[KIDS_NUMBERED];
  private long numberings;

  /** A signer with no stream yet, numbering KIDs taken over mid-way from {@link #firstSeqNow}. */
  public TagSigner(SenderAuthParams params, int tagLength, byte[] context, TagSigning signing,
      LongSupplier nanoTime) {
    this(params, tagLength, context, signing, nanoTime, firstSeqNow());
  }

  /**
   * A signer with no stream yet.
   *
   * @param tagLength {@code Nt} of the SFrame suite
   * @param context the bytes every signature is bound to (the MLS {@code group_id}); copied
   * @param signing signs with the sender's leaf key
   * @param nanoTime the monotonic clock of {@link SenderAuthParams#maxDelay()}
   * @param takeOverSeq the first statement number of a KID this signer takes over mid-way (its
   *     first frame's CTR is {@value #FRESH_CTRS} or more: a restarted process, spec §2.7), below
   *     2^31; a KID whose first frame has a lower CTR is numbered from 0
   */
  public TagSigner(SenderAuthParams params, int tagLength, byte[] context, TagSigning signing,
      LongSupplier nanoTime, long takeOverSeq) {
    this.params = Objects.requireNonNull(params, "params");
    if (tagLength < 1) {
      throw new IllegalArgumentException("tagLength must be positive");
    }
    if (takeOverSeq < 0 || takeOverSeq >= 1L << 31) {
      throw new IllegalArgumentException("takeOverSeq must be in 0..2^31 - 1");
    }
    this.tagLength = tagLength;
    this.context = context.clone();
    this.signing = Objects.requireNonNull(signing, "signing");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.maxDelayNanos = params.maxDelay().toNanos();
    this.takeOverSeq = takeOverSeq;
  }

  /**
   * A statement number for a KID taken over mid-way, from the wall clock: {@value #SEQ_PER_SECOND} per second since 1970,
   * modulo 2^31. A sender that restarts without its signer's state (spec §2.7) then resumes
   * numbering above every number it used before, as long as it signed fewer than {@value
   * #SEQ_PER_SECOND} statements per second under a KID, so its receivers see the gap of the
   * statements its crash lost.
   */
  public static long firstSeqNow() {
    return (System.currentTimeMillis() / 1000 * SEQ_PER_SECOND) % (1L << 31);
  }

  /**
   * Records a frame this sender protected, from its position to its limit, on {@code stream}.
   *
   * @param stream the stream id, a uint32 (one per track and per SVC or simulcast layer)
   * @return whether signature frames are due ({@link #takeDue})
   * @throws DecodeException if the SFrame header is malformed or the frame is shorter than a tag
   * @throws IllegalStateException if the frame would be a stream beyond {@value #MAX_STREAMS}
   */
  public boolean record(long stream, ByteBuffer protectedFrame) throws DecodeException {
    return record(stream, protectedFrame, protectedFrame.position(), protectedFrame.limit());
  }

  /**
   * Records the protected frame {@code buffer[from, to)}, heap or direct, on {@code stream}; the
   * buffer's cursors are neither read nor moved, and only the header and the {@code Nt} tag bytes
   * are read (no copy of the frame).
   *
   * @param stream the stream id, a uint32 (one per track and per SVC or simulcast layer)
   * @return whether signature frames are due ({@link #takeDue})
   * @throws DecodeException if the SFrame header is malformed or the frame is shorter than a tag;
   *     nothing is recorded
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within the buffer's limit
   * @throws IllegalStateException if the frame would be a stream beyond {@value #MAX_STREAMS}
   */
  public boolean record(long stream, ByteBuffer buffer, int from, int to) throws DecodeException {
    long kid = SframeHeader.peekKid(buffer, from, to);
    long ctr = SframeHeader.peekCtr(buffer, from, to);
    int tagIndex = FrameTag.index(buffer, from, to, tagLength);
    long now = nanoTime.getAsLong();
    synchronized (lock) {
      Window w = windowOf(stream);
      numbering(kid, ctr);
      if (w.count > 0 && (w.kid != kid || Long.compareUnsigned(ctr, w.lastCtr()) <= 0
          || ctr - w.lastCtr() > TlsWriter.MAX_VARINT)) {
        seal(w);
      }
      w.add(kid, ctr, buffer, tagIndex, now);
      if (w.count == params.framesPerSignature()) {
        seal(w);
      }
      return !sealed.isEmpty() || now - w.oldestAt >= maxDelayNanos || now >= nextCopyAt;
    }
  }

  /** As {@link #record(long, ByteBuffer)} for a whole array. */
  public boolean record(long stream, byte[] protectedFrame) throws DecodeException {
    return record(stream, ByteBuffer.wrap(protectedFrame));
  }

  /**
   * Makes sure {@code stream} has a window, so that recording a frame on it cannot fail for the
   * stream: a caller checks this before it protects the frame, and no frame is encrypted (its
   * CTR used) that could then not be recorded.
   *
   * @throws IllegalArgumentException if {@code stream} is not a uint32
   * @throws IllegalStateException if it would be a stream beyond {@value #MAX_STREAMS}
   */
  public void openStream(long stream) {
    synchronized (lock) {
      windowOf(stream);
    }
  }

  /** Whether signature frames are due now. */
  public boolean due() {
    long now = nanoTime.getAsLong();
    synchronized (lock) {
      if (!sealed.isEmpty() || now >= nextCopyAt) {
        return true;
      }
      for (int i = 0; i < streamCount; i++) {
        if (windows[i].count > 0 && now - windows[i].oldestAt >= maxDelayNanos) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The signature frames' plaintexts to send now, in order: new statements (windows full, of an old
   * KID, or older than {@code T}), signed, then the copies whose turn came (spec §2.7, [SM-AUTH-5]).
   * Empty if nothing is due.
   */
  public List<byte[]> takeDue() {
    synchronized (emitLock) {
      long now = nanoTime.getAsLong();
      List<TagSignatureFrame> statements;
      synchronized (lock) {
        for (int i = 0; i < streamCount; i++) {
          if (windows[i].count > 0 && now - windows[i].oldestAt >= maxDelayNanos) {
            seal(windows[i]);
          }
        }
        statements = statementsOfSealed();
      }
      List<byte[]> out = new ArrayList<>();
      for (TagSignatureFrame s : statements) {
        out.add(s.withSignature(signing.sign(s.toBeSigned(context))).encode());
      }
      int fresh = out.size();
      boolean emission = fresh > 0;
      for (Iterator<Copy> it = copies.iterator(); it.hasNext(); ) {
        Copy c = it.next();
        if (emission || c.dueAt <= now) {
          out.add(c.payload.clone());
          c.dueAt = now + maxDelayNanos;
          if (--c.remaining == 0) {
            it.remove();
          }
        }
      }
      for (int i = 0; params.copies() > 1 && i < fresh; i++) {
        copies.addLast(new Copy(out.get(i).clone(), params.copies() - 1, now + maxDelayNanos));
      }
      long next = Long.MAX_VALUE;
      for (Copy c : copies) {
        next = Math.min(next, c.dueAt);
      }
      nextCopyAt = next;
      return out;
    }
  }

  /**
   * Under {@link #lock}: one statement per KID with closed windows (more if they exceed a frame's
   * bounds), numbered in order. The open windows of such a KID close too and ride along, so a
   * sender signs once per emission rather than once per stream (spec §2.7).
   */
  private List<TagSignatureFrame> statementsOfSealed() {
    List<TagSignatureFrame> out = new ArrayList<>();
    if (sealed.isEmpty()) {
      return out;
    }
    for (int i = 0; i < streamCount; i++) {
      Window w = windows[i];
      if (w.count > 0 && sealedHas(w.kid)) {
        seal(w);
      }
    }
    while (!sealed.isEmpty()) {
      long kid = sealed.peekFirst().kid;
      List<TagSignatureFrame.Section> sections = new ArrayList<>();
      int entries = 0;
      for (Iterator<Closed> it = sealed.iterator(); it.hasNext(); ) {
        Closed c = it.next();
        if (c.kid != kid) {
          continue;
        }
        if (sections.size() == TagSignatureFrame.MAX_SECTIONS
            || entries + c.section.ctrs().length > TagSignatureFrame.MAX_ENTRIES) {
          break;
        }
        sections.add(c.section);
        entries += c.section.ctrs().length;
        it.remove();
      }
      out.add(TagSignatureFrame.of(kid, nextSeqOf(kid), sections, tagLength));
    }
    return out;
  }

  private boolean sealedHas(long kid) {
    for (Closed c : sealed) {
      if (c.kid == kid) {
        return true;
      }
    }
    return false;
  }

  /**
   * Under {@link #lock}: the numbering slot of {@code kid}, made on its first frame ({@code ctr}):
   * from 0 for a KID this signer starts, from {@link #takeOverSeq} for one it takes over.
   */
  private int numbering(long kid, long ctr) {
    int oldest = 0;
    for (int i = 0; i < KIDS_NUMBERED; i++) {
      if (numbered[i] && numberedKids[i] == kid) {
        numberedAt[i] = ++numberings;
        return i;
      }
      if (!numbered[i] || (numbered[oldest] && numberedAt[i] < numberedAt[oldest])) {
        oldest = i;
      }
    }
    numbered[oldest] = true;
    numberedKids[oldest] = kid;
    nextSeqs[oldest] = Long.compareUnsigned(ctr, FRESH_CTRS) < 0 ? 0 : takeOverSeq;
    numberedAt[oldest] = ++numberings;
    return oldest;
  }

  /** Under {@link #lock}: numbers statements per KID in the order they are made. */
  private long nextSeqOf(long kid) {
    int i = numbering(kid, 0);
    long seq = nextSeqs[i];
    if (seq > 0xffffffffL) {
      throw new IllegalStateException("2^32 statements under one KID");
    }
    nextSeqs[i] = seq + 1;
    return seq;
  }

  /** Under {@link #lock}: closes a window's entries for the next emission. */
  private void seal(Window w) {
    sealed.addLast(new Closed(w.kid, new TagSignatureFrame.Section(w.stream,
        Arrays.copyOf(w.ctrs, w.count), Arrays.copyOf(w.tags, w.count * tagLength))));
    w.count = 0;
  }

  private Window windowOf(long stream) {
    for (int i = 0; i < streamCount; i++) {
      if (windows[i].stream == stream) {
        return windows[i];
      }
    }
    if (streamCount == MAX_STREAMS) {
      throw new IllegalStateException("more than " + MAX_STREAMS + " streams");
    }
    Window w = new Window(stream, params.framesPerSignature(), tagLength);
    windows[streamCount++] = w;
    return w;
  }

  /** The unsigned entries of one stream, all under one KID. */
  private static final class Window {
    final long stream;
    final long[] ctrs;
    final byte[] tags;
    final int tagLength;
    long kid;
    int count;
    long oldestAt;

    Window(long stream, int capacity, int tagLength) {
      if (stream < 0 || stream > 0xffffffffL) {
        throw new IllegalArgumentException("stream must be a uint32");
      }
      this.stream = stream;
      this.ctrs = new long[capacity];
      this.tags = new byte[capacity * tagLength];
      this.tagLength = tagLength;
    }

    long lastCtr() {
      return ctrs[count - 1];
    }

    void add(long kid, long ctr, ByteBuffer frame, int tagIndex, long now) {
      if (count == 0) {
        this.kid = kid;
        this.oldestAt = now;
      }
      ctrs[count] = ctr;
      FrameTag.copy(frame, tagIndex, tags, count * tagLength, tagLength);
      count++;
    }
  }

  /** A closed window: one section of a statement about {@code kid}. */
  private record Closed(long kid, TagSignatureFrame.Section section) {}

  /** A signed payload still to be re-sent {@code remaining} times. */
  private static final class Copy {
    final byte[] payload;
    int remaining;
    long dueAt;

    Copy(byte[] payload, int remaining, long dueAt) {
      this.payload = payload;
      this.remaining = remaining;
      this.dueAt = dueAt;
    }
  }

  /** The parameters and the number of streams. */
  @Override
  public String toString() {
    return "TagSigner[" + params + ", " + streamCount + " streams]";
  }
}
