package dev.sealmeet.rtp;

import java.util.List;

/**
 * What one packet pushed into an {@link SframeDepacketizer} released.
 *
 * @param frames the SFrame ciphertexts it completed, in sequence order (usually zero or one)
 * @param incompleteTimestamps the RTP timestamps of packets it gave up, in the order given up: a
 *     media frame of such a timestamp is incomplete and none of its given-up bytes is ever
 *     delivered ([SM-RTP-2], [SM-RTP-3])
 */
public record Depacketized(List<SframeRtpFrame> frames, List<Long> incompleteTimestamps) {
  static final Depacketized NOTHING = new Depacketized(List.of(), List.of());

  /** Copies both lists. */
  public Depacketized {
    frames = List.copyOf(frames);
    incompleteTimestamps = List.copyOf(incompleteTimestamps);
  }
}
