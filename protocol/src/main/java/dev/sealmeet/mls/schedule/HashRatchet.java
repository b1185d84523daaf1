package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sender's hash ratchet (RFC 9420 §9.1) with the deletion schedule of §9.2.
 *
 * <pre>
 * secret_j ──► nonce_j = DeriveTreeSecret(secret_j, "nonce", j, Nn)
 *          ──► key_j   = DeriveTreeSecret(secret_j, "key", j, Nk)
 *          ──► secret_j+1 = DeriveTreeSecret(secret_j, "secret", j, Nh)   (secret_j is deleted)
 * </pre>
 *
 * <p>A receiver first {@link #peek}s the key of a generation, which changes nothing, decrypts, and only
 * on success {@link #consume}s it: the key is deleted, the ratchet moves past it, and the keys of
 * skipped generations are kept for out-of-order messages, at most {@link #MAX_SKIPPED_KEYS} of them
 * (the oldest are deleted first). A generation more than {@link #MAX_FORWARD_DISTANCE} ahead is
 * refused. A sender calls {@link #nextForSending}. Not thread-safe.
 */
public final class HashRatchet {
  /** Most keys of skipped generations kept for out-of-order delivery per ratchet. */
  public static final int MAX_SKIPPED_KEYS = 128;

  /** Furthest a received generation may lie ahead of the next expected one. */
  public static final int MAX_FORWARD_DISTANCE = 1024;

  /** Largest generation: SenderData carries a uint32 (RFC 9420 §6.3.2). */
  public static final long MAX_GENERATION = 0xffffffffL;

  private final MlsSuite suite;
  private final int leafIndex;
  private final RatchetType type;
  private final TreeMap<Long, MessageKey> skipped = new TreeMap<>();
  private final RatchetWindow window;
  private Secret current;
  private long next;

  HashRatchet(MlsSuite suite, int leafIndex, RatchetType type, Secret start) {
    this(suite, leafIndex, type, start, RatchetWindow.DEFAULT);
  }

  HashRatchet(MlsSuite suite, int leafIndex, RatchetType type, Secret start,
      RatchetWindow window) {
    this.window = window;
    this.suite = suite;
    this.leafIndex = leafIndex;
    this.type = type;
    this.current = start;
    this.next = 0;
  }

  /** The next generation this ratchet has not yet passed. */
  public long nextGeneration() {
    return next;
  }

  /**
   * The key of {@code generation}, without changing any state. The caller owns the returned copy.
   *
   * @throws ReplayException if the generation was consumed already or its key was deleted
   * @throws ProtocolException if the generation is more than {@link #MAX_FORWARD_DISTANCE} ahead or
   *     above {@link #MAX_GENERATION}
   */
  public MessageKey peek(long generation) throws ReplayException, ProtocolException {
    checkLive();
    if (generation < next) {
      MessageKey cached = skipped.get(generation);
      if (cached == null) {
        throw new ReplayException(describe() + " generation " + generation
            + " was already used or its key deleted (next expected " + next + ")");
      }
      return new MessageKey(suite, generation, cached.key(), cached.nonce());
    }
    checkAhead(generation);
    Secret secret = current.copy();
    for (long j = next; j < generation; j++) {
      Secret following = step(secret, j);
      secret.destroy();
      secret = following;
    }
    MessageKey key = keyAt(secret, generation);
    secret.destroy();
    return key;
  }

  /**
   * Deletes the key of {@code generation} after it decrypted a message, and ratchets past it.
   *
   * @throws IllegalStateException if the key is not available (call {@link #peek} first)
   */
  public void consume(long generation) {
    checkLive();
    if (generation < next) {
      MessageKey cached = skipped.remove(generation);
      if (cached == null) {
        throw new IllegalStateException(describe() + " generation " + generation + " is gone");
      }
      cached.destroy();
      return;
    }
    if (generation > MAX_GENERATION || generation - next > window.maxForwardDistance()) {
      throw new IllegalStateException(describe() + " generation " + generation + " out of window");
    }
    while (next < generation) {
      remember(keyAt(current, next));
      advance();
    }
    advance();
  }

  /**
   * {@link #peek} then {@link #consume}: for callers that cannot fail after obtaining the key.
   *
   * @throws ReplayException if the generation was consumed already or its key was deleted
   * @throws ProtocolException if the generation is out of the forward window
   */
  public MessageKey take(long generation) throws ReplayException, ProtocolException {
    MessageKey key = peek(generation);
    consume(generation);
    return key;
  }

  /**
   * The key of the next generation for sending, after which the ratchet moves on (RFC 9420 §9.1).
   *
   * @throws IllegalStateException if all 2^32 generations are used up
   */
  public MessageKey nextForSending() {
    checkLive();
    if (next > MAX_GENERATION) {
      throw new IllegalStateException(describe() + " is exhausted");
    }
    MessageKey key = keyAt(current, next);
    advance();
    return key;
  }

  /**
   * Writes this ratchet's state for persistence: the current secret, the next generation and the
   * kept keys of skipped generations. The bytes are secret.
   */
  void writeState(dev.sealmeet.codec.TlsWriter writer) {
    checkLive();
    SecretState.write(writer, current);
    writer.writeUint64(next);
    writer.writeUint32(skipped.size());
    for (MessageKey key : skipped.values()) {
      writer.writeUint64(key.generation());
      Secret k = key.key();
      Secret n = key.nonce();
      SecretState.write(writer, k);
      SecretState.write(writer, n);
      k.destroy();
      n.destroy();
    }
  }

  /** Reads a ratchet written by {@link #writeState}. */
  static HashRatchet readState(MlsSuite suite, int leafIndex, RatchetType type,
      RatchetWindow window, dev.sealmeet.codec.TlsReader reader)
      throws dev.sealmeet.error.DecodeException {
    HashRatchet ratchet = new HashRatchet(
        suite, leafIndex, type, SecretState.readPresent(reader, "ratchet secret"), window);
    ratchet.next = reader.readUint64();
    long count = reader.readUint32();
    if (count > window.maxSkippedKeys() || ratchet.next > MAX_GENERATION + 1) {
      throw new dev.sealmeet.error.DecodeException("persisted ratchet out of its window");
    }
    for (long i = 0; i < count; i++) {
      long generation = reader.readUint64();
      Secret key = SecretState.readPresent(reader, "message key");
      Secret nonce = SecretState.readPresent(reader, "message nonce");
      ratchet.skipped.put(generation, new MessageKey(suite, generation, key, nonce));
    }
    return ratchet;
  }

  /** Wipes the ratchet secret and every kept key. */
  public void destroy() {
    current.destroy();
    for (MessageKey key : skipped.values()) {
      key.destroy();
    }
    skipped.clear();
  }

  /** Number of skipped-generation keys currently kept (for tests and metrics). */
  public int skippedKeyCount() {
    return skipped.size();
  }

  /** Position only, no secret. */
  @Override
  public String toString() {
    return "HashRatchet[" + describe() + ", next " + next + ", kept " + skipped.size() + "]";
  }

  private void checkAhead(long generation) throws ProtocolException {
    if (generation > MAX_GENERATION) {
      throw new ProtocolException("RFC 9420 §6.3.2", describe() + " generation " + generation
          + " does not fit a uint32");
    }
    if (generation - next > window.maxForwardDistance()) {
      throw new ProtocolException("RFC 9420 §9.2", describe() + " generation " + generation
          + " is more than " + window.maxForwardDistance() + " ahead of " + next);
    }
  }

  private void remember(MessageKey key) {
    skipped.put(key.generation(), key);
    if (skipped.size() > window.maxSkippedKeys()) {
      Iterator<Map.Entry<Long, MessageKey>> oldest = skipped.entrySet().iterator();
      oldest.next().getValue().destroy();
      oldest.remove();
    }
  }

  private void advance() {
    Secret following = step(current, next);
    current.destroy();
    current = following;
    next++;
  }

  private Secret step(Secret secret, long generation) {
    return suite.deriveTreeSecret(secret, "secret", generation, suite.hashLength());
  }

  private MessageKey keyAt(Secret secret, long generation) {
    Secret nonce = suite.deriveTreeSecret(
        secret, "nonce", generation, suite.primitives().aeadNonceLength());
    Secret key = suite.deriveTreeSecret(secret, "key", generation, suite.primitives().aeadKeyLength());
    return new MessageKey(suite, generation, key, nonce);
  }

  private void checkLive() {
    if (current.isDestroyed()) {
      throw new IllegalStateException(describe() + " was destroyed");
    }
  }

  private String describe() {
    return "leaf " + leafIndex + " " + type.label() + " ratchet";
  }
}
