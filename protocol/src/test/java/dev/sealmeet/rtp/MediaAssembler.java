package dev.sealmeet.rtp;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The receiving end of {@link MediaPayloads}, for the round trip: in per-frame mode one unprotected
 * SFrame frame is one media frame; in per-packet mode a media frame is the run of unprotected
 * payloads of one timestamp from the packet after the previous frame's last to the one with the
 * marker bit, taken only when every payload of the run is there and the run's first packet
 * provably follows another timestamp (or starts the stream). Anything else is incomplete.
 */
final class MediaAssembler {
  private final SframeRtpMode mode;
  private final int firstSeq;
  private final Map<Integer, Piece> byLastSeq = new HashMap<>();
  private final Map<Long, byte[]> perFrame = new HashMap<>();

  private record Piece(SframeRtpFrame frame, byte[] media) {}

  MediaAssembler(SframeRtpMode mode, int firstSeq) {
    this.mode = mode;
    this.firstSeq = firstSeq;
  }

  void add(SframeRtpFrame frame, byte[] media) {
    if (mode == SframeRtpMode.PER_FRAME) {
      if (perFrame.put(frame.timestamp(), media) != null) {
        throw new AssertionError("frame " + frame.timestamp() + " delivered twice");
      }
    } else if (byLastSeq.put(frame.lastSequenceNumber(), new Piece(frame, media)) != null) {
      throw new AssertionError("payload ending at " + frame.lastSequenceNumber() + " delivered twice");
    }
  }

  /** The complete media frames by timestamp. */
  Map<Long, byte[]> frames() {
    if (mode == SframeRtpMode.PER_FRAME) {
      return perFrame;
    }
    Map<Long, byte[]> out = new HashMap<>();
    for (Piece last : byLastSeq.values()) {
      if (!last.frame().marker()) {
        continue;
      }
      long ts = last.frame().timestamp();
      java.util.ArrayDeque<byte[]> parts = new java.util.ArrayDeque<>();
      Piece at = last;
      while (true) {
        parts.addFirst(at.media());
        int before = (at.frame().firstSequenceNumber() - 1) & 0xffff;
        Piece previous = byLastSeq.get(before);
        if (at.frame().firstSequenceNumber() == firstSeq
            || previous != null && previous.frame().timestamp() != ts) {
          ByteArrayOutputStream media = new ByteArrayOutputStream();
          parts.forEach(media::writeBytes);
          out.put(ts, media.toByteArray());
          break;
        }
        if (previous == null) {
          break; // the packet before is missing: cannot tell where the frame starts
        }
        at = previous;
      }
    }
    return out;
  }

  /** Timestamps of which something was delivered but no complete frame was assembled. */
  Set<Long> incomplete() {
    Set<Long> out = new HashSet<>();
    Map<Long, byte[]> complete = frames();
    for (Piece p : byLastSeq.values()) {
      if (!complete.containsKey(p.frame().timestamp())) {
        out.add(p.frame().timestamp());
      }
    }
    return out;
  }
}
