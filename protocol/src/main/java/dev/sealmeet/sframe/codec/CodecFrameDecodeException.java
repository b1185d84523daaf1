package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;

/**
 * A {@link DecodeException} without a stack trace, for malformed codec-aware frames: routine under
 * attack on the media path, so cheap to throw.
 */
final class CodecFrameDecodeException extends DecodeException {
  private static final long serialVersionUID = 1L;

  CodecFrameDecodeException(String message) {
    super(message, false);
  }
}
