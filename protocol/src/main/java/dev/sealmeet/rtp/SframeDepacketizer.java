package dev.sealmeet.rtp;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reassembles SFrame ciphertexts from the RTP packets of one stream, in any order
 * (draft-ietf-avtcore-rtp-sframe-02 §5.2; {@code protocol.md} §2.9).
 *
 * <pre>
 * push(packet):
 *   SSRC, descriptor, fragment       ProtocolException / DecodeException     [SM-RTP-1]
 *   extended sequence number s (RFC 3550 §A.1)
 *   s behind the window, s seen      ReplayException (nothing buffered)       [SM-RTP-3]
 *   buffer it; give up packets behind the window or beyond the bounds → incomplete timestamps
 *   smallest run around s: consecutive, first S, last E, no S or E inside (§5.2 step 3)
 *   run found: remove it (step 5); T, PT and timestamp equal (steps 6–7, [SM-RTP-2])
 *              → SframeRtpFrame, else → incomplete timestamp
 * </pre>
 *
 * <p>Memory is bounded by {@link DepacketizerLimits}: buffered packets and bytes, one ring of
 * seen sequence numbers the size of the window. A frame's buffer is sized from the payloads
 * present, never from a length field. A refused packet changes nothing. Not thread-safe: one per
 * RTP stream, used by one thread.
 */
public final class SframeDepacketizer {
  private final long ssrc;
  private final DepacketizerLimits limits;
  private final TreeMap<Long, RtpPacket> buffer = new TreeMap<>();
  private final long[] seen;
  private long highest = -1;
  private long bufferedBytes;

  /**
   * A depacketizer for the stream {@code ssrc}.
   *
   * @throws IllegalArgumentException if {@code ssrc} is outside 32 bits
   */
  public SframeDepacketizer(long ssrc, DepacketizerLimits limits) {
    if (ssrc < 0 || ssrc > 0xffffffffL) {
      throw new IllegalArgumentException("SSRC outside 32 bits");
    }
    this.ssrc = ssrc;
    this.limits = limits;
    this.seen = new long[limits.reorderWindow()];
    Arrays.fill(seen, -1);
  }

  /**
   * Parses a datagram and pushes it.
   *
   * @see #push(RtpPacket)
   * @throws DecodeException if the datagram is not a well-formed RTP packet (RFC 3550 §5.1)
   */
  public Depacketized push(byte[] datagram)
      throws DecodeException, ProtocolException, ReplayException {
    return push(RtpPacket.decode(datagram));
  }

  /**
   * Adds one packet and returns what it completed or made the depacketizer give up.
   *
   * @throws ProtocolException if the packet belongs to another SSRC (RFC 3550 §8)
   * @throws DecodeException if the payload has no descriptor and fragment, or the descriptor has
   *     reserved bits set ([SM-RTP-1])
   * @throws ReplayException if the sequence number was already received or lies behind the
   *     reorder window ([SM-RTP-3])
   */
  public Depacketized push(RtpPacket packet)
      throws DecodeException, ProtocolException, ReplayException {
    if (packet.ssrc() != ssrc) {
      throw new ProtocolException("RFC 3550 §8", "packet of SSRC " + packet.ssrc()
          + " pushed into the depacketizer of SSRC " + ssrc);
    }
    if (packet.payloadLength() < SframeDescriptor.LENGTH + 1) {
      throw new DecodeException("RTP payload of " + packet.payloadLength() + " bytes holds no SFrame"
          + " descriptor and fragment (draft-ietf-avtcore-rtp-sframe-02 §4, [SM-RTP-1])");
    }
    SframeDescriptor.decode(packet.payloadByte(0));
    long s = extend(packet.sequenceNumber());
    int window = limits.reorderWindow();
    if (highest >= 0 && s <= highest - window) {
      throw new ReplayException("RTP sequence number " + packet.sequenceNumber() + " is "
          + (highest - s) + " behind the highest, beyond the reorder window of " + window
          + " ([SM-RTP-3])");
    }
    if (seen[(int) (s % window)] == s) {
      throw new ReplayException("RTP sequence number " + packet.sequenceNumber()
          + " already received ([SM-RTP-3])");
    }
    seen[(int) (s % window)] = s;
    buffer.put(s, packet);
    bufferedBytes += packet.payloadLength();
    Set<Long> incomplete = new LinkedHashSet<>();
    if (s > highest) {
      highest = s;
      evictThrough(highest - window, incomplete);
    }
    while (buffer.size() > limits.maxPackets() || bufferedBytes > limits.maxBytes()) {
      evict(buffer.firstEntry(), incomplete);
    }
    List<SframeRtpFrame> frames = new ArrayList<>(1);
    if (buffer.containsKey(s)) {
      completeRun(s, frames, incomplete);
    }
    if (frames.isEmpty() && incomplete.isEmpty()) {
      return Depacketized.NOTHING;
    }
    return new Depacketized(frames, new ArrayList<>(incomplete));
  }

