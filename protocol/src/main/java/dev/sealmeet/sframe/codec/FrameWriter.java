package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.SealmeetBugException;

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
    byte[] out = new byte[escapedLength(map, frame, sframe, ctAt, trailer)];
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
    if (at + CodecFrameFormat.FOOTER_LENGTH != out.length) {
      throw new SealmeetBugException("escaped frame of " + (at + CodecFrameFormat.FOOTER_LENGTH)
          + " bytes, " + out.length + " computed");
    }
    footer(out, at, at - trailerAt, CodecFrameFormat.MODE_ANNEX_B);
    return out;
  }

  /**
   * The exact length of {@link #escaped}'s output, so that it is allocated once. The zero bytes
   * before a run are those that end the clear range before it (merged ranges are never adjacent,
   * so a run's final 0x03 or the frame start precedes that range); before the trailer, those that
   * end the last clear range if it ends the frame, else none (a run's final 0x03).
   */
  private static int escapedLength(ClearMap map, byte[] frame, byte[] sframe, int ctAt,
      byte[] trailer) {
    int n = CodecFrameFormat.FOOTER_LENGTH;
    int ct = ctAt;
    int from = 0;
    int clearFrom = 0;
    for (int i = 0; i <= map.rangeCount(); i++) {
      int to = i < map.rangeCount() ? map.start(i) : frame.length;
      if (to > from) {
        n += Emulation.escapedLength(sframe, ct, to - from,
            Emulation.trailingZeros(frame, clearFrom, from));
        ct += to - from;
        clearFrom = to;
        from = to;
      }
      if (i < map.rangeCount()) {
        n += map.length(i);
        clearFrom = map.start(i);
        from = map.start(i) + map.length(i);
      }
    }
    return n + Emulation.escapedLength(trailer, 0, trailer.length,
        Emulation.trailingZeros(frame, clearFrom, from));
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
