package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 and H.265 in an Annex B byte stream: every start code with its leading zero bytes, every NAL
 * unit header, and the parameter sets whole stay clear.
 *
 * <ul>
 *   <li>H.264: a 1-byte header (RFC 6184 §1.3), 4 bytes for types 14 and 20, whose SVC extension
 *       carries the layer ids (RFC 6190 §1.1.3); SPS 7, SPS extension 13, PPS 8 and subset SPS 15
 *       whole (RFC 6184 §8.1).
 *   <li>H.265: a 2-byte header with type, layer id and TemporalId (RFC 7798 §1.1.4); VPS 32, SPS 33,
 *       PPS 34 whole (RFC 7798 §7.1).
 * </ul>
 *
 * <p>A NAL unit runs from after its start code to the zero bytes before the next start code (or the
 * end of the frame); zero bytes between NAL units belong to the start codes (H.264 Annex B.2).
 */
final class AnnexBClearBytes implements CodecClearBytes {
  private final boolean h265;

  private AnnexBClearBytes(boolean h265) {
    this.h265 = h265;
  }

  static AnnexBClearBytes h264() {
    return new AnnexBClearBytes(false);
  }

  static AnnexBClearBytes h265() {
    return new AnnexBClearBytes(true);
  }

  @Override
  public boolean annexB() {
    return true;
  }

  @Override
  public List<ClearRange> clearRanges(byte[] frame) throws DecodeException {
    List<ClearRange> out = new ArrayList<>();
    int code = nextStartCode(frame, 0);
    if (code < 0) {
      throw new DecodeException(name() + " frame of " + frame.length + " bytes has no start code");
    }
    for (int i = 0; i < code; i++) {
      if (frame[i] != 0) {
        throw new DecodeException(name() + " frame has data before its first start code");
      }
    }
    int separatorStart = 0;
    while (code >= 0) {
      int nalStart = code + 3;
      int next = nextStartCode(frame, nalStart);
      int nalEnd = next < 0 ? frame.length : next;
      while (nalEnd > nalStart && frame[nalEnd - 1] == 0) {
        nalEnd--; // trailing zero bytes belong to the next start code (Annex B.2)
      }
      int headerLength = headerLength(frame, nalStart, nalEnd);
      out.add(new ClearRange(separatorStart, nalStart - separatorStart,
          ClearReason.ANNEX_B_START_CODE));
      out.add(new ClearRange(nalStart, headerLength,
          h265 ? ClearReason.H265_NAL_HEADER : ClearReason.H264_NAL_HEADER));
      int payload = nalStart + headerLength;
      if (payload < nalEnd && isParameterSet(frame[nalStart])) {
        out.add(new ClearRange(payload, nalEnd - payload,
            h265 ? ClearReason.H265_PARAMETER_SET : ClearReason.H264_PARAMETER_SET));
      }
      separatorStart = nalEnd;
      code = next;
    }
    if (separatorStart < frame.length) {
      out.add(new ClearRange(separatorStart, frame.length - separatorStart,
          ClearReason.ANNEX_B_START_CODE)); // trailing zero bytes of the stream
    }
    return out;
  }

  /**
   * The index of the next {@code 00 00 01} at or after {@code from}, or -1: each candidate is a
   * zero byte, found eight bytes at a time ({@link Emulation#nextZero}), so the nonzero stretches
   * of slice data are skipped without a branch per byte.
   */
  static int nextStartCode(byte[] frame, int from) {
    int last = frame.length - 2; // a start code's first byte lies before it
    for (int i = from; ; i++) {
      i = Emulation.nextZero(frame, i, last);
      if (i >= last) {
        return -1;
      }
      if (frame[i + 1] == 0 && frame[i + 2] == 1) {
        return i;
      }
    }
  }

  private int headerLength(byte[] frame, int nalStart, int nalEnd) throws DecodeException {
    int length = 1;
    if (nalEnd <= nalStart) {
      throw new DecodeException(name() + " empty NAL unit at offset " + nalStart);
    }
    if (h265) {
      length = 2;
    } else {
      int type = frame[nalStart] & 0x1f;
      if (type == 14 || type == 20) {
        length = 4;
      }
    }
    if (nalEnd - nalStart < length) {
      throw new DecodeException(name() + " NAL unit at offset " + nalStart + " has "
          + (nalEnd - nalStart) + " bytes, shorter than its " + length + "-byte header");
    }
    return length;
  }

  private boolean isParameterSet(byte header) {
    if (h265) {
      int type = (header >> 1) & 0x3f;
      return type == 32 || type == 33 || type == 34;
    }
    int type = header & 0x1f;
    return type == 7 || type == 8 || type == 13 || type == 15;
  }

  private String name() {
    return h265 ? "H.265" : "H.264";
  }
}
