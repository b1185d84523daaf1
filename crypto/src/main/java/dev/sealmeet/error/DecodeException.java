package dev.sealmeet.error;

/** Input is not a well-formed encoding: truncated, trailing bytes, non-canonical, out of range. */
public class DecodeException extends SealmeetException {
  private static final long serialVersionUID = 1L;

  /** @param message what was expected and what was found, with the offset where known */
  public DecodeException(String message) {
    super(Reason.MALFORMED, message);
  }

  /** @param message what was expected and what was found @param cause the underlying failure */
  public DecodeException(String message, Throwable cause) {
    super(Reason.MALFORMED, message, cause);
  }

  /** Hot-path variant without a stack trace. */
  protected DecodeException(String message, boolean captureStackTrace) {
    super(Reason.MALFORMED, message, captureStackTrace);
  }
}
