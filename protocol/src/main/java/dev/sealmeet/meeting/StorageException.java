package dev.sealmeet.meeting;

import dev.sealmeet.error.SealmeetException;

/**
 * A {@link MeetingStore} could not write or read a member's state, or what it read may not be
 * used: damaged, sealed for another meeting or member, or older than the newest version the
 * store has written (a rollback). A meeting whose write failed has not used the change it was
 * saving: the operation that needed the write failed with this exception.
 */
public final class StorageException extends SealmeetException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed (a record name, a version, a path), never the state's bytes */
  public StorageException(String message) {
    super(Reason.STORAGE, message);
  }

  /**
   * @param message what failed (a record name, a version, a path), never the state's bytes
   * @param cause the file system's or the sealing library's exception
   */
  public StorageException(String message, Throwable cause) {
    super(Reason.STORAGE, message, cause);
  }
}
