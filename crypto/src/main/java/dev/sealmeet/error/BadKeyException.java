package dev.sealmeet.error;

/**
 * A key or public value is unusable: not on the curve, wrong length, low order, or it yields an all-zero
 * shared secret (RFC 9180 §7.1.4).
 */
public class BadKeyException extends SealmeetException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong with the key, never its bytes */
  public BadKeyException(String message) {
    super(Reason.INVALID_KEY, message);
  }

  /** @param message what is wrong @param cause the provider exception */
  public BadKeyException(String message, Throwable cause) {
    super(Reason.INVALID_KEY, message, cause);
  }
}
