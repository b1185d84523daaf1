package dev.sealmeet.ds.grpc;

import dev.sealmeet.meeting.TransportException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.ConnectException;

/**
 * What a failed call becomes on the client, as {@code delivery.proto} lists the codes: an unknown
 * meeting or a bad argument an {@link IllegalArgumentException}, a meeting opened twice an {@link
 * IllegalStateException}, a refused caller a non-retryable {@link TransportException} caused by
 * a {@link CallRefusedException}, an unreachable server or store a retryable {@link
 * TransportException}.
 */
final class ClientStatus {
  private ClientStatus() {}

  /**
   * Whether a call that failed with {@code code} may succeed when sent again (to this or another
   * node): the server could not answer, or the answer did not arrive.
   */
  static boolean transientFailure(Status.Code code) {
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.ABORTED;
  }

  /**
   * Whether the request surely never reached a server (the connection could not be made), so
   * that even a call that is not idempotent may go to another node.
   */
  static boolean neverSent(StatusRuntimeException e) {
    if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
      return false;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  /** A failure that is not transient, as the exception the caller gets. */
  static Exception permanent(String operation, StatusRuntimeException e) {
    Status status = e.getStatus();
    String what = operation + ": " + status.getCode()
        + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")");
    return switch (status.getCode()) {
      case NOT_FOUND, INVALID_ARGUMENT, OUT_OF_RANGE -> new IllegalArgumentException(what);
      case ALREADY_EXISTS, FAILED_PRECONDITION -> new IllegalStateException(what);
      case UNAUTHENTICATED -> new TransportException(what, false,
          new CallRefusedException(CallRefusedException.Reason.UNAUTHENTICATED, what));
      case PERMISSION_DENIED -> new TransportException(what, false,
          new CallRefusedException(CallRefusedException.Reason.PERMISSION_DENIED, what));
      default -> new TransportException(what, transientFailure(status.getCode()), e);
    };
  }

  /** {@link #permanent} thrown: a runtime exception as is, a transport failure as checked. */
  static TransportException raise(String operation, StatusRuntimeException e) {
    Exception mapped = permanent(operation, e);
    if (mapped instanceof RuntimeException r) {
      throw r;
    }
    return (TransportException) mapped;
  }
}
