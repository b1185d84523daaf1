package dev.sealmeet.rtp;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.sframe.codec.CodecAwareUnprotector;
import dev.sealmeet.sframe.codec.MediaCodec;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An SFU between sender and receiver for the round trip: it reads RTP headers and the clear bytes
 * at the start of a frame's first packet only (no key), drops the frames of temporal layer 1,
 * rewrites sequence numbers over the gap as SFUs do, and then a lossy network drops, duplicates and
 * reorders what it forwards, from a seeded {@link Random}.
 *
 * <p>Layer decisions: H.265 reads TemporalId from the first NAL unit header (the access unit
 * delimiter's, RFC 7798 §1.1.4), clear under [SM-CODEC-1]. VP8 carries no layer id in its
 * bitstream (RFC 7741 §4.2 puts TID in the payload descriptor, which SFrame replaces): the relay
 * reads the clear key frame bit and applies the sender's signalled two-layer pattern (layer 1 on odd
 * frames after a key frame), which is what the clip's encoder was told. Other codecs: no layer
 * dropped (the clips have none). A ciphertext that fits one packet also shows the relay its KID.
 */
final class LayerRelay {
  private final MediaCodec codec;
  private final Map<Long, Boolean> dropByTimestamp = new HashMap<>();
  private int framesSinceKey;
  private int dropped;
  final List<Long> droppedTimestamps = new ArrayList<>();
  final List<Long> peekedKids = new ArrayList<>();

  LayerRelay(MediaCodec codec) {
    this.codec = codec;
  }

  /** The relay proper: packets in sending order in, forwarded packets out. */
  List<RtpPacket> forward(List<RtpPacket> sent) {
    List<RtpPacket> out = new ArrayList<>();
    for (RtpPacket p : sent) {
      boolean drop = dropByTimestamp.computeIfAbsent(p.timestamp(), ts -> decide(p));
      peek(p);
      if (drop) {
        dropped++;
        continue;
      }
      out.add(new RtpPacket(p.marker(), p.payloadType(), (p.sequenceNumber() - dropped) & 0xffff,
          p.timestamp(), p.ssrc(), p.payload()));
    }
    return out;
  }

  /**
   * A ciphertext whole in one packet (S and E): the relay reads its KID without a key, as an SFU
   * routing by KID would ({@code CodecAwareUnprotector.peekHeader}).
   */
  private void peek(RtpPacket p) {
    byte[] payload = p.payload();
    if ((payload[0] & (SframeDescriptor.S | SframeDescriptor.E))
        == (SframeDescriptor.S | SframeDescriptor.E)) {
      try {
        peekedKids.add(CodecAwareUnprotector.peekHeader(Arrays.copyOfRange(payload, 1,
            payload.length)).kid());
      } catch (DecodeException e) {
        throw new AssertionError("a sender's frame is well-formed", e);
      }
    }
  }

  /** A frame's fate, from its first packet: descriptor byte, then the frame's first clear bytes. */
  private boolean decide(RtpPacket first) {
    byte[] payload = first.payload();
    if ((payload[0] & SframeDescriptor.S) == 0) {
      throw new AssertionError("sender order: a frame starts with S");
    }
    boolean drop;
    if (codec == MediaCodec.H265) {
      int header = payload[3] == 1 ? 4 : 5; // after a 3- or 4-byte start code
      drop = (payload[header + 1] & 7) - 1 >= 1;
    } else if (codec == MediaCodec.VP8) {
      framesSinceKey = (payload[1] & 1) == 0 ? 0 : framesSinceKey + 1;
      drop = framesSinceKey % 2 == 1;
    } else {
      drop = false;
    }
    if (drop) {
      droppedTimestamps.add(first.timestamp());
    }
    return drop;
  }

  /** The network after the relay: drops, duplicates, then reorders within {@code span} places. */
  static List<RtpPacket> network(List<RtpPacket> forwarded, Random random, double loss,
      double duplicate, int span) {
    List<double[]> keyed = new ArrayList<>();
    List<RtpPacket> copies = new ArrayList<>();
    for (int i = 0; i < forwarded.size(); i++) {
      if (random.nextDouble() < loss) {
        continue;
      }
      int n = random.nextDouble() < duplicate ? 2 : 1;
      for (int c = 0; c < n; c++) {
        keyed.add(new double[] {i + random.nextDouble() * span, copies.size()});
        copies.add(forwarded.get(i));
      }
    }
    keyed.sort(Comparator.comparingDouble(k -> k[0]));
    List<RtpPacket> out = new ArrayList<>();
    for (double[] k : keyed) {
      out.add(copies.get((int) k[1]));
    }
    return out;
  }
}
