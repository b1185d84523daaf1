package dev.sealmeet.meeting;

import java.util.Optional;

/**
 * One record of a member's saved state in its {@link MeetingStore}: every write carries a version
 * above every one written before (so an older copy can be told from the newest), and a read
 * refuses an older copy unless the caller accepts one. Shared by the meeting's state, its send
 * counter marks and a waiting guest's KeyPackages. Writes are serialized here.
 */
final class VersionedRecord {
  private final MeetingStore store;
  private final StateKey key;
  /** The greatest version written under the key, by anyone. */
  private long version;

  private VersionedRecord(MeetingStore store, StateKey key, long version) {
    this.store = store;
    this.key = key;
    this.version = version;
  }

  /**
   * The record {@code name} of {@code client} in {@code meetingId}, continuing above the newest
   * version the store has written; empty if the client's runtime has no store.
   *
   * @throws StorageException if the store cannot be read
   */
  static Optional<VersionedRecord> of(MeetingClient client, byte[] meetingId, String name)
      throws StorageException {
    Optional<MeetingStore> store = client.options().runtime().store();
    if (store.isEmpty()) {
      return Optional.empty();
    }
    StateKey key = new StateKey(meetingId, client.account(), name);
    return Optional.of(new VersionedRecord(store.get(), key, store.get().newestVersion(key)));
  }

  /**
   * Durably replaces the record with {@code bytes} under the next version.
   *
   * @throws StorageException if the store did not take it
   */
  synchronized void write(byte[] bytes) throws StorageException {
    store.write(new StateRecord(key, version + 1, bytes));
    version++;
  }

  /**
   * The record saved, if any; its version counts as written from now on (a store may hold a
   * record above the newest version it noted, after a crash between the two writes).
   */
  synchronized Optional<StateRecord> read() throws StorageException {
    Optional<StateRecord> saved = store.read(key);
    saved.ifPresent(r -> version = Math.max(version, r.version()));
    return saved;
  }

  /**
   * The record saved, refused if it is older than the newest version written (a rollback) unless
   * {@code acceptOlder}.
   *
   * @param what what the record is, for messages ("state", "lobby state")
   * @param ifOlder what the caller can do about an older copy, appended to the message
   * @throws StorageException if nothing is saved, or only an older copy and not {@code acceptOlder}
   */
  synchronized StateRecord readNewest(String what, boolean acceptOlder, String ifOlder)
      throws StorageException {
    StateRecord saved = store.read(key).orElseThrow(() -> new StorageException(
        "no saved " + what + " of this member in this meeting"));
    if (isOlder(saved) && !acceptOlder) {
      throw new StorageException("the saved " + what + " is version " + saved.version()
          + " but the store has written version " + version + ": an older copy (rolled back)"
          + ifOlder);
    }
    return saved;
  }

  /** Whether {@code saved} is older than the newest version written. */
  synchronized boolean isOlder(StateRecord saved) {
    return saved.version() < version;
  }

  /** Erases every record of this member in this meeting, keeping the newest versions. */
  void eraseMember() throws StorageException {
    store.erase(key.meetingId(), key.account());
  }

  /** Key and version only. */
  @Override
  public synchronized String toString() {
    return "VersionedRecord[" + key.name() + ", version " + version + "]";
  }
}
