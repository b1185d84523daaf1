package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.AccessDeniedException;
import dev.sealmeet.ds.StoreException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The gRPC status of a failed core call, as {@code delivery.proto} lists them. A description
 * comes from an exception message (which names a rule, never content), cut to printable ASCII
 * and {@value #MAX_DESCRIPTION} characters, so that no payload byte can reach a client or a log
 * through it; a server fault gets no description at all.
 */
final class ServerStatus {
  /** Longest description sent. */
  static final int MAX_DESCRIPTION = 160;

  private ServerStatus() {}

  /** What the core's argument exceptions mean for a kind of call. */
  enum Lookup {
    /**
     * Opening a meeting: an {@link IllegalArgumentException} is a GroupInfo that does not fit
     * (INVALID_ARGUMENT), an {@link IllegalStateException} a meeting that exists
     * (ALREADY_EXISTS).
     */
    OPEN,
    /**
     * A call on an existing meeting: an {@link IllegalArgumentException} means it does not exist
     * (NOT_FOUND).
     */
    MEETING,
    /** Any other call: an {@link IllegalArgumentException} is a malformed argument. */
    ARGUMENT
  }

  static StatusRuntimeException of(Exception e, Lookup lookup) {
    if (e instanceof StatusRuntimeException s) {
      return s;
    }
    Status status;
    if (e instanceof AccessDeniedException) {
      status = Status.PERMISSION_DENIED.withDescription(describe(e));
    } else if (e instanceof StoreException) {
      status = Status.UNAVAILABLE.withDescription("the store is unavailable");
    } else if (e instanceof IllegalStateException) {
      status = (lookup == Lookup.OPEN ? Status.ALREADY_EXISTS : Status.FAILED_PRECONDITION)
          .withDescription(describe(e));
    } else if (e instanceof IllegalArgumentException) {
      status = (lookup == Lookup.MEETING ? Status.NOT_FOUND : Status.INVALID_ARGUMENT)
          .withDescription(describe(e));
    } else {
      status = Status.INTERNAL;
    }
    return status.asRuntimeException();
  }

  static StatusRuntimeException invalid(String description) {
    return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
  }

  /** The message, printable ASCII only, at most {@link #MAX_DESCRIPTION} characters. */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_DESCRIPTION));
    for (int i = 0; i < message.length() && out.length() < MAX_DESCRIPTION; i++) {
      char c = message.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
