package dev.sealmeet.meeting;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSuite;
import java.util.Set;

/**
 * One epoch's media receive keys: its {@code base_key} and an SFrame receiver that derives each
 * sender's key from it on first use (RFC 9605 §4.4.2, §5.2). Erased as a whole.
 */
final class EpochMediaKeys {
  final long epoch;
  private final Set<Long> senders;
  private final Secret baseKey;
  private final SframeReceiver receiver;
  private long replacedAtNanos;
  private boolean replaced;

  EpochMediaKeys(SframeSuite suite, SframeOptions options, long epoch, Secret baseKey,
      Set<Long> senders) {
    this.epoch = epoch;
    this.baseKey = baseKey;
    this.senders = new java.util.HashSet<>(senders);
    this.receiver = new SframeReceiver(suite, options);
  }

  /** Whether {@code leaf} may send under this epoch's keys. */
  boolean accepts(long leaf) {
    return senders.contains(leaf);
  }

  /** {@code leaf} left the group: its frames of this epoch are no longer accepted. */
  void revoke(long leaf) {
    senders.remove(leaf);
  }

  /** The receiver, with the key of {@code kid} installed. */
  SframeReceiver receiverFor(long kid) {
    if (!receiver.hasKey(kid)) {
      receiver.addKey(kid, baseKey);
    }
    return receiver;
  }

  Secret baseKey() {
    return baseKey;
  }

  void markReplaced(long nanos) {
    replaced = true;
    replacedAtNanos = nanos;
  }

  boolean replaced() {
    return replaced;
  }

  long replacedAtNanos() {
    return replacedAtNanos;
  }

  void erase() {
    receiver.close();
    baseKey.destroy();
  }

  boolean erased() {
    return baseKey.isDestroyed();
  }
}
