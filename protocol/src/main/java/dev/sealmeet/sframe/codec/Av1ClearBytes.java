package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * AV1, a temporal unit in the low-overhead OBU format (AV1 bitstream §5.2): each OBU header with its
 * extension byte (temporal and spatial id), each {@code obu_size} field, and sequence header OBUs
 * whole stay clear. The AV1 RTP specification's packetizer splits at OBU boundaries and reads the
 * OBU type and layer ids (§4), and a sequence header starts a new coded video sequence (§5, N bit).
 * An OBU without a size field runs to the end of the frame.
 */
final class Av1ClearBytes implements CodecClearBytes {
  private static final int OBU_SEQUENCE_HEADER = 1;
  private static final int MAX_LEB128_BYTES = 8;

  @Override
  public List<ClearRange> clearRanges(byte[] frame) throws DecodeException {
    if (frame.length == 0) {
      throw new DecodeException("empty AV1 temporal unit");
    }
    List<ClearRange> out = new ArrayList<>();
    int at = 0;
    while (at < frame.length) {
      int header = frame[at] & 0xff;
      if ((header & 0x80) != 0) {
        throw new DecodeException("AV1 OBU at offset " + at + " has its forbidden bit set");
      }
      int type = (header >> 3) & 0xf;
      int headerLength = (header & 0x04) != 0 ? 2 : 1;
      boolean hasSize = (header & 0x02) != 0;
      if (frame.length - at < headerLength) {
        throw new DecodeException("AV1 OBU header at offset " + at + " is truncated");
      }
      out.add(new ClearRange(at, headerLength, ClearReason.AV1_OBU_HEADER));
      int sizeAt = at + headerLength;
      long size;
      int sizeLength = 0;
      if (hasSize) {
        size = 0;
        while (true) {
          if (sizeLength == MAX_LEB128_BYTES || sizeAt + sizeLength >= frame.length) {
            throw new DecodeException("AV1 obu_size at offset " + sizeAt + " is truncated or too long");
          }
          int b = frame[sizeAt + sizeLength] & 0xff;
          size |= (long) (b & 0x7f) << (7 * sizeLength);
          sizeLength++;
          if ((b & 0x80) == 0) {
            break;
          }
        }
        out.add(new ClearRange(sizeAt, sizeLength, ClearReason.AV1_OBU_SIZE));
      } else {
        size = frame.length - sizeAt;
      }
      int payload = sizeAt + sizeLength;
      if (size > frame.length - payload) {
        throw new DecodeException("AV1 OBU at offset " + at + " declares " + size + " bytes, "
            + (frame.length - payload) + " remain");
      }
      if (type == OBU_SEQUENCE_HEADER && size > 0) {
        out.add(new ClearRange(payload, (int) size, ClearReason.AV1_SEQUENCE_HEADER));
      }
      at = payload + (int) size;
    }
    return out;
  }

  @Override
  public boolean annexB() {
    return false;
  }
}
