package dev.sealmeet.sframe;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ReplayException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * The receiving side of an SFrame context (RFC 9605 §4.4.4): decryption keys by KID, each with an
 * anti-replay window, and {@code unprotect}, which authenticates and decrypts an SFrame ciphertext.
 *
 * <pre>
 * unprotect(metadata, frame, dst):
 *   (kid, ctr) = parse header        DecodeException if truncated or not minimal
 *   key        = keys[kid]           UnknownKidException (the caller may buffer and retry)
 *   length check                     DecodeException if shorter than header + tag, or if the
 *                                    plaintext would not fit in dst
 *   window(kid).check(ctr)           ReplayException if seen or older than the window (cheap)
 *   dst       ← AEAD.Decrypt(...)    AuthenticationException if the tag fails
 *   window(kid).checkAndAccept(ctr)  only now, atomically: a forged frame never moves the
 *                                    window, and of two racing copies exactly one is accepted
 * </pre>
 *
 * <p>Any rejected frame leaves the receiver exactly as it was, and leaves {@code frame} and {@code dst}
 * positions unchanged (bytes of {@code dst} past its position may have been overwritten). Failures carry
 * no stack trace, so a flood of forged frames costs little more than the crypto. The window tracks
 * {@link SframeOptions#replayWindow()} CTRs per KID; frames reordered within it are accepted once each.
 *
 * <p><b>Keys.</b> Several KIDs may be installed at once, e.g. every member's KIDs of the current and the
 * previous MLS epoch (RFC 9605 §5.2). Removing a KID drops its window; installing it again starts a new
 * window, so never re-install a key that was already used (old frames would decrypt again).
 *
 * <p><b>Cost.</b> The {@code ByteBuffer} {@code unprotect} allocates nothing in Sealmeet code on
 * success; see {@link SframeSender} for what the JDK allocates per {@code Cipher.init}.
 *
 * <p><b>Threads.</b> Thread-safe. Any number of threads may {@code unprotect} at once, also frames of
 * one KID (each thread seals with its own JCE objects, see {@link FrameKey}), while other threads
 * add and remove keys. A frame whose key is removed or whose receiver is closed while it is being
 * processed is either decrypted normally or refused with {@link UnknownKidException}; the window
 * accepts each CTR exactly once however the threads interleave. Key changes are serialized among
 * themselves and never block {@code unprotect}.
 *
 * <p><b>Closing.</b> {@link #close()} wipes every installed key (see {@link Secret} for what wiping
 * covers); the receiver is unusable afterwards.
 */
public final class SframeReceiver implements AutoCloseable {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final SframeSuite suite;
  private final SframeOptions options;
  private final FrameCrypto crypto;
  private final FrameKeyStore keys = new FrameKeyStore("receive");
  /** Header fields of the frame a thread is decoding (per thread: the KID picks the key first). */
  private static final ThreadLocal<HeaderCodec.DecodedHeader> DECODED =
      ThreadLocal.withInitial(HeaderCodec.DecodedHeader::new);
  private volatile boolean closed;

  /** A receiver for an RFC 9605 suite with {@link SframeOptions#defaults() default options}. */
  public SframeReceiver(SframeSuite suite) {
    this(suite, SframeOptions.defaults());
  }

  /**
   * A receiver for {@code suite}.
   *
   * @throws IllegalArgumentException if the suite is provisional and {@code options} do not allow it
   */
  public SframeReceiver(SframeSuite suite, SframeOptions options) {
    options.checkSuite(suite);
    this.suite = suite;
    this.options = options;
    this.crypto = FrameCrypto.of(options);
  }

  /** The cipher suite of every key of this receiver. */
  public SframeSuite suite() {
    return suite;
  }

  /** The replay window per KID, in frames. */
  public int replayWindow() {
    return options.replayWindow();
  }

  /**
   * Installs a decryption key for {@code kid} with an empty replay window. The base key is read, not
   * kept.
   *
   * @throws IllegalStateException if {@code kid} already has a key, or the receiver is closed
   */
  public void addKey(long kid, Secret baseKey) {
    checkOpen();
    keys.add(kid,
        () -> FrameKey.derive(suite, crypto, kid, baseKey, 0L,
            new ReplayWindow(options.replayWindow())));
  }

  /**
   * Installs a decryption key for {@code kid} unless it has one, deriving it at most once however
   * many threads ask at the same time; a key becomes visible to {@code unprotect} only when complete.
   * The base key is read, not kept.
   *
   * @return whether {@code kid} has a key now: {@code false} if the receiver is closed (possibly by
   *     another thread during this call)
   */
  public boolean addKeyIfAbsent(long kid, Secret baseKey) {
    return keys.addIfAbsent(kid,
        () -> FrameKey.derive(suite, crypto, kid, baseKey, 0L,
            new ReplayWindow(options.replayWindow())));
  }

  /**
   * Removes and wipes the key of {@code kid} and drops its window; returns whether there was one.
   *
   * @throws IllegalStateException if the receiver is closed
   */
  public boolean removeKey(long kid) {
    checkOpen();
    return keys.remove(kid);
  }

  /**
   * Removes every key whose KID matches {@code filter} (e.g. an old epoch); returns how many.
   *
   * @throws IllegalStateException if the receiver is closed
   */
  public int removeKeys(LongPredicate filter) {
    checkOpen();
    return keys.removeMatching(filter);
  }

  /**
   * Wipes every installed key and drops the windows; {@code unprotect} then finds no key ({@link
   * UnknownKidException}), and every later call except {@link #close()}, {@link #suite()}, {@link
   * #replayWindow()}, {@link #maxPlaintextLength}, {@link #hasKey}, {@link #addKeyIfAbsent} and
   * {@link #toString()} throws {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    keys.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("SframeReceiver is closed");
    }
  }

  /** Whether {@code kid} has a key; {@code false} once closed. */
  public boolean hasKey(long kid) {
    return keys.has(kid);
  }

  /**
   * The highest CTR accepted under {@code kid} (unsigned); meaningful only if {@link #hasAccepted}.
   *
   * @throws IllegalArgumentException if {@code kid} has no key
   * @throws IllegalStateException if the receiver is closed
   */
  public long highestCounter(long kid) {
    return key(kid).window.highest();
  }

  /**
   * Whether any frame was accepted under {@code kid}.
   *
   * @throws IllegalArgumentException if {@code kid} has no key
   * @throws IllegalStateException if the receiver is closed
   */
  public boolean hasAccepted(long kid) {
    return key(kid).window.hasAccepted();
  }

  /** An upper bound on the plaintext length of a frame of {@code frameLength} bytes. */
  public int maxPlaintextLength(int frameLength) {
    return Math.max(0, frameLength - 1 - suite.tagLength());
  }

  /**
   * Authenticates and decrypts one frame (RFC 9605 §4.4.4) into {@code dst} at its position.
   *
   * <p>The frame is {@code frame[position..limit)} and is consumed on success. {@code metadata} must be
   * what the sender authenticated ({@code null} means none); it is left as found. On success advances
   * {@code dst} by the plaintext length. The frame and {@code dst} may be the same array only if
   * they do not overlap.
   *
   * @return the plaintext length
   * @throws DecodeException if the header is truncated or not minimal, the frame is shorter than
   *     header plus tag, or its plaintext is longer than {@code dst} has room for (checked before the
   *     replay window and the AEAD; size {@code dst} with {@link #maxPlaintextLength})
   * @throws UnknownKidException if no key is installed for the frame's KID: never installed,
   *     removed, or the receiver closed (before or, by another thread, during this call: a routine
   *     race for a media thread, so it is the same typed failure)
   * @throws ReplayException if the CTR was already accepted or is older than the window
   * @throws AuthenticationException if the tag does not verify (wrong key, tampered frame or metadata)
   */
  public int unprotect(ByteBuffer metadata, ByteBuffer frame, ByteBuffer dst)
      throws DecodeException, UnknownKidException, ReplayException, AuthenticationException {
    int start = frame.position();
    int end = frame.limit();
    HeaderCodec.DecodedHeader decoded = DECODED.get();
    HeaderCodec.read(frame, start, end, decoded);
    long kid = decoded.kid;
    long ctr = decoded.ctr;
    int headerLength = decoded.length;
    FrameKey key = closed ? null : keys.get(kid); // closed: every key is gone
    if (key == null) {
      throw new UnknownKidException(kid);
    }
    int plaintextLength = end - start - headerLength - suite.tagLength();
    if (plaintextLength < 0) {
      throw StacklessDecodeException.of("SFrame frame of " + (end - start) + " bytes is shorter than its "
          + headerLength + "-byte header plus the " + suite.tagLength() + "-byte tag");
    }
    if (dst.remaining() < plaintextLength) {
      throw StacklessDecodeException.of("SFrame frame of " + (end - start) + " bytes carries "
          + plaintextLength + " plaintext bytes, the destination has room for " + dst.remaining());
    }
    key.window.check(kid, ctr);
    FrameLane lane = key.lease();
    if (lane == null) {
      throw new UnknownKidException(kid); // removed by another thread since the lookup
    }
    int dstStart = dst.position();
    try {
      byte[] header = lane.header;
      for (int i = 0; i < headerLength; i++) {
        header[i] = frame.get(start + i);
      }
      lane.computeNonce(ctr);
      ((Buffer) frame).position(start + headerLength); // ByteBuffer.position(int): Java 9+
      lane.aead.open(lane.nonce, header, headerLength, metadata == null ? EMPTY : metadata, frame,
          dst);
      // Authenticated: now the one atomic check-and-record; a racing copy of this frame loses here.
      key.window.checkAndAccept(kid, ctr);
    } catch (AuthenticationException | ReplayException e) {
      ((Buffer) frame).position(start);
      ((Buffer) dst).position(dstStart);
      throw e;
    } finally {
      key.release(lane);
    }
    return plaintextLength;
  }

  /**
   * Authenticates and decrypts one frame into a new array. Allocates; the frame path should use the
   * {@code ByteBuffer} form.
   *
   * @throws DecodeException if the header is truncated or not minimal, or the frame is too short
   * @throws UnknownKidException if no key is installed for the frame's KID
   * @throws ReplayException if the CTR was already accepted or is older than the window
   * @throws AuthenticationException if the tag does not verify
   */
  public byte[] unprotect(byte[] metadata, byte[] frame)
      throws DecodeException, UnknownKidException, ReplayException, AuthenticationException {
    byte[] out = new byte[maxPlaintextLength(frame.length)];
    int length = unprotect(metadata == null ? null : ByteBuffer.wrap(metadata), ByteBuffer.wrap(frame),
        ByteBuffer.wrap(out));
    return length == out.length ? out : Arrays.copyOf(out, length);
  }

  private FrameKey key(long kid) {
    checkOpen();
    FrameKey key = keys.get(kid);
    if (key == null) {
      throw new IllegalArgumentException("no receive key for KID 0x" + Long.toHexString(kid));
    }
    return key;
  }

  /** Suite, window and number of keys; never key material. */
  @Override
  public String toString() {
    return closed ? "SframeReceiver[" + suite + ", closed]" : "SframeReceiver[" + suite + ", window " + options.replayWindow() + ", " + keys.size()
        + " keys]";
  }
}
