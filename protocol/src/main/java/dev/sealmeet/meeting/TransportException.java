package dev.sealmeet.meeting;

import dev.sealmeet.error.SealmeetException;

/**
 * A call to the {@link DeliveryService} failed in transport: the request may or may not have
 * reached the server, and no answer came back. It says nothing about the meeting's messages, so
 * it never causes a {@link Stall}; what state a meeting is in afterwards is written in {@link
 * DeliveryService}.
 */
public final class TransportException extends SealmeetException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * @param message what failed (an operation and a status, never an envelope's content)
   * @param retryable whether the same call may succeed later (a timeout, a dropped connection, a
   *     server busy) rather than never (the server rejects this client)
   */
  public TransportException(String message, boolean retryable) {
    super(Reason.TRANSPORT, message);
    this.retryable = retryable;
  }

  /**
   * @param message what failed (an operation and a status, never an envelope's content)
   * @param retryable whether the same call may succeed later
   * @param cause the client library's exception
   */
  public TransportException(String message, boolean retryable, Throwable cause) {
    super(Reason.TRANSPORT, message, cause);
    this.retryable = retryable;
  }

  /** Whether the same call may succeed later; a retry of a submit re-sends the same id. */
  public boolean retryable() {
    return retryable;
  }
}
