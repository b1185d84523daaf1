package dev.sealmeet.mls.group;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The epochs before the current one whose application receive keys are kept for late messages
 * (RFC 9420 §14), newest first, at most {@link GroupConfig#pastEpochs()} of them. A retired epoch
 * keeps only its sender data secret and its members' application ratchets; its membership key,
 * handshake ratchets, unexpanded secret-tree nodes, other secrets and path keys are erased at once.
 */
final class PastEpochs {
  private final int limit;
  private final Deque<EpochState> epochs = new ArrayDeque<>();

  PastEpochs(int limit) {
    this.limit = limit;
  }

  /** Keeps {@code epoch}'s receive keys, erases the rest, and drops the oldest beyond the limit. */
  void retire(EpochState epoch) {
    if (limit > 0) {
      epoch.retainApplicationKeys();
      epochs.addFirst(epoch);
    } else {
      epoch.destroy();
    }
    while (epochs.size() > limit) {
      epochs.removeLast().protection.destroy();
    }
  }

  /** The kept epoch {@code epoch}, or null. */
  EpochState find(long epoch) {
    for (EpochState past : epochs) {
      if (past.epoch() == epoch) {
        return past;
      }
    }
    return null;
  }

  int size() {
    return epochs.size();
  }

  /** The kept epochs, newest first (for persistence). */
  List<EpochState> list() {
    return List.copyOf(epochs);
  }

  /** Adds restored epochs, newest first. */
  void restore(List<EpochState> restored) {
    epochs.addAll(restored);
  }

  /** Erases every kept epoch. */
  void close() {
    epochs.forEach(e -> e.protection.destroy());
    epochs.clear();
  }
}
