package dev.sealmeet.store;

import dev.sealmeet.meeting.MeetingStore;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store that keeps whatever it is given, and lets a test put anything anywhere: the hostile
 * store under a {@link SealedStore} (libsignal's {@code TestBad…Store} idea).
 */
final class InMemoryStore implements MeetingStore {
  private final Map<StateKey, StateRecord> records = new ConcurrentHashMap<>();

  @Override
  public void write(StateRecord record) {
    records.put(record.key(), record);
  }

  @Override
  public Optional<StateRecord> read(StateKey key) {
    return Optional.ofNullable(records.get(key));
  }

  @Override
  public long newestVersion(StateKey key) {
    return read(key).map(StateRecord::version).orElse(0L);
  }

  @Override
  public void erase(byte[] meetingId, String account) {
    records.keySet().removeIf(
        k -> Arrays.equals(k.meetingId(), meetingId) && k.account().equals(account));
  }

  /** Puts {@code record} under {@code key}, whatever key it was written for. */
  void put(StateKey key, StateRecord record) {
    records.put(key, new StateRecord(key, record.version(), record.bytes()));
  }

  /** What is stored under {@code key}. */
  StateRecord get(StateKey key) {
    return records.get(key);
  }
}
