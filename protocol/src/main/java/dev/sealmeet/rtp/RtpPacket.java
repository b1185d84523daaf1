package dev.sealmeet.rtp;

import dev.sealmeet.error.DecodeException;
import java.util.Arrays;

/**
 * One RTP packet (RFC 3550 §5.1) reduced to the fields SFrame packetization needs: marker, payload
 * type, sequence number, timestamp, SSRC and payload. Immutable; the payload is copied in and out.
 *
 * <p>{@link #decode} is strict: version 2, CSRC list, header extension (RFC 3550 §5.3.1) and padding
 * (§5.1, P bit) are checked against the bytes present before anything is skipped or copied; CSRCs
 * and the extension are skipped, not kept. {@link #encode} writes the 12-byte fixed header with no
 * CSRC, extension or padding.
 */
public final class RtpPacket {
  /** The length of the fixed header (RFC 3550 §5.1). */
  public static final int HEADER_LENGTH = 12;
  /** The only RTP version (RFC 3550 §5.1, V). */
  public static final int VERSION = 2;

  private final boolean marker;
  private final int payloadType;
  private final int sequenceNumber;
  private final long timestamp;
  private final long ssrc;
  private final byte[] payload;

  /**
   * A packet with these header fields and a copy of {@code payload}.
   *
   * @throws IllegalArgumentException if payload type is outside 0..127, sequence number outside
   *     0..65535, or timestamp or SSRC outside 0..2<sup>32</sup>−1
   */
  public RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
      byte[] payload) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type " + payloadType + " outside 0..127");
    }
    if (sequenceNumber < 0 || sequenceNumber > 0xffff) {
      throw new IllegalArgumentException("sequence number " + sequenceNumber + " outside 0..65535");
    }
    if (timestamp < 0 || timestamp > 0xffffffffL || ssrc < 0 || ssrc > 0xffffffffL) {
      throw new IllegalArgumentException("timestamp or SSRC outside 32 bits");
    }
    this.marker = marker;
    this.payloadType = payloadType;
    this.sequenceNumber = sequenceNumber;
    this.timestamp = timestamp;
    this.ssrc = ssrc;
    this.payload = payload.clone();
  }

  /**
   * Parses one RTP packet from a whole datagram.
   *
   * @throws DecodeException if the datagram is shorter than its fixed header, the version is not 2,
   *     or the CSRC list, the header extension or the padding claims more bytes than are present
   */
  public static RtpPacket decode(byte[] datagram) throws DecodeException {
    if (datagram.length < HEADER_LENGTH) {
      throw new DecodeException("RTP packet of " + datagram.length + " bytes is shorter than the "
          + HEADER_LENGTH + "-byte fixed header (RFC 3550 §5.1)");
    }
    int b0 = datagram[0] & 0xff;
    int version = b0 >>> 6;
    if (version != VERSION) {
      throw new DecodeException("RTP version " + version + ", expected 2 (RFC 3550 §5.1)");
    }
    boolean padding = (b0 & 0x20) != 0;
    boolean extension = (b0 & 0x10) != 0;
    int csrcCount = b0 & 0x0f;
    int b1 = datagram[1] & 0xff;
    int at = HEADER_LENGTH + 4 * csrcCount;
    if (at > datagram.length) {
      throw new DecodeException("RTP packet of " + datagram.length + " bytes cannot hold "
          + csrcCount + " CSRCs (RFC 3550 §5.1, CC)");
    }
    if (extension) {
      if (at + 4 > datagram.length) {
        throw new DecodeException("RTP header extension header at " + at + " beyond the "
            + datagram.length + "-byte packet (RFC 3550 §5.3.1)");
      }
      int words = ((datagram[at + 2] & 0xff) << 8) | (datagram[at + 3] & 0xff);
      at += 4;
      if ((long) at + 4L * words > datagram.length) {
        throw new DecodeException("RTP header extension of " + words + " words at " + at
            + " beyond the " + datagram.length + "-byte packet (RFC 3550 §5.3.1)");
      }
      at += 4 * words;
    }
    int end = datagram.length;
    if (padding) {
      int count = end > at ? datagram[end - 1] & 0xff : 0;
      if (count == 0 || count > end - at) {
        throw new DecodeException("RTP padding count " + count + " with " + (end - at)
            + " bytes after the header (RFC 3550 §5.1, P)");
      }
      end -= count;
    }
    int sequence = ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff);
    return new RtpPacket((b1 & 0x80) != 0, b1 & 0x7f, sequence, readUint32(datagram, 4),
        readUint32(datagram, 8), Arrays.copyOfRange(datagram, at, end));
  }

  /** The packet as a datagram: the fixed header (V=2, P=0, X=0, CC=0) and the payload. */
  public byte[] encode() {
    byte[] out = new byte[HEADER_LENGTH + payload.length];
    out[0] = (byte) (VERSION << 6);
    out[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
    out[2] = (byte) (sequenceNumber >>> 8);
    out[3] = (byte) sequenceNumber;
    writeUint32(out, 4, timestamp);
    writeUint32(out, 8, ssrc);
    System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
    return out;
  }

  /** The marker bit (M). */
  public boolean marker() {
    return marker;
  }

  /** The payload type (PT), 0..127. */
  public int payloadType() {
    return payloadType;
  }

  /** The sequence number, 0..65535. */
  public int sequenceNumber() {
    return sequenceNumber;
  }

  /** The timestamp, 0..2<sup>32</sup>−1. */
  public long timestamp() {
    return timestamp;
  }

  /** The synchronization source, 0..2<sup>32</sup>−1. */
  public long ssrc() {
    return ssrc;
  }

  /** A copy of the payload (after CSRCs and extension, before padding). */
  public byte[] payload() {
    return payload.clone();
  }

  /** The payload's length. */
  public int payloadLength() {
    return payload.length;
  }

  /** The payload byte at {@code index}. */
  byte payloadByte(int index) {
    return payload[index];
  }

  /** Copies payload bytes from {@code from} to the end into {@code dst} at {@code offset}. */
  void copyPayload(int from, byte[] dst, int offset) {
    System.arraycopy(payload, from, dst, offset, payload.length - from);
  }

  private static long readUint32(byte[] b, int at) {
    return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8)
        | (b[at + 3] & 0xffL);
  }

  private static void writeUint32(byte[] b, int at, long v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** Header fields and payload equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RtpPacket && equalsPacket((RtpPacket) o);
  }

  private boolean equalsPacket(RtpPacket p) {
    return marker == p.marker && payloadType == p.payloadType && sequenceNumber == p.sequenceNumber
        && timestamp == p.timestamp && ssrc == p.ssrc && Arrays.equals(payload, p.payload);
  }

  /** Consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return (31 * sequenceNumber + (int) timestamp) * 31 + Arrays.hashCode(payload);
  }

  /** Header fields and the payload's length (never its bytes). */
  @Override
  public String toString() {
    return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp
        + ", ssrc=" + ssrc + ", m=" + marker + ", payload " + payload.length + " bytes]";
  }
}
