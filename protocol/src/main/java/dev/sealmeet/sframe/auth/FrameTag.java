package dev.sealmeet.sframe.auth;

import dev.sealmeet.error.DecodeException;
import java.nio.ByteBuffer;

/** Where a protected frame's SFrame tag is: its last {@code Nt} bytes (RFC 9605 §4.4.3). */
final class FrameTag {
  private FrameTag() {}

  /**
   * The array offset of the tag of the protected frame from {@code frame}'s position to its limit.
   *
   * @throws IllegalArgumentException if {@code frame} is not a heap buffer
   * @throws DecodeException if the frame is not longer than a tag
   */
  static int offset(ByteBuffer frame, int tagLength) throws DecodeException {
    if (!frame.hasArray()) {
      throw new IllegalArgumentException("a heap buffer is required");
    }
    if (frame.remaining() < tagLength + 1) {
      throw new DecodeException("frame of " + frame.remaining() + " bytes has no tag");
    }
    return frame.arrayOffset() + frame.limit() - tagLength;
  }
}
