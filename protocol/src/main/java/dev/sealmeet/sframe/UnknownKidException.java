package dev.sealmeet.sframe;

import dev.sealmeet.error.ProtocolException;

/**
 * A frame names a KID for which the receiver holds no key (RFC 9605 §4.4.4). The application may buffer
 * the frame and retry once a key for {@link #kid()} is installed. Carries no stack trace: unknown KIDs
 * are routine on the media path (late keys, or an attacker sending random headers).
 */
public final class UnknownKidException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final long kid;

  UnknownKidException(long kid) {
    super("RFC 9605 §4.4.4", "no receive key for KID 0x" + Long.toHexString(kid));
    this.kid = kid;
  }

  /** The KID of the frame, an unsigned 64-bit value. */
  public long kid() {
    return kid;
  }

  /** Returns this without capturing a stack trace. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
