package dev.sealmeet.ds;

/**
 * The delivery service's store failed (a database down, a disk full): the call had no effect, or
 * its effect is unknown; the client gets a retryable failure. Its message names no meeting
 * content.
 */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure without a cause. */
  public StoreException(String message) {
    super(message);
  }
}
