package dev.sealmeet.meeting;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSuite;
import java.util.Arrays;
import java.util.Set;

/**
 * One epoch's media receive keys: its {@code base_key}, its senders, and an SFrame receiver that
 * derives each sender's key from the base key on first use (RFC 9605 §4.4.2, §5.2). Erased as a
 * whole.
 *
 * <p><b>Threads.</b> Media threads call {@link #accepts} and {@link #receiverFor} at any time; the
 * control plane calls {@link #revoke}, {@link #markReplaced} and {@link #erase}. The senders are an
 * immutable sorted array replaced on revoke (lookups allocate nothing); a sender's key is derived
 * at most once and published complete (see {@link SframeReceiver#addKeyIfAbsent}). {@link #erase}
 * closes the receiver before it destroys the base key, so a derivation in progress finishes first
 * and none starts afterwards: a media thread that loses the race gets {@code null} from
 * {@code receiverFor} or an {@code UnknownKidException} from the receiver, never a half-wiped key.
 */
final class EpochMediaKeys {
  final long epoch;
  private volatile long[] senders;
  private final Secret baseKey;
  private final SframeReceiver receiver;
  private volatile long replacedAtNanos;
  private volatile boolean replaced;
  private volatile boolean erased;

  EpochMediaKeys(SframeSuite suite, SframeOptions options, long epoch, Secret baseKey,
      Set<Long> senders) {
    this.epoch = epoch;
    this.baseKey = baseKey;
    this.senders = senders.stream().mapToLong(Long::longValue).sorted().toArray();
    this.receiver = new SframeReceiver(suite, options);
  }

  /** Whether {@code leaf} may send under this epoch's keys. Allocation-free. */
  boolean accepts(long leaf) {
    return Arrays.binarySearch(senders, leaf) >= 0;
  }

  /** {@code leaves} left the group: their frames of this epoch are no longer accepted. */
  synchronized void revoke(Set<Long> leaves) {
    senders = Arrays.stream(senders).filter(leaf -> !leaves.contains(leaf)).toArray();
  }

  /**
   * The receiver, with the key of {@code kid} installed (derived now if this is its first frame), or
   * {@code null} once the epoch is erased.
   */
  SframeReceiver receiverFor(long kid) {
    if (receiver.hasKey(kid) || receiver.addKeyIfAbsent(kid, baseKey)) {
      return receiver;
    }
    return null;
  }

  void markReplaced(long nanos) {
    replacedAtNanos = nanos;
    replaced = true;
  }

  boolean replaced() {
    return replaced;
  }

  long replacedAtNanos() {
    return replacedAtNanos;
  }

  /** Wipes every derived key, then the base key. Idempotent. */
  synchronized void erase() {
    erased = true;
    receiver.close();
    baseKey.destroy();
  }

  boolean erased() {
    return erased;
  }

  /**
   * What a saved meeting keeps of an epoch within its grace, so that a resumed member still
   * decrypts the frames of it in flight: the base key (copied; as secret as the epoch) and the
   * senders it still accepts.
   */
  record Saved(long epoch, byte[] baseKey, Set<Long> senders) {}

  /** This epoch as a saved meeting keeps it, or null once erased. */
  synchronized Saved saved() {
    if (erased) {
      return null;
    }
    Set<Long> accepted = new java.util.TreeSet<>();
    Arrays.stream(senders).forEach(accepted::add);
    return new Saved(epoch, baseKey.copyBytes(), accepted);
  }
}
