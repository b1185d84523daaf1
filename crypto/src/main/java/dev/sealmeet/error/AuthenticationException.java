package dev.sealmeet.error;

/** A tag, MAC or signature did not verify. The message names which one, never its value. */
public class AuthenticationException extends SealmeetException {
  private static final long serialVersionUID = 1L;

  /** @param message which tag, MAC or signature failed */
  public AuthenticationException(String message) {
    super(Reason.AUTHENTICATION_FAILED, message);
  }

  /** @param message which check failed @param cause the provider exception */
  public AuthenticationException(String message, Throwable cause) {
    super(Reason.AUTHENTICATION_FAILED, message, cause);
  }

  /** Hot-path variant without a stack trace (failed frames are routine under attack). */
  protected AuthenticationException(String message, boolean captureStackTrace) {
    super(Reason.AUTHENTICATION_FAILED, message, captureStackTrace);
  }
}
