package dev.sealmeet.error;

/** A message or frame was already accepted, or is older than the receiver still accepts. */
public class ReplayException extends SealmeetException {
  private static final long serialVersionUID = 1L;

  /** @param message which counter or generation, and the window it fell outside */
  public ReplayException(String message) {
    super(Reason.REPLAY, message);
  }

  /** Hot-path variant without a stack trace. */
  protected ReplayException(String message, boolean captureStackTrace) {
    super(Reason.REPLAY, message, captureStackTrace);
  }
}
