package dev.sealmeet.ds.grpc;

import dev.sealmeet.meeting.TransportException;
import java.util.Optional;

/**
 * The delivery service refused the caller: no or a bad credential, or an account that may not do
 * this. {@link GrpcDeliveryService} throws it as the cause of a non-retryable {@link
 * TransportException} (the meeting layer's contract knows no other checked failure); {@link
 * #in(Throwable)} finds it there.
 */
public final class CallRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the call was refused. */
  public enum Reason {
    /** No credential, or one the server does not accept (gRPC {@code UNAUTHENTICATED}). */
    UNAUTHENTICATED,
    /** The account may not do this (gRPC {@code PERMISSION_DENIED}). */
    PERMISSION_DENIED
  }

  private final Reason reason;

  /** A refusal of {@code reason}; the message names the operation and the rule, never content. */
  public CallRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the call was refused. */
  public Reason reason() {
    return reason;
  }

  /** The refusal in {@code failure}'s causes, if the server refused the caller. */
  public static Optional<CallRefusedException> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CallRefusedException refused) {
        return Optional.of(refused);
      }
    }
    return Optional.empty();
  }
}
