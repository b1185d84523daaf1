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

  /** All fields equal, the ciphertext by content. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SframeRtpFrame)) {
      return false;
    }
    SframeRtpFrame f = (SframeRtpFrame) o;
    return java.util.Arrays.equals(sframe, f.sframe) && timestamp == f.timestamp
        && payloadType == f.payloadType && marker == f.marker && mode == f.mode
        && firstSequenceNumber == f.firstSequenceNumber && lastSequenceNumber == f.lastSequenceNumber;
  }

  /** Consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(sframe) * 31 + Long.hashCode(timestamp);
  }

  /** Header fields and the ciphertext's length. */
  @Override
  public String toString() {
    return "SframeRtpFrame[ts=" + timestamp + ", pt=" + payloadType + ", m=" + marker + ", " + mode
        + ", seq " + firstSequenceNumber + ".." + lastSequenceNumber + ", " + sframe.length
        + " bytes]";
  }
}
