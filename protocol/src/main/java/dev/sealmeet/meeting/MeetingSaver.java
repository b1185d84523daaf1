package dev.sealmeet.meeting;

import java.util.Optional;

/**
 * Writes a member's state through its {@link MeetingStore} (the {@link MeetingRuntime#store()}),
 * at every change before the change is used, each write with a greater version; does nothing
 * without a store. Holds the member's {@link SendCounterMarks}.
 */
final class MeetingSaver {
  private final VersionedRecord record;
  private final SendCounterMarks marks;

  private MeetingSaver(VersionedRecord record, SendCounterMarks marks) {
    this.record = record;
    this.marks = marks;
  }

  /** A saver that saves nothing. */
  static MeetingSaver none() {
    return new MeetingSaver(null, null);
  }

  /**
   * The saver of {@code account} in {@code meetingId}, continuing above the newest version its
   * store has written.
   *
   * @throws StorageException if the store cannot be read
   */
  static MeetingSaver of(MeetingClient client, byte[] meetingId) throws StorageException {
    Optional<VersionedRecord> record = VersionedRecord.of(client, meetingId, StateKey.MEETING);
    if (record.isEmpty()) {
      return none();
    }
    SendCounterMarks marks = SendCounterMarks.load(
        VersionedRecord.of(client, meetingId, StateKey.MEDIA_MARKS).orElseThrow());
    return new MeetingSaver(record.get(), marks);
  }

  /** The member's saved meeting record, if it has a store (what {@link Meeting#resume} reads). */
  Optional<VersionedRecord> record() {
    return Optional.ofNullable(record);
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
    if (record == null || m.status == Meeting.Status.ENDED) {
      return;
    }
    record.write(MeetingState.write(m));
  }

  /** Erases the member's records (the meeting ended for it); a failure is left to the store. */
  void erase() throws StorageException {
    if (record != null) {
      record.eraseMember();
    }
  }

  /** Whether a store is attached, and the version; never the state. */
  @Override
  public String toString() {
    return record == null ? "MeetingSaver[none]" : "MeetingSaver[" + record + "]";
  }
}
