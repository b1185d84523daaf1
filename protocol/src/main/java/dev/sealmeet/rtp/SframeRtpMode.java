package dev.sealmeet.rtp;

/**
 * The two ways of carrying SFrame over RTP (draft-ietf-avtcore-rtp-sframe-02 §3, §5.1.1, §5.1.2),
 * told apart on the wire by the T bit of the {@link SframeDescriptor}.
 */
public enum SframeRtpMode {
  /**
   * Per-frame: one SFrame ciphertext protects a whole encoded media frame (payload origin "raw") and
   * is split over as many packets as the MTU needs. T = 0.
   */
  PER_FRAME,
  /**
   * Per-packet: each payload of a media-format packetizer is protected on its own (payload origin
   * "packetized"), so one SFrame ciphertext usually fills one packet. T = 1.
   */
  PER_PACKET;

  /** The T bit of this mode. */
  boolean tBit() {
    return this == PER_PACKET;
  }

  /** The mode of a T bit. */
  static SframeRtpMode ofTBit(boolean t) {
    return t ? PER_PACKET : PER_FRAME;
  }
}
