package dev.sealmeet.rtp;

/**
 * One SFrame ciphertext reassembled from a complete run of RTP packets
 * (draft-ietf-avtcore-rtp-sframe-02 §5.2 steps 8–10), ready for the unprotector.
 *
 * @param sframe the fragments' bytes without their descriptors, in sequence order (a copy)
 * @param timestamp the RTP timestamp every fragment carried
 * @param payloadType the payload type every fragment carried
 * @param marker the last fragment's marker bit
 * @param mode the T bit every fragment carried
 * @param firstSequenceNumber the first fragment's sequence number
 * @param lastSequenceNumber the last fragment's sequence number
 */
public record SframeRtpFrame(byte[] sframe, long timestamp, int payloadType, boolean marker,
    SframeRtpMode mode, int firstSequenceNumber, int lastSequenceNumber) {

  /** Copies {@code sframe}. */
  public SframeRtpFrame {
    sframe = sframe.clone();
  }

  /** A copy of the ciphertext. */
  @Override
  public byte[] sframe() {
    return sframe.clone();
  }

  /** Header fields and the ciphertext's length. */
  @Override
  public String toString() {
    return "SframeRtpFrame[ts=" + timestamp + ", pt=" + payloadType + ", m=" + marker + ", " + mode
        + ", seq " + firstSequenceNumber + ".." + lastSequenceNumber + ", " + sframe.length
        + " bytes]";
  }
}
