package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;

/**
 * Reads the body of a codec-aware frame against its {@link ClearMap} ({@code protocol.md} §2.8): the
 * clear bytes go to their offsets in the plaintext, the ciphertext (unescaped in mode 1,
 * [SM-CODEC-4]) into the SFrame ciphertext buffer.
 */
final class FrameReader {
  private FrameReader() {}

  /**
   * Splits {@code frame[0..bodyEnd)}.
   *
   * @param plaintext receives the clear bytes at their offsets ({@code map.frameLength()} bytes)
   * @param sframe receives the ciphertext at {@code ctAt}
   * @throws DecodeException if the body is not exactly what the map describes
   */
  static void readBody(byte[] frame, int bodyEnd, int mode, ClearMap map, byte[] plaintext,
      byte[] sframe, int ctAt) throws DecodeException {
    if (mode == CodecFrameFormat.MODE_PLAIN && bodyEnd != map.frameLength()) {
      throw new CodecFrameDecodeException("codec-aware frame: body of " + bodyEnd + " bytes, the map says "
          + map.frameLength());
    }
    int wire = 0;
    int ct = ctAt;
    int from = 0;
    for (int i = 0; i <= map.rangeCount(); i++) {
      int to = i < map.rangeCount() ? map.start(i) : map.frameLength();
      int run = to - from;
      if (run > 0) {
        if (mode == CodecFrameFormat.MODE_PLAIN) {
          System.arraycopy(frame, wire, sframe, ct, run);
          wire += run;
        } else {
          wire = Emulation.unescape(frame, wire, bodyEnd, Emulation.trailingZeros(frame, 0, wire),
              run, sframe, ct);
        }
        ct += run;
      }
      if (i < map.rangeCount()) {
        int length = map.length(i);
        if (length > bodyEnd - wire) {
          throw new CodecFrameDecodeException("codec-aware frame: clear range " + i + " of " + length
              + " bytes at wire offset " + wire + " runs past the body");
        }
        System.arraycopy(frame, wire, plaintext, map.start(i), length);
        wire += length;
        from = to + length;
      }
    }
    if (wire != bodyEnd) {
      throw new CodecFrameDecodeException("codec-aware frame: the map covers " + wire + " body bytes, the"
          + " body has " + bodyEnd);
    }
  }
}
