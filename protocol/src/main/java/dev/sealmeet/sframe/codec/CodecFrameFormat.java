package dev.sealmeet.sframe.codec;

import java.nio.charset.StandardCharsets;

/**
 * Constants and the authenticated metadata of a codec-aware frame ({@code protocol.md} §2.8,
 * [SM-CODEC-3]):
 *
 * <pre>
 * frame    = body ‖ trailer ‖ uint16 trailer_wire_length ‖ uint8 marker (0xA0 | mode)
 * trailer  = SFrame header ‖ ClearMap ‖ tag
 * metadata = "sealmeet codec frame v1" ‖ uint8 mode ‖ ClearMap ‖ clear bytes ‖ application metadata
 * </pre>
 */
final class CodecFrameFormat {
  /** The label that starts the SFrame metadata of every codec-aware frame. */
  static final byte[] LABEL = "sealmeet codec frame v1".getBytes(StandardCharsets.US_ASCII);
  /** Mode 0: no escaping (Opus, VP8, VP9, AV1). */
  static final int MODE_PLAIN = 0;
  /** Mode 1: H.264/H.265 start-code emulation prevention. */
  static final int MODE_ANNEX_B = 1;
  /** The marker byte is {@code MARKER_BASE | mode}. */
  static final int MARKER_BASE = 0xA0;
  /** Trailer length (uint16) and marker. */
  static final int FOOTER_LENGTH = 3;
  /** The largest trailer a frame can announce. */
  static final int MAX_TRAILER_LENGTH = 0xFFFF;

  private CodecFrameFormat() {}

  /**
   * The SFrame metadata: label, mode, map, the clear bytes of {@code plaintext} (the frame as
   * encoded, or any array holding the clear bytes at their frame offsets) and the application's
   * metadata ({@code null} for none).
   */
  static byte[] metadata(int mode, byte[] map, ClearMap clear, byte[] plaintext, byte[] app) {
    int appLength = app == null ? 0 : app.length;
    byte[] out = new byte[LABEL.length + 1 + map.length + clear.clearLength() + appLength];
    int at = 0;
    System.arraycopy(LABEL, 0, out, at, LABEL.length);
    at += LABEL.length;
    out[at++] = (byte) mode;
    System.arraycopy(map, 0, out, at, map.length);
    at += map.length;
    for (int i = 0; i < clear.rangeCount(); i++) {
      System.arraycopy(plaintext, clear.start(i), out, at, clear.length(i));
      at += clear.length(i);
    }
    if (appLength > 0) {
      System.arraycopy(app, 0, out, at, appLength);
    }
    return out;
  }
}
