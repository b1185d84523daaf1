package dev.sealmeet.sframe;

import dev.sealmeet.error.DecodeException;
import java.nio.ByteBuffer;

/**
 * The SFrame header codec of RFC 9605 §4.3, on absolute buffer indices so the frame path neither
 * allocates nor moves the caller's cursors.
 *
 * <p>Config byte {@code X KKK Y CCC}: a value 0–7 sits in its 3-bit field with the flag clear; a larger
 * value follows the config byte in the minimum number of big-endian bytes, the field holding that length
 * minus one. KID comes before CTR. Decoding accepts only that canonical form.
 */
final class HeaderCodec {
  private HeaderCodec() {}

  /** Number of bytes a value takes after the config byte: 0 for 0–7, else 1–8. */
  static int valueLength(long value) {
    if (value >= 0 && value < 8) {
      return 0;
    }
    return (Long.SIZE - Long.numberOfLeadingZeros(value) + 7) >>> 3;
  }

  /** The encoded header length for {@code (kid, ctr)}, 1 to 17. */
  static int encodedLength(long kid, long ctr) {
    return 1 + valueLength(kid) + valueLength(ctr);
  }

  /**
   * Writes the header at {@code dst[index..]}, which must hold {@link #encodedLength} bytes.
   *
   * @return the header length
   */
  static int write(byte[] dst, int index, long kid, long ctr) {
    int kidLength = valueLength(kid);
    int ctrLength = valueLength(ctr);
    int config = kidLength == 0 ? (int) kid << 4 : 0x80 | (kidLength - 1) << 4;
    config |= ctrLength == 0 ? (int) ctr : 0x08 | (ctrLength - 1);
    dst[index] = (byte) config;
    int at = putBigEndian(dst, index + 1, kid, kidLength);
    at = putBigEndian(dst, at, ctr, ctrLength);
    return at - index;
  }

  private static int putBigEndian(byte[] dst, int at, long value, int length) {
    for (int shift = (length - 1) * 8; shift >= 0; shift -= 8) {
      dst[at++] = (byte) (value >>> shift);
    }
    return at;
  }

  /**
   * Decodes the header at {@code src[index..limit)} into {@code out}.
   *
   * @throws DecodeException (without a stack trace) if truncated or not in canonical form
   */
  static void read(ByteBuffer src, int index, int limit, DecodedHeader out) throws DecodeException {
    if (index >= limit) {
      throw StacklessDecodeException.of("SFrame header: expected a config byte, found 0 bytes");
    }
    int config = src.get(index) & 0xff;
    int at = index + 1;
    long kid;
    if ((config & 0x80) == 0) {
      kid = (config >>> 4) & 0x07;
    } else {
      int kidLength = ((config >>> 4) & 0x07) + 1;
      kid = readValue(src, at, limit, kidLength, "KID");
      at += kidLength;
    }
    long ctr;
    if ((config & 0x08) == 0) {
      ctr = config & 0x07;
    } else {
      int ctrLength = (config & 0x07) + 1;
      ctr = readValue(src, at, limit, ctrLength, "CTR");
      at += ctrLength;
    }
    out.kid = kid;
    out.ctr = ctr;
    out.length = at - index;
  }

  private static long readValue(ByteBuffer src, int at, int limit, int length, String field)
      throws DecodeException {
    if (limit - at < length) {
      throw StacklessDecodeException.of("SFrame header: " + field + " needs " + length
          + " bytes, found " + Math.max(0, limit - at) + " (RFC 9605 §4.3)");
    }
    int first = src.get(at) & 0xff;
    if (length == 1 && first < 8) {
      throw StacklessDecodeException.of("SFrame header: " + field + " " + first
          + " in extended form, must be in the config byte (RFC 9605 §4.3)");
    }
    if (first == 0) {
      throw StacklessDecodeException.of("SFrame header: " + field
          + " has a leading zero byte, not minimal (RFC 9605 §4.3)");
    }
    long value = first;
    for (int i = 1; i < length; i++) {
      value = (value << 8) | (src.get(at + i) & 0xff);
    }
    return value;
  }

  /** The mutable result of {@link #read}, reused per frame by its owner. */
  static final class DecodedHeader {
    long kid;
    long ctr;
    int length;
  }
}
