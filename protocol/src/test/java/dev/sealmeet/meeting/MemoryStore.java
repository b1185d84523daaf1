package dev.sealmeet.meeting;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link MeetingStore} in memory for tests: keeps every version written, so a test can roll a
 * record back to an older one, and counts writes per record.
 */
final class MemoryStore implements MeetingStore {
  private final Map<StateKey, StateRecord> records = new HashMap<>();
  private final Map<StateKey, Long> newest = new HashMap<>();
  private final Map<StateKey, Map<Long, StateRecord>> history = new HashMap<>();
  private final Map<String, Integer> writes = new HashMap<>();
  private String failNextWriteOf;

  @Override
  public synchronized void write(StateRecord record) throws StorageException {
    if (record.key().name().equals(failNextWriteOf)) {
      failNextWriteOf = null;
      throw new StorageException("disk full (test)");
    }
    if (record.version() <= newest.getOrDefault(record.key(), 0L)) {
      throw new StorageException("version " + record.version() + " is not above the newest");
    }
    records.put(record.key(), record);
    newest.put(record.key(), record.version());
    history.computeIfAbsent(record.key(), k -> new HashMap<>()).put(record.version(), record);
    writes.merge(record.key().name(), 1, Integer::sum);
  }

  @Override
  public synchronized Optional<StateRecord> read(StateKey key) {
    return Optional.ofNullable(records.get(key));
  }

  @Override
  public synchronized long newestVersion(StateKey key) {
    return newest.getOrDefault(key, 0L);
  }

  @Override
  public synchronized void erase(byte[] meetingId, String account) {
    records.keySet().removeIf(k -> java.util.Arrays.equals(k.meetingId(), meetingId)
        && k.account().equals(account));
  }

  /** Puts back the record {@code key} had at {@code version} (a restored backup). */
  synchronized void rollBack(StateKey key, long version) {
    records.put(key, history.get(key).get(version));
  }

  /** Replaces the record's bytes, keeping its version (damage on disk). */
  synchronized void damage(StateKey key, byte[] bytes) {
    StateRecord r = records.get(key);
    records.put(key, new StateRecord(key, r.version(), bytes));
  }

  /** The next write of a record named {@code name} fails, as a full disk would. */
  synchronized void failNextWriteOf(String name) {
    failNextWriteOf = name;
  }

  synchronized int writes(String name) {
    return writes.getOrDefault(name, 0);
  }
}
