package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;
import java.util.Arrays;

/**
 * Annex B byte-stream helpers for H.264 and H.265 frames ({@code protocol.md} §2.8).
 *
 * <p>RTP does not carry start codes (RFC 6184 §5.6–5.8, RFC 7798 §4.4): a receiver's depacketizer writes
 * its own, typically {@code 00 00 00 01} before every NAL unit. Start codes are clear bytes of a
 * codec-aware frame, so a frame whose start codes differ from the depacketizer's would fail
 * authentication at the receiver. A sender on such a path normalizes the frame first.
 */
public final class AnnexB {
  private static final byte[] LONG_START_CODE = {0, 0, 0, 1};

  private AnnexB() {}

  /**
   * The frame with every start code, and the zero bytes around it, replaced by {@code 00 00 00 01};
   * the NAL units themselves are unchanged. Idempotent; an already normalized frame is returned
   * equal (as a new array).
   *
   * @throws DecodeException if the frame does not start with a start code (zero bytes may precede
   *     it) or holds an empty NAL unit
   */
  public static byte[] normalizeStartCodes(byte[] frame) throws DecodeException {
    int code = AnnexBClearBytes.nextStartCode(frame, 0);
    if (code < 0) {
      throw new DecodeException("Annex B frame of " + frame.length + " bytes has no start code");
    }
    for (int i = 0; i < code; i++) {
      if (frame[i] != 0) {
        throw new DecodeException("Annex B frame has data before its first start code");
      }
    }
    byte[] out = new byte[frame.length + frame.length / 3 + LONG_START_CODE.length];
    int at = 0;
    while (code >= 0) {
      int nalStart = code + 3;
      int next = AnnexBClearBytes.nextStartCode(frame, nalStart);
      int nalEnd = next < 0 ? frame.length : next;
      while (nalEnd > nalStart && frame[nalEnd - 1] == 0) {
        nalEnd--;
      }
      if (nalEnd == nalStart) {
        throw new DecodeException("empty NAL unit at offset " + nalStart);
      }
      if (out.length - at < LONG_START_CODE.length + nalEnd - nalStart) {
        out = Arrays.copyOf(out, out.length * 2 + LONG_START_CODE.length + nalEnd - nalStart);
      }
      System.arraycopy(LONG_START_CODE, 0, out, at, LONG_START_CODE.length);
      at += LONG_START_CODE.length;
      System.arraycopy(frame, nalStart, out, at, nalEnd - nalStart);
      at += nalEnd - nalStart;
      code = next;
    }
    return Arrays.copyOf(out, at);
  }
}
