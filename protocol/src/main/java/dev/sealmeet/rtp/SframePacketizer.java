package dev.sealmeet.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SFrame ciphertexts into RTP packets (draft-ietf-avtcore-rtp-sframe-02 §5.1): each packet
 * carries the {@link SframeDescriptor} and a fragment, no packet exceeds the MTU, fragments of one
 * ciphertext share the timestamp and payload type, and the marker bit is set only on the last
 * fragment of a ciphertext whose frame has it (§5.1 step 4.8).
 *
 * <pre>
 * per-frame  (§5.1.1): packetize(protect(frame),  ts, true,            PER_FRAME)
 * per-packet (§5.1.2): for each media payload p_i of the frame:
 *                      packetize(protect(p_i),    ts, i == last,       PER_PACKET)
 * </pre>
 *
 * <p>Sequence numbers continue from call to call (mod 2<sup>16</sup>). Not thread-safe: one per
 * RTP stream, used by one thread.
 */
public final class SframePacketizer {
  /** The smallest MTU accepted: the fixed header, the descriptor and one byte of ciphertext. */
  public static final int MIN_MTU = RtpPacket.HEADER_LENGTH + SframeDescriptor.LENGTH + 1;

  private final int mtu;
  private final int payloadType;
  private final long ssrc;
  private int nextSequence;

  /**
   * A packetizer for one RTP stream.
   *
   * @param mtu the largest datagram, in bytes, at least {@link #MIN_MTU}
   * @param firstSequenceNumber the sequence number of the first packet (RFC 3550 §5.1: random)
   * @throws IllegalArgumentException if {@code mtu} is below {@link #MIN_MTU} or a field is out of
   *     its RTP range
   */
  public SframePacketizer(int mtu, int payloadType, long ssrc, int firstSequenceNumber) {
    if (mtu < MIN_MTU) {
      throw new IllegalArgumentException("MTU " + mtu + " below " + MIN_MTU);
    }
    new RtpPacket(false, payloadType, firstSequenceNumber, 0, ssrc, new byte[0]); // range checks
    this.mtu = mtu;
    this.payloadType = payloadType;
    this.ssrc = ssrc;
    this.nextSequence = firstSequenceNumber;
  }

  /**
   * The packets of one SFrame ciphertext, in sequence order.
   *
   * @param sframe the SFrame ciphertext (RFC 9605 §4.2) or a codec-aware frame
   *     ({@code protocol.md} §2.8); not empty
   * @param timestamp the RTP timestamp of the media frame it belongs to
   * @param marker whether the media frame's last packet is among these (the marker goes on the last)
   * @throws IllegalArgumentException if {@code sframe} is empty or the timestamp is out of range
   */
  public List<RtpPacket> packetize(byte[] sframe, long timestamp, boolean marker,
      SframeRtpMode mode) {
    if (sframe.length == 0) {
      throw new IllegalArgumentException("empty SFrame ciphertext");
    }
    int room = mtu - RtpPacket.HEADER_LENGTH - SframeDescriptor.LENGTH;
    int count = (sframe.length + room - 1) / room;
    List<RtpPacket> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int from = i * room;
      int length = Math.min(room, sframe.length - from);
      boolean last = i == count - 1;
      byte[] payload = new byte[SframeDescriptor.LENGTH + length];
      payload[0] = new SframeDescriptor(i == 0, last, mode).encode();
      System.arraycopy(sframe, from, payload, SframeDescriptor.LENGTH, length);
      out.add(new RtpPacket(marker && last, payloadType, nextSequence, timestamp, ssrc, payload));
      nextSequence = (nextSequence + 1) & 0xffff;
    }
    return out;
  }

  /** The sequence number the next packet will get. */
  public int nextSequenceNumber() {
    return nextSequence;
  }

  /** MTU, payload type and SSRC. */
  @Override
  public String toString() {
    return "SframePacketizer[mtu=" + mtu + ", pt=" + payloadType + ", ssrc=" + ssrc + "]";
  }
}
