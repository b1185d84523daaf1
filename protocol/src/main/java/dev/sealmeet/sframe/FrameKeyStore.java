package dev.sealmeet.sframe;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * The installed frame keys of one sender or receiver, by KID: installing refuses to replace a key,
 * removing wipes it.
 *
 * <p><b>Threads.</b> Copy on write: changes (rare, on the control plane) are serialized, build a new
 * map and publish it with one volatile write; {@link #get} (every frame) reads the published map
 * without a lock and without allocating. A key removed while another thread uses it is retired first
 * (see {@link FrameKey}), so that thread either finishes its frame or is refused.
 */
final class FrameKeyStore {
  private volatile KidMap<FrameKey> keys = new KidMap<>();
  private final String role;
  private final Consumer<FrameKey> beforeWipe;
  private boolean closed;

  /** @param role "send" or "receive", for error messages */
  FrameKeyStore(String role) {
    this(role, key -> { });
  }

  /**
   * @param role "send" or "receive", for error messages
   * @param beforeWipe sees each removed key after it was retired and just before it is wiped (a
   *     sender records its CTR)
   */
  FrameKeyStore(String role, Consumer<FrameKey> beforeWipe) {
    this.role = role;
    this.beforeWipe = beforeWipe;
  }

  /** The key of {@code kid}, or {@code null}. Allocation-free and lock-free. */
  FrameKey get(long kid) {
    return keys.get(kid);
  }

  /** Number of installed keys. */
  int size() {
    return keys.size();
  }

  /** Whether {@code kid} has a key. */
  boolean has(long kid) {
    return keys.get(kid) != null;
  }

  /**
   * Installs the key {@code derivation} produces under {@code kid}; nothing is derived when the KID is
   * taken.
   *
   * @throws IllegalStateException if {@code kid} already has a key (it is never silently replaced)
   */
  synchronized void add(long kid, Supplier<FrameKey> derivation) {
    checkOpen();
    if (keys.get(kid) != null) {
      throw new IllegalStateException(
          "KID 0x" + Long.toHexString(kid) + " already has a " + role + " key");
    }
    addDerived(kid, derivation);
  }

  /**
   * Installs the key {@code derivation} produces under {@code kid} unless it has one; derives at most
   * once however many threads call this at the same time, and publishes only a complete key.
   *
   * @return whether {@code kid} has a key now; {@code false} only once the store is closed
   */
  synchronized boolean addIfAbsent(long kid, Supplier<FrameKey> derivation) {
    if (closed) {
      return false;
    }
    if (keys.get(kid) == null) {
      addDerived(kid, derivation);
    }
    return true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the " + role + " keys are closed");
    }
  }

  private void addDerived(long kid, Supplier<FrameKey> derivation) {
    FrameKey key = derivation.get();
    KidMap<FrameKey> next = keys.copy();
    next.put(kid, key);
    keys = next;
  }

  /** Removes and wipes the key of {@code kid}; returns whether there was one. */
  synchronized boolean remove(long kid) {
    FrameKey key = keys.get(kid);
    if (key == null) {
      return false;
    }
    KidMap<FrameKey> next = keys.copy();
    next.remove(kid);
    keys = next;
    key.retire();
    try {
      beforeWipe.accept(key);
    } finally {
      key.destroy();
    }
    return true;
  }

  /** Removes and wipes every key whose KID matches {@code filter}; returns how many. */
  synchronized int removeMatching(LongPredicate filter) {
    List<Long> matching = keys.kidsMatching(filter);
    for (long kid : matching) {
      remove(kid);
    }
    return matching.size();
  }

  /** Removes and wipes every key; later installs are refused. Idempotent. */
  synchronized void close() {
    closed = true;
    removeMatching(kid -> true);
  }
}
