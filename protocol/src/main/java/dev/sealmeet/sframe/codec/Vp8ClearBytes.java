package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * VP8: the payload header of RFC 7741 §4.3 stays clear: the 3-byte frame tag (inverse key frame bit,
 * version, show_frame, first partition size), and on a key frame the 7 bytes after it (start code
 * {@code 9d 01 2a}, width and height; RFC 6386 §9.1), 10 bytes in all.
 */
final class Vp8ClearBytes implements CodecClearBytes {
  static final int TAG_LENGTH = 3;
  static final int KEY_FRAME_HEADER_LENGTH = 10;

  @Override
  public List<ClearRange> clearRanges(byte[] frame) throws DecodeException {
    if (frame.length < TAG_LENGTH) {
      throw new DecodeException("VP8 frame of " + frame.length + " bytes has no 3-byte frame tag");
    }
    boolean keyFrame = (frame[0] & 1) == 0; // RFC 7741 §4.3: P bit, 0 on key frames
    if (!keyFrame) {
      return List.of(new ClearRange(0, TAG_LENGTH, ClearReason.VP8_PAYLOAD_HEADER));
    }
    if (frame.length < KEY_FRAME_HEADER_LENGTH) {
      throw new DecodeException("VP8 key frame of " + frame.length + " bytes is shorter than its "
          + KEY_FRAME_HEADER_LENGTH + "-byte header");
    }
    if ((frame[3] & 0xff) != 0x9d || (frame[4] & 0xff) != 0x01 || (frame[5] & 0xff) != 0x2a) {
      throw new DecodeException("VP8 key frame without the start code 9d 01 2a at offset 3");
    }
    return List.of(new ClearRange(0, KEY_FRAME_HEADER_LENGTH, ClearReason.VP8_PAYLOAD_HEADER));
  }

  @Override
  public boolean annexB() {
    return false;
  }
}
