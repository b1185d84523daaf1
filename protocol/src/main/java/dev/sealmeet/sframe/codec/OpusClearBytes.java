package dev.sealmeet.sframe.codec;

import java.util.List;

/**
 * Opus: no byte stays clear. RTP needs nothing from an Opus packet (RFC 7587 §4.1, §4.2): the
 * marker, timestamp and audio level travel in the RTP header and its extensions.
 */
final class OpusClearBytes implements CodecClearBytes {

  @Override
  public List<ClearRange> clearRanges(byte[] frame) {
    return List.of();
  }

  @Override
  public boolean annexB() {
    return false;
  }
}
