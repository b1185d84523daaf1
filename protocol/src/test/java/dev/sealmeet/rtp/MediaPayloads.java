package dev.sealmeet.rtp;

import dev.sealmeet.sframe.codec.MediaCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for the media-format packetizer that per-packet SFrame puts in front
 * (draft-ietf-avtcore-rtp-sframe-02 §5.1.2 step 1), for the round trip only: it cuts an encoded
 * frame into payloads whose concatenation is the frame, and names the codec rule each payload is
 * protected with ({@code protocol.md} §2.8).
 *
 * <ul>
 *   <li>H.264, H.265: one payload per NAL unit with its start code (the units of RFC 6184 §5.6 and
 *       RFC 7798 §4.4.1 single NAL unit packets, start code kept), each a well-formed Annex B unit,
 *       so each keeps its NAL unit header clear;
 *   <li>VP8: the first chunk under the VP8 rule (the payload header is in it), the rest opaque;
 *   <li>VP9, AV1: opaque chunks (their rules parse whole frames: the superframe index is at the end,
 *       OBU sizes run past a chunk);
 *   <li>Opus: the packet whole.
 * </ul>
 * "Opaque" is the Opus rule: nothing clear.
 */
final class MediaPayloads {
  private MediaPayloads() {}

  /** One payload and the codec whose rule protects it. */
  record Payload(MediaCodec protectAs, byte[] bytes) {}

  static List<Payload> split(MediaCodec codec, byte[] frame, int chunk) {
    switch (codec) {
      case H264:
      case H265:
        return nalUnits(codec, frame);
      case OPUS:
        return List.of(new Payload(MediaCodec.OPUS, frame));
      default:
        List<Payload> out = new ArrayList<>();
        for (int at = 0; at < frame.length; at += chunk) {
          MediaCodec rule = at == 0 && codec == MediaCodec.VP8 ? MediaCodec.VP8 : MediaCodec.OPUS;
          out.add(new Payload(rule, Arrays.copyOfRange(frame, at, Math.min(frame.length, at + chunk))));
        }
        return out;
    }
  }

  /** Cuts before every start code (before its leading zero when it has four bytes). */
  private static List<Payload> nalUnits(MediaCodec codec, byte[] frame) {
    List<Integer> cuts = new ArrayList<>();
    for (int i = 0; i + 2 < frame.length; i++) {
      if (frame[i] == 0 && frame[i + 1] == 0 && frame[i + 2] == 1) {
        cuts.add(i > 0 && frame[i - 1] == 0 ? i - 1 : i);
        i += 2;
      }
    }
    if (cuts.isEmpty() || cuts.get(0) != 0) {
      throw new IllegalArgumentException("frame does not start with a start code");
    }
    List<Payload> out = new ArrayList<>();
    for (int k = 0; k < cuts.size(); k++) {
      int end = k + 1 < cuts.size() ? cuts.get(k + 1) : frame.length;
      out.add(new Payload(codec, Arrays.copyOfRange(frame, cuts.get(k), end)));
    }
    return out;
  }
}
