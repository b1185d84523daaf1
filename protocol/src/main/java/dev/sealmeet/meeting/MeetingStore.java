package dev.sealmeet.meeting;

import java.util.Optional;

/**
 * Where a meeting keeps its member's state so that the member can resume after a restart. The
 * meeting writes through it at every change of its state, before the change is used (a commit is
 * saved before it is submitted, a send counter's mark before the counter reaches it), so that
 * whatever the process was killed in, the store holds a state the member may continue from
 * without ever using an AEAD nonce twice.
 *
 * <p>Implementations must be safe for concurrent calls from several threads (media threads
 * reserve send counters while the control thread saves the meeting), and each {@link #write} must
 * be atomic and durable: when it returns the record survives a crash, and a crash during it
 * leaves the old record or the new one, never part of either. sealmeet-store provides a directory
 * of atomically replaced files, sealed with Tink, that needs no setup.
 */
public interface MeetingStore {
  /**
   * Durably replaces the record named by {@code record.key()}.
   *
   * @throws StorageException if the record could not be made durable; the meeting then does not
   *     use the change it was saving
   */
  void write(StateRecord record) throws StorageException;

  /**
   * The record last written under {@code key}, if any.
   *
   * @throws StorageException if the stored bytes cannot be read, are damaged, or were sealed for
   *     another key or version
   */
  Optional<StateRecord> read(StateKey key) throws StorageException;

  /**
   * The greatest version ever written under {@code key}, 0 if none: kept apart from the records
   * (beside the sealing key, say), so that a record replaced by an older copy of itself is
   * noticed. A store that cannot keep it apart returns the version of what {@link #read} returns.
   *
   * @throws StorageException if it cannot be read
   */
  long newestVersion(StateKey key) throws StorageException;

  /**
   * Erases every record of {@code account} in {@code meetingId} (the member left, was removed, or
   * the meeting ended), keeping the newest versions so that an old copy is still refused.
   *
   * @throws StorageException if a record could not be erased
   */
  void erase(byte[] meetingId, String account) throws StorageException;
}
