package dev.sealmeet.interop;

import io.grpc.Status;
import io.grpc.StatusException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one interop client holds between calls, keyed by the {@code uint32} ids the proto
 * hands out: group states, KeyPackage transactions and external signers. One id space for all
 * three, because {@code StorePSK} takes "a state or transaction id". Thread-safe.
 *
 * <p>The number of entries is bounded by {@link #MAX_ENTRIES}, so that a runner that never calls
 * {@code Free} cannot exhaust the heap.
 */
final class ClientStates {
  /** Most entries kept at once; a register beyond it is refused with RESOURCE_EXHAUSTED. */
  static final int MAX_ENTRIES = 100_000;

  private final Map<Integer, Held> entries = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger(1);

  /** Stores {@code entry} under a fresh id (never 0: proto3 cannot tell 0 from absent). */
  int register(Held entry) throws StatusException {
    if (entries.size() >= MAX_ENTRIES) {
      throw Status.RESOURCE_EXHAUSTED
          .withDescription("more than " + MAX_ENTRIES + " states; Free some").asException();
    }
    int id = next.getAndIncrement();
    entries.put(id, entry);
    return id;
  }

  /** Replaces the entry under {@code id} (a state that moved to a new group). */
  void replace(int id, Held entry) {
    entries.put(id, entry);
  }

  /** The group state {@code id}. */
  GroupState group(int id) throws StatusException {
    return get(id, GroupState.class, "group state");
  }

  /** The KeyPackage transaction {@code id}. */
  Transaction transaction(int id) throws StatusException {
    return get(id, Transaction.class, "KeyPackage transaction");
  }

  /** The external signer {@code id}. */
  Signer signer(int id) throws StatusException {
    return get(id, Signer.class, "external signer");
  }

  /** The entry {@code id}, of whatever kind. */
  Held any(int id) throws StatusException {
    Held entry = entries.get(id);
    if (entry == null) {
      throw notFound(id, "state or transaction");
    }
    return entry;
  }

  /** Drops {@code id} and erases its secrets, if it holds {@code expected}. */
  void remove(int id, Held expected) {
    if (entries.remove(id, expected)) {
      expected.close();
    }
  }

  /** Drops {@code id} and erases its secrets; unknown ids are ignored. */
  void free(int id) {
    Held entry = entries.remove(id);
    if (entry != null) {
      entry.close();
    }
  }

  /** The number of entries held. */
  int size() {
    return entries.size();
  }

  private <T> T get(int id, Class<T> type, String what) throws StatusException {
    Held entry = entries.get(id);
    if (!type.isInstance(entry)) {
      throw notFound(id, what);
    }
    return type.cast(entry);
  }

  private static StatusException notFound(int id, String what) {
    return Status.INVALID_ARGUMENT.withDescription("no " + what + " with id " + id).asException();
  }
}
