package dev.sealmeet.sframe.codec;

import java.util.Arrays;

/**
 * Writes the wire form of a codec-aware frame ({@code protocol.md} §2.8): the body with the
 * ciphertext in place of the encrypted bytes, the trailer and the footer; escaped in mode 1.
 */
final class FrameWriter {
  private FrameWriter() {}

  /** Mode 0: ciphertext in place, byte for byte. */
  static byte[] plain(ClearMap map, byte[] frame, byte[] sframe, int ctAt, byte[] trailer) {
    byte[] out = new byte[frame.length + trailer.length + CodecFrameFormat.FOOTER_LENGTH];
    int ct = ctAt;
    int from = 0;
    for (int i = 0; i <= map.rangeCount(); i++) {
      int to = i < map.rangeCount() ? map.start(i) : frame.length;
      System.arraycopy(sframe, ct, out, from, to - from);
      ct += to - from;
      if (i < map.rangeCount()) {
        System.arraycopy(frame, map.start(i), out, map.start(i), map.length(i));
        from = map.start(i) + map.length(i);
      }
    }
    System.arraycopy(trailer, 0, out, frame.length, trailer.length);
    footer(out, frame.length + trailer.length, trailer.length, CodecFrameFormat.MODE_PLAIN);
    return out;
  }

  /** Mode 1: each run of ciphertext and the trailer escaped ([SM-CODEC-4]). */
  static byte[] escaped(ClearMap map, byte[] frame, byte[] sframe, int ctAt, byte[] trailer) {
    // Worst case per run: one escape per two bytes, one more for the zeros before it, the final byte.
    int bound = frame.length + frame.length / 2 + 2 * (map.rangeCount() + 1)
        + trailer.length + trailer.length / 2 + 2 + CodecFrameFormat.FOOTER_LENGTH;
    byte[] out = new byte[bound];
    int at = 0;
    int ct = ctAt;
    int from = 0;
    for (int i = 0; i <= map.rangeCount(); i++) {
      int to = i < map.rangeCount() ? map.start(i) : frame.length;
      if (to > from) {
        at = Emulation.escape(sframe, ct, to - from, Emulation.trailingZeros(out, 0, at), out, at);
        ct += to - from;
      }
      if (i < map.rangeCount()) {
        System.arraycopy(frame, map.start(i), out, at, map.length(i));
        at += map.length(i);
        from = map.start(i) + map.length(i);
      }
    }
    int trailerAt = at;
    at = Emulation.escape(trailer, 0, trailer.length, Emulation.trailingZeros(out, 0, at), out, at);
    footer(out, at, at - trailerAt, CodecFrameFormat.MODE_ANNEX_B);
    return Arrays.copyOf(out, at + CodecFrameFormat.FOOTER_LENGTH);
  }

  private static void footer(byte[] out, int at, int trailerWireLength, int mode) {
    if (trailerWireLength > CodecFrameFormat.MAX_TRAILER_LENGTH) {
      throw new IllegalStateException("trailer of " + trailerWireLength + " bytes; the map is too"
          + " large for one frame");
    }
    out[at] = (byte) (trailerWireLength >>> 8);
    out[at + 1] = (byte) trailerWireLength;
    out[at + 2] = (byte) (CodecFrameFormat.MARKER_BASE | mode);
  }
}
