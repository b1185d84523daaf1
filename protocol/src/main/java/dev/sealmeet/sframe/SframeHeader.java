package dev.sealmeet.sframe;

import dev.sealmeet.error.DecodeException;
import java.nio.Buffer;
import java.nio.ByteBuffer;

/**
 * The SFrame header of RFC 9605 §4.3: a key id (KID) and a counter (CTR), each an unsigned 64-bit value
 * held in a {@code long} (compare with {@link Long#compareUnsigned}, print with
 * {@link Long#toUnsignedString}).
 *
 * <p>This record is the convenient form for tools and tests. Senders and receivers encode and decode
 * headers in place without creating it.
 *
 * @param kid the key id, unsigned
 * @param ctr the counter, unsigned
 */
public record SframeHeader(long kid, long ctr) {
  /** The longest header: a config byte, 8 KID bytes and 8 CTR bytes. */
  public static final int MAX_LENGTH = 17;

  /** The encoded length of a header with these values, 1 to 17 bytes. */
  public static int encodedLength(long kid, long ctr) {
    return HeaderCodec.encodedLength(kid, ctr);
  }

  /** The encoded length of this header, 1 to 17 bytes. */
  public int encodedLength() {
    return HeaderCodec.encodedLength(kid, ctr);
  }

  /** The canonical encoding (RFC 9605 §4.3). */
  public byte[] encode() {
    byte[] out = new byte[encodedLength()];
    HeaderCodec.write(out, 0, kid, ctr);
    return out;
  }

  /**
   * Writes the canonical encoding at {@code dst}'s position and advances it.
   *
   * @throws java.nio.BufferOverflowException if fewer than {@link #encodedLength()} bytes remain
   */
  public void encode(ByteBuffer dst) {
    byte[] scratch = new byte[MAX_LENGTH];
    int length = HeaderCodec.write(scratch, 0, kid, ctr);
    dst.put(scratch, 0, length);
  }

  /**
   * Decodes a header at {@code src}'s position and advances past it; bytes after the header (the
   * ciphertext) are left unread.
   *
   * @throws DecodeException if the header is truncated or not minimal (a value 0–7 in extended form,
   *     or a leading zero byte)
   */
  public static SframeHeader decode(ByteBuffer src) throws DecodeException {
    HeaderCodec.DecodedHeader out = new HeaderCodec.DecodedHeader();
    HeaderCodec.read(src, src.position(), src.limit(), out);
    ((Buffer) src).position(src.position() + out.length); // ByteBuffer.position(int): Java 9+
    return new SframeHeader(out.kid, out.ctr);
  }

  /**
   * The KID of the header at {@code frame}'s position, read without allocating and without moving
   * the buffer's cursors (the media plane picks the epoch's keys by it before decrypting). The whole
   * header is checked as {@link #decode} checks it.
   *
   * @throws DecodeException (without a stack trace) if the header is truncated or not minimal
   */
  public static long peekKid(ByteBuffer frame) throws DecodeException {
    HeaderCodec.DecodedHeader out = PEEKED.get();
    HeaderCodec.read(frame, frame.position(), frame.limit(), out);
    return out.kid;
  }

  /**
   * The CTR of the header at {@code frame}'s position, read as {@link #peekKid} reads the KID:
   * without allocating and without moving the buffer's cursors.
   *
   * @throws DecodeException (without a stack trace) if the header is truncated or not minimal
   */
  public static long peekCtr(ByteBuffer frame) throws DecodeException {
    HeaderCodec.DecodedHeader out = PEEKED.get();
    HeaderCodec.read(frame, frame.position(), frame.limit(), out);
    return out.ctr;
  }

  /**
   * The KID of the header at index {@code from} of {@code frame}, the frame ending at {@code to}:
   * as {@link #peekKid(ByteBuffer)}, with absolute indices (the cursors are not read or moved).
   *
   * @throws DecodeException (without a stack trace) if the header is truncated or not minimal
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within the buffer's limit
   */
  public static long peekKid(ByteBuffer frame, int from, int to) throws DecodeException {
    HeaderCodec.DecodedHeader out = PEEKED.get();
    HeaderCodec.read(frame, checkedFrom(frame, from, to), to, out);
    return out.kid;
  }

  /**
   * The CTR of the header at index {@code from} of {@code frame}, the frame ending at {@code to}:
   * as {@link #peekCtr(ByteBuffer)}, with absolute indices (the cursors are not read or moved).
   *
   * @throws DecodeException (without a stack trace) if the header is truncated or not minimal
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within the buffer's limit
   */
  public static long peekCtr(ByteBuffer frame, int from, int to) throws DecodeException {
    HeaderCodec.DecodedHeader out = PEEKED.get();
    HeaderCodec.read(frame, checkedFrom(frame, from, to), to, out);
    return out.ctr;
  }

  private static int checkedFrom(ByteBuffer frame, int from, int to) {
    if (from < 0 || from > to || to > frame.limit()) {
      throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of a buffer with limit "
          + frame.limit());
    }
    return from;
  }

  private static final ThreadLocal<HeaderCodec.DecodedHeader> PEEKED =
      ThreadLocal.withInitial(HeaderCodec.DecodedHeader::new);

  /**
   * Decodes a byte array that holds exactly one header.
   *
   * @throws DecodeException if truncated, not minimal, or followed by other bytes
   */
  public static SframeHeader decodeExactly(byte[] encoded) throws DecodeException {
    ByteBuffer src = ByteBuffer.wrap(encoded);
    SframeHeader header = decode(src);
    if (src.hasRemaining()) {
      throw new DecodeException("SFrame header: " + src.remaining() + " bytes after a "
          + src.position() + "-byte header");
    }
    return header;
  }

  /** KID and CTR in hex, unsigned. */
  @Override
  public String toString() {
    return "SframeHeader[kid=0x" + Long.toHexString(kid) + ", ctr=0x" + Long.toHexString(ctr) + "]";
  }
}
