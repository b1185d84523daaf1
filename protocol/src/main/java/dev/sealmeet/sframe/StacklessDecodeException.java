package dev.sealmeet.sframe;

import dev.sealmeet.error.DecodeException;

/** A {@link DecodeException} without a stack trace, for malformed frames on the media path. */
final class StacklessDecodeException extends DecodeException {
  private static final long serialVersionUID = 1L;

  private StacklessDecodeException(String message) {
    super(message, false);
  }

  static StacklessDecodeException of(String message) {
    return new StacklessDecodeException(message);
  }
}
