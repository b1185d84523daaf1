package dev.sealmeet.meeting;

import java.util.Optional;

/**
 * Writes a member's state through its {@link MeetingStore} (the {@link MeetingRuntime#store()}),
 * at every change before the change is used, each write with a greater version; does nothing
 * without a store. Holds the member's {@link SendCounterMarks}.
 */
final class MeetingSaver {
  private final MeetingStore store;
  private final StateKey key;
  private final SendCounterMarks marks;
  private long version;

  private MeetingSaver(MeetingStore store, StateKey key, SendCounterMarks marks, long version) {
    this.store = store;
    this.key = key;
    this.marks = marks;
    this.version = version;
  }

  /** A saver that saves nothing. */
  static MeetingSaver none() {
    return new MeetingSaver(null, null, null, 0);
  }

  /**
   * The saver of {@code account} in {@code meetingId}, continuing above the newest version its
   * store has written.
   *
   * @throws StorageException if the store cannot be read
   */
  static MeetingSaver of(MeetingClient client, byte[] meetingId) throws StorageException {
    Optional<MeetingStore> store = client.options().runtime().store();
    if (store.isEmpty()) {
      return none();
    }
    StateKey key = new StateKey(meetingId, client.account(), StateKey.MEETING);
    SendCounterMarks marks = SendCounterMarks.load(store.get(),
        new StateKey(meetingId, client.account(), StateKey.MEDIA_MARKS));
    return new MeetingSaver(store.get(), key, marks, store.get().newestVersion(key));
  }

  /** The counter marks media must reserve through, if this member is saved. */
  Optional<SendCounterMarks> marks() {
    return Optional.ofNullable(marks);
  }

  /**
   * Saves {@code m} now.
   *
   * @throws StorageException if the store did not take it; the caller does not use the change
   */
  void save(Meeting m) throws StorageException {
    if (store == null || m.status == Meeting.Status.ENDED) {
      return;
    }
    store.write(new StateRecord(key, version + 1, MeetingState.write(m)));
    version++;
  }

  /** Erases the member's records (the meeting ended for it); a failure is left to the store. */
  void erase(byte[] meetingId, String account) throws StorageException {
    if (store != null) {
      store.erase(meetingId, account);
    }
  }

  /** Whether a store is attached, and the version; never the state. */
  @Override
  public String toString() {
    return store == null ? "MeetingSaver[none]" : "MeetingSaver[version " + version + "]";
  }
}