  /**
   * Gives up every buffered packet, at the end of a stream or before a reset: their timestamps
   * are incomplete. The window of seen sequence numbers is kept, so a late duplicate is still
   * refused.
   */
  public Depacketized flush() {
    Set<Long> incomplete = new LinkedHashSet<>();
    while (!buffer.isEmpty()) {
      evict(buffer.firstEntry(), incomplete);
    }
    return new Depacketized(List.of(), new ArrayList<>(incomplete));
  }

  /** Packets buffered now. */
  public int bufferedPackets() {
    return buffer.size();
  }

  /** Payload bytes buffered now. */
  public long bufferedBytes() {
    return bufferedBytes;
  }

  /** The extended sequence number closest to the highest one seen (RFC 3550 §A.1). */
  private long extend(int sequence) {
    if (highest < 0) {
      return (1L << 16) + sequence; // room below for packets that arrive late
    }
    int delta = (short) (sequence - (int) (highest & 0xffff));
    return highest + delta;
  }

  private void evictThrough(long last, Set<Long> incomplete) {
    while (!buffer.isEmpty() && buffer.firstKey() <= last) {
      evict(buffer.firstEntry(), incomplete);
    }
  }

  private void evict(Map.Entry<Long, RtpPacket> entry, Set<Long> incomplete) {
    buffer.remove(entry.getKey());
    bufferedBytes -= entry.getValue().payloadLength();
    incomplete.add(entry.getValue().timestamp());
  }

  /** §5.2 steps 3–10 for the run through {@code s}, if that run is complete. */
  private void completeRun(long s, List<SframeRtpFrame> frames, Set<Long> incomplete)
      throws DecodeException {
    int max = limits.maxFramePackets();
    long first = s;
    while (!descriptor(first).start()) {
      RtpPacket before = buffer.get(first - 1);
      if (before == null || s - first + 1 >= max || descriptor(first - 1).end()) {
        return;
      }
      first--;
    }
    long last = s;
    while (!descriptor(last).end()) {
      RtpPacket after = buffer.get(last + 1);
      if (after == null || last - first + 1 >= max || descriptor(last + 1).start()) {
        return;
      }
      last++;
    }
    RtpPacket head = buffer.get(first);
    boolean lastMarker = buffer.get(last).marker();
    SframeRtpMode mode = descriptor(first).mode();
    boolean consistent = true;
    int length = 0;
    for (long k = first; k <= last; k++) {
      RtpPacket p = buffer.get(k);
      consistent &= descriptor(k).mode() == mode && p.payloadType() == head.payloadType()
          && p.timestamp() == head.timestamp();
      length += p.payloadLength() - SframeDescriptor.LENGTH;
    }
    byte[] sframe = consistent ? new byte[length] : null;
    int at = 0;
    for (long k = first; k <= last; k++) {
      RtpPacket p = buffer.remove(k);
      bufferedBytes -= p.payloadLength();
      if (consistent) {
        p.copyPayload(SframeDescriptor.LENGTH, sframe, at);
        at += p.payloadLength() - SframeDescriptor.LENGTH;
      } else {
        incomplete.add(p.timestamp());
      }
    }
    if (consistent) {
      frames.add(new SframeRtpFrame(sframe, head.timestamp(), head.payloadType(),
          lastMarker, mode, head.sequenceNumber(), (int) (last & 0xffff)));
    }
  }

  private SframeDescriptor descriptor(long s) throws DecodeException {
    return SframeDescriptor.decode(buffer.get(s).payloadByte(0));
  }

  /** SSRC, limits and occupancy. */
  @Override
  public String toString() {
    return "SframeDepacketizer[ssrc=" + ssrc + ", " + limits + ", buffered " + buffer.size()
        + " packets, " + bufferedBytes + " bytes]";
  }
}
