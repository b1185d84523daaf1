package dev.sealmeet.sframe.auth;

import dev.sealmeet.error.DecodeException;
import java.nio.ByteBuffer;

/**
 * Where a protected frame's SFrame tag is: its last {@code Nt} bytes (RFC 9605 §4.4.3), in a heap
 * or a direct buffer, read without moving the buffer's cursors and without copying the frame.
 */
final class FrameTag {
  private FrameTag() {}

  /**
   * The buffer index of the tag of the protected frame {@code frame[from, to)}.
   *
   * @throws DecodeException if the frame is not longer than a tag
   */
  static int index(ByteBuffer frame, int from, int to, int tagLength) throws DecodeException {
    if (to - from < tagLength + 1) {
      throw new DecodeException("frame of " + (to - from) + " bytes has no tag");
    }
    return to - tagLength;
  }

  /**
   * Copies the {@code tagLength} bytes at buffer index {@code tagIndex} of {@code frame} into
   * {@code dst} at {@code at}: one array copy for a heap buffer, absolute gets for a direct one.
   */
  static void copy(ByteBuffer frame, int tagIndex, byte[] dst, int at, int tagLength) {
    if (frame.hasArray()) {
      System.arraycopy(frame.array(), frame.arrayOffset() + tagIndex, dst, at, tagLength);
      return;
    }
    for (int j = 0; j < tagLength; j++) {
      dst[at + j] = frame.get(tagIndex + j);
    }
  }
}
