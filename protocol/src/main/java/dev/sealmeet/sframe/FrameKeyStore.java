package dev.sealmeet.sframe;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * The installed frame keys of one sender or receiver, by KID: installing refuses to replace a key,
 * removing wipes it. Not thread-safe (its owner's contract applies).
 */
final class FrameKeyStore {
  private final KidMap<FrameKey> keys = new KidMap<>();
  private final String role;
  private final Consumer<FrameKey> beforeWipe;

  /** @param role "send" or "receive", for error messages */
  FrameKeyStore(String role) {
    this(role, key -> { });
  }

  /**
   * @param role "send" or "receive", for error messages
   * @param beforeWipe sees each removed key just before it is wiped (a sender records its CTR)
   */
  FrameKeyStore(String role, Consumer<FrameKey> beforeWipe) {
    this.role = role;
    this.beforeWipe = beforeWipe;
  }

  /** The key of {@code kid}, or {@code null}. Allocation-free. */
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
  void add(long kid, Supplier<FrameKey> derivation) {
    if (keys.get(kid) != null) {
      throw new IllegalStateException(
          "KID 0x" + Long.toHexString(kid) + " already has a " + role + " key");
    }
    keys.put(kid, derivation.get());
  }

  /** Removes and wipes the key of {@code kid}; returns whether there was one. */
  boolean remove(long kid) {
    FrameKey key = keys.remove(kid);
    if (key == null) {
      return false;
    }
    try {
      beforeWipe.accept(key);
    } finally {
      key.destroy();
    }
    return true;
  }

  /** Removes and wipes every key whose KID matches {@code filter}; returns how many. */
  int removeMatching(LongPredicate filter) {
    List<Long> matching = keys.kidsMatching(filter);
    for (long kid : matching) {
      remove(kid);
    }
    return matching.size();
  }

  /** Removes and wipes every key. */
  void clear() {
    removeMatching(kid -> true);
  }
}
