package dev.sealmeet.error;

/**
 * An internal invariant failed: a bug in Sealmeet or a broken JDK/provider (for example a mandatory
 * algorithm missing). Never thrown for hostile input.
 */
public final class SealmeetBugException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message the invariant that failed */
  public SealmeetBugException(String message) {
    super(message);
  }

  /** @param message the invariant that failed @param cause the underlying failure */
  public SealmeetBugException(String message, Throwable cause) {
    super(message, cause);
  }
}
