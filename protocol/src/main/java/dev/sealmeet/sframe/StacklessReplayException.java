package dev.sealmeet.sframe;

import dev.sealmeet.error.ReplayException;

/** A {@link ReplayException} without a stack trace, for replayed or too-old frames. */
final class StacklessReplayException extends ReplayException {
  private static final long serialVersionUID = 1L;

  StacklessReplayException(String message) {
    super(message, false);
  }
}
