package dev.sealmeet.sframe;

import dev.sealmeet.crypto.Secret;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The sending side of an SFrame context (RFC 9605 §4.4.3): encryption keys by KID, each with its own
 * counter, and {@code protect}, which turns a media frame into an SFrame ciphertext.
 *
 * <pre>
 * protect(kid, metadata, plaintext, dst):
 *   ctr   = next CTR of kid (then incremented; never reused, never wraps)
 *   dst  ← header(kid, ctr) ‖ AEAD.Encrypt(sframe_key, salt XOR ctr, header ‖ metadata, plaintext)
 * </pre>
 *
 * <p><b>Keys.</b> {@link #addKey} derives {@code sframe_key} and {@code sframe_salt} once (RFC 9605
 * §4.4.2) and creates the JCE objects that every frame then reuses. Several KIDs may be installed at
 * once, for example the sender's KIDs of two MLS epochs during a transition (RFC 9605 §5.2 puts the epoch
 * in the KID's low bits). A key installed here is for encryption only (RFC 9605 §4.4.1); install the
 * same base key in a {@link SframeReceiver} elsewhere to decrypt.
 *
 * <p><b>Counters and the nonce rule.</b> The nonce is {@code sframe_salt XOR CTR}, and the salt is a
 * function of the base key and the KID, so a (key, nonce) pair repeats exactly when a KID's CTR
 * repeats under the same base key. A sender therefore never lets a KID's CTR go backwards: each KID
 * starts at CTR 0 (or a stored value, RFC 9605 §9.1) and counts up, and a KID that is removed and
 * installed again in the same sender carries on from the CTR it had reached, whatever the base key
 * (RFC 9605 §5.2 KIDs, whose epoch bits wrap, are re-installed this way). A {@code firstCtr} below that
 * CTR is refused. After CTR 2<sup>64</sup>−1 the KID is exhausted for good in this sender and {@code
 * protect} throws {@link IllegalStateException}: use a new KID. The counter is consumed before
 * encrypting, so a failed call never leads to a reused (key, nonce). The sender remembers one counter
 * per KID it ever held (16 bytes each) until {@link #close()}. A new sender cannot know what an earlier
 * one sent: to restore a context, pass the CTR saved before the frames were sent (RFC 9605 §9.1).
 *
 * <p><b>Cost.</b> The {@code ByteBuffer} {@code protect} allocates nothing in Sealmeet code. The JDK's
 * {@code Cipher.init}, needed for every new nonce, allocates inside the JDK (about 1 KB per AES-GCM frame
 * and about 110 B per AES-CTR frame, measured on JDK 17 and 25). Heap buffers are fastest.
 *
 * <p><b>Threads.</b> Thread-safe. Any number of threads may {@code protect} at once, also under one
 * KID: each CTR is handed out exactly once (one atomic step), and each thread seals with its own JCE
 * objects (see {@link FrameKey}). Key changes may run on another thread; they are serialized among
 * themselves and never block {@code protect}. A {@code protect} racing the removal of its KID either
 * completes normally (the counter it took is accounted for in the remembered CTR) or fails with
 * {@link IllegalArgumentException} without sending; a counter taken by a failed call is never handed
 * out again.
 *
 * <p><b>Closing.</b> {@link #close()} wipes every installed key (see {@link Secret} for what wiping
 * covers); the sender is unusable afterwards.
 */
public final class SframeSender implements AutoCloseable {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final SframeSuite suite;
  private final FrameCrypto crypto;
  /** For every KID whose key was removed: where its counter stands. */
  private final Map<Long, UsedCounter> retired = new HashMap<>();
  private final FrameKeyStore keys = new FrameKeyStore("send", this::retire);
  private volatile boolean closed;
  /** Where CTR marks are made durable before use, or null (counters live in memory only). */
  private final CounterReservation reservation;

  /** The CTR a removed KID carries on from (unsigned), or exhausted. */
  private record UsedCounter(long next, boolean exhausted) {}

  /** A sender for an RFC 9605 suite with {@link SframeOptions#defaults() default options}. */
  public SframeSender(SframeSuite suite) {
    this(suite, SframeOptions.defaults());
  }

  /**
   * A sender for {@code suite}.
   *
   * @throws IllegalArgumentException if the suite is provisional and {@code options} do not allow it
   */
  public SframeSender(SframeSuite suite, SframeOptions options) {
    options.checkSuite(suite);
    this.suite = suite;
    this.crypto = FrameCrypto.of(options);
    this.reservation = options.counterReservation().orElse(null);
  }

  /** The cipher suite of every key of this sender. */
  public SframeSuite suite() {
    return suite;
  }

  /**
   * Installs an encryption key for {@code kid}, starting at CTR 0, or, if this sender held {@code kid}
   * before, at the CTR it had reached. The base key is read, not kept.
   *
   * @throws IllegalStateException if {@code kid} already has a key, its counter was exhausted in this
   *     sender, or the sender is closed
   */
  public synchronized void addKey(long kid, Secret baseKey) {
    UsedCounter used = retired.get(kid);
    install(kid, baseKey, used == null ? 0L : used.next());
  }

  /**
   * Installs an encryption key for {@code kid} whose first frame uses {@code firstCtr} (unsigned), for
   * a context restored from storage (RFC 9605 §9.1). The base key is read, not kept.
   *
   * @throws IllegalArgumentException if this sender held {@code kid} before and had reached a CTR
   *     above {@code firstCtr} (the CTR never goes backwards)
   * @throws IllegalStateException if {@code kid} already has a key, its counter was exhausted in this
   *     sender, or the sender is closed
   */
  public synchronized void addKey(long kid, Secret baseKey, long firstCtr) {
    UsedCounter used = retired.get(kid);
    if (used != null && !used.exhausted() && Long.compareUnsigned(firstCtr, used.next()) < 0) {
      throw new IllegalArgumentException("KID 0x" + Long.toHexString(kid) + " already used CTRs up to "
          + Long.toUnsignedString(used.next() - 1) + " in this sender; firstCtr "
          + Long.toUnsignedString(firstCtr) + " would reuse nonces");
    }
    install(kid, baseKey, firstCtr);
  }

  private void install(long kid, Secret baseKey, long firstCtr) {
    checkOpen();
    UsedCounter used = retired.get(kid);
    if (used != null && used.exhausted()) {
      throw new IllegalStateException("the counter of KID 0x" + Long.toHexString(kid)
          + " was exhausted in this sender; use a new KID");
    }
    long resumeAt = reservation == null ? 0 : reservation.resumeAt(kid);
    long first = Long.compareUnsigned(resumeAt, firstCtr) > 0 ? resumeAt : firstCtr;
    keys.add(kid, () -> FrameKey.derive(suite, crypto, kid, baseKey, first, null));
  }

  /** Called with the key already retired: no counter taken after this read is ever used. */
  private void retire(FrameKey key) {
    retired.put(key.kid, new UsedCounter(key.peekCounter(), key.isExhausted()));
  }

  /**
   * Wipes every installed key and forgets the counters; every later call except {@link #close()},
   * {@link #suite()} and {@link #toString()} throws {@link IllegalStateException}. Idempotent.
   */
  @Override
  public synchronized void close() {
    closed = true;
    keys.close();
    retired.clear();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("SframeSender is closed");
    }
  }

  /**
   * Removes and wipes the key of {@code kid}, remembering its counter; returns whether there was one.
   *
   * @throws IllegalStateException if the sender is closed
   */
  public synchronized boolean removeKey(long kid) {
    checkOpen();
    return keys.remove(kid);
  }

  /**
   * Removes every key whose KID matches {@code filter} (e.g. an old epoch), remembering their
   * counters; returns how many.
   *
   * @throws IllegalStateException if the sender is closed
   */
  public synchronized int removeKeys(LongPredicate filter) {
    checkOpen();
    return keys.removeMatching(filter);
  }

  /** Whether {@code kid} has a key; {@code false} once closed. */
  public boolean hasKey(long kid) {
    return keys.has(kid);
  }

  /**
   * The CTR the next frame under {@code kid} will carry (unsigned).
   *
   * @throws IllegalArgumentException if {@code kid} has no key
   * @throws IllegalStateException if the key is exhausted or the sender is closed
   */
  public long nextCounter(long kid) {
    return usableKey(kid).peekCounter();
  }

  /**
   * The exact length of the next frame under {@code kid} for a plaintext of {@code plaintextLength}
   * bytes: header plus plaintext plus tag.
   *
   * @throws IllegalArgumentException if {@code kid} has no key
   * @throws IllegalStateException if the key is exhausted or the sender is closed
   */
  public int protectedLength(long kid, int plaintextLength) {
    long ctr = usableKey(kid).peekCounter();
    return HeaderCodec.encodedLength(kid, ctr) + plaintextLength + suite.tagLength();
  }

  /**
   * Encrypts one frame (RFC 9605 §4.4.3) into {@code dst} at its position.
   *
   * <p>Reads {@code plaintext[position..limit)} and consumes it; {@code metadata[position..limit)} is
   * authenticated, not sent, and left as found ({@code null} means none). Advances {@code dst} by the
   * frame length. The plaintext and {@code dst} may be the same array only if they do not overlap.
   *
   * @return the frame length: header, ciphertext and tag
   * @throws IllegalArgumentException if {@code kid} has no key, or {@code dst} has fewer than
   *     {@link #protectedLength} bytes remaining (nothing is consumed; if other threads took CTRs
   *     of this KID meanwhile, the one this call took is burnt, never reused)
   * @throws IllegalStateException if the key's counter is exhausted or the sender is closed
   */
  public int protect(long kid, ByteBuffer metadata, ByteBuffer plaintext, ByteBuffer dst) {
    FrameKey key = usableKey(kid);
    int needed = HeaderCodec.encodedLength(kid, key.peekCounter()) + plaintext.remaining()
        + suite.tagLength();
    if (dst.remaining() < needed) {
      throw tooSmall(dst, needed);
    }
    FrameLane lane = leaseFor(key);
    try {
      long ctr = takeCounter(key);
      int frameLength = HeaderCodec.encodedLength(kid, ctr) + plaintext.remaining()
          + suite.tagLength();
      if (dst.remaining() < frameLength) {
        throw tooSmall(dst, frameLength); // only if another thread took counters meanwhile
      }
      seal(key, lane, ctr, metadata, plaintext, dst);
      return frameLength;
    } finally {
      key.release(lane);
    }
  }

  /**
   * Encrypts one frame into a new array. Allocates; the frame path should use the {@code ByteBuffer}
   * form.
   *
   * @param metadata authenticated, not sent; {@code null} or empty for none
   * @throws IllegalArgumentException if {@code kid} has no key
   * @throws IllegalStateException if the key's counter is exhausted or the sender is closed
   */
  public byte[] protect(long kid, byte[] metadata, byte[] plaintext) {
    FrameKey key = usableKey(kid);
    FrameLane lane = leaseFor(key);
    try {
      long ctr = takeCounter(key);
      byte[] out = new byte[HeaderCodec.encodedLength(kid, ctr) + plaintext.length
          + suite.tagLength()];
      seal(key, lane, ctr, metadata == null ? null : ByteBuffer.wrap(metadata),
          ByteBuffer.wrap(plaintext), ByteBuffer.wrap(out));
      return out;
    } finally {
      key.release(lane);
    }
  }

  private void seal(FrameKey key, FrameLane lane, long ctr, ByteBuffer metadata,
      ByteBuffer plaintext, ByteBuffer dst) {
    byte[] header = lane.header;
    int headerLength = HeaderCodec.write(header, 0, key.kid, ctr);
    lane.computeNonce(ctr);
    dst.put(header, 0, headerLength);
    lane.aead.seal(lane.nonce, header, headerLength, metadata == null ? EMPTY : metadata,
        plaintext, dst);
  }

  private static FrameLane leaseFor(FrameKey key) {
    FrameLane lane = key.lease();
    if (lane == null) {
      throw removedConcurrently(key);
    }
    return lane;
  }

  /** Takes the frame's CTR; it is consumed before encrypting, so a failure never reuses it. */
  private long takeCounter(FrameKey key) {
    long ctr = key.takeCounter();
    if (reservation != null) {
      key.requireReserved(ctr, reservation);
    }
    // Dekker with FrameKeyStore.remove: we wrote the counter, now read the flag; the remover wrote
    // the flag, then reads the counter. A CTR used here is always below the one it remembers.
    if (key.isRetired()) {
      throw removedConcurrently(key);
    }
    return ctr;
  }

  private static IllegalArgumentException removedConcurrently(FrameKey key) {
    return new IllegalArgumentException(
        "the send key of KID 0x" + Long.toHexString(key.kid) + " was removed");
  }

  private static IllegalArgumentException tooSmall(ByteBuffer dst, int frameLength) {
    return new IllegalArgumentException("destination has " + dst.remaining()
        + " bytes remaining, the frame needs " + frameLength);
  }

  private FrameKey usableKey(long kid) {
    checkOpen();
    FrameKey key = keys.get(kid);
    if (key == null) {
      throw new IllegalArgumentException("no send key for KID 0x" + Long.toHexString(kid));
    }
    if (key.isExhausted()) {
      throw key.exhaustedFailure();
    }
    return key;
  }

  /** Suite and number of keys; never key material. */
  @Override
  public String toString() {
    return closed ? "SframeSender[" + suite + ", closed]"
        : "SframeSender[" + suite + ", " + keys.size() + " keys]";
  }
}
