package dev.sealmeet.error;

/**
 * Root of every checked exception Sealmeet throws for hostile or unusable input.
 *
 * <p>Messages carry data a caller can log (offsets, lengths, suite ids, epochs, RFC sections), never
 * key material, plaintext or identities. Callers that need to branch use {@link #reason()} rather than
 * parsing the message.
 */
public abstract class SealmeetException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  /**
   * @param reason the category a caller can branch on
   * @param message what was expected and what was found; never a secret
   */
  protected SealmeetException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * @param reason the category a caller can branch on
   * @param message what was expected and what was found; never a secret
   * @param cause the underlying provider exception, if any
   */
  protected SealmeetException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Constructor for exceptions on a hot path: no stack trace is captured. */
  protected SealmeetException(Reason reason, String message, boolean captureStackTrace) {
    super(message, null, false, captureStackTrace);
    this.reason = reason;
  }

  /** The category of this failure. */
  public final Reason reason() {
    return reason;
  }

  /** What went wrong, in categories a caller can act on. */
  public enum Reason {
    /** The input is not a well-formed encoding. */
    MALFORMED,
    /** A tag, MAC or signature did not verify. */
    AUTHENTICATION_FAILED,
    /** A protocol rule was broken (the message names the RFC section). */
    PROTOCOL_VIOLATION,
    /** A message was seen before, or is too old to be accepted. */
    REPLAY,
    /** A suite, version, extension or algorithm is not supported. */
    UNSUPPORTED,
    /** A key or public value is invalid (bad point, all-zero shared secret, wrong length). */
    INVALID_KEY,
    /** A server could not be reached or did not answer; the call may be retried. */
    TRANSPORT,
    /** Saved state could not be written or read, or what was read is not the newest state. */
    STORAGE
  }
}
