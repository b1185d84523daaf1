package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * VP9: in each frame, the first byte of its uncompressed header (frame marker, profile,
 * show_existing_frame, frame type, show_frame, error resilience: VP9 bitstream §6.2), or its first
 * two for profile 3, whose reserved bit pushes the flags into the second byte; and a superframe's
 * index whole (VP9 bitstream Annex B). A packetizer reads these to fill the payload descriptor of
 * RFC 9628 §4.2 (P bit, frame boundaries) and to split a superframe into its frames.
 */
final class Vp9ClearBytes implements CodecClearBytes {

  @Override
  public List<ClearRange> clearRanges(byte[] frame) throws DecodeException {
    List<ClearRange> out = new ArrayList<>();
    int indexLength = superframeIndexLength(frame);
    if (indexLength == 0) {
      addFrameHeader(frame, 0, frame.length, out);
      return out;
    }
    int last = frame[frame.length - 1] & 0xff;
    int sizeBytes = ((last >> 3) & 3) + 1;
    int frames = (last & 7) + 1;
    int at = frame.length - indexLength + 1;
    int offset = 0;
    int dataLength = frame.length - indexLength;
    for (int f = 0; f < frames; f++) {
      long size = 0;
      for (int b = 0; b < sizeBytes; b++) {
        size |= (long) (frame[at++] & 0xff) << (8 * b);
      }
      if (size == 0 || size > dataLength - offset) {
        throw new DecodeException("VP9 superframe: frame " + f + " of " + size + " bytes at offset "
            + offset + " does not fit the " + dataLength + " bytes before the index");
      }
      addFrameHeader(frame, offset, (int) size, out);
      offset += (int) size;
    }
    if (offset != dataLength) {
      throw new DecodeException("VP9 superframe: the index covers " + offset + " bytes, "
          + dataLength + " precede it");
    }
    out.add(new ClearRange(dataLength, indexLength, ClearReason.VP9_SUPERFRAME_INDEX));
    return out;
  }

  /** The length of the superframe index ending {@code frame}, or 0 if it is a single frame. */
  static int superframeIndexLength(byte[] frame) {
    if (frame.length == 0) {
      return 0;
    }
    int last = frame[frame.length - 1] & 0xff;
    if ((last & 0xe0) != 0xc0) {
      return 0;
    }
    int length = 2 + (((last >> 3) & 3) + 1) * ((last & 7) + 1);
    if (length > frame.length || (frame[frame.length - length] & 0xff) != last) {
      return 0; // a frame may end in a marker-like byte; only a matching first byte makes an index
    }
    return length;
  }

  private static void addFrameHeader(byte[] frame, int offset, int size, List<ClearRange> out)
      throws DecodeException {
    if (size < 1) {
      throw new DecodeException("empty VP9 frame at offset " + offset);
    }
    int first = frame[offset] & 0xff;
    if ((first >> 6) != 2) {
      throw new DecodeException("VP9 frame at offset " + offset + " lacks the frame marker 0b10");
    }
    int profile = ((first >> 5) & 1) | (((first >> 4) & 1) << 1);
    int clear = profile == 3 ? 2 : 1;
    if (size < clear) {
      throw new DecodeException("VP9 profile 3 frame at offset " + offset + " has one byte");
    }
    out.add(new ClearRange(offset, clear, ClearReason.VP9_FRAME_HEADER));
  }

  @Override
  public boolean annexB() {
    return false;
  }
}
