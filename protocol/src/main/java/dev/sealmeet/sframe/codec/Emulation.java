package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Start-code emulation prevention for mode 1 of {@code protocol.md} §2.8 ([SM-CODEC-4]), after
 * H.264 §7.4.1 and H.265 §7.4.2.3: within a run of bytes that are not clear, a {@code 0x03} is
 * inserted after two zero bytes whenever the next byte is {@code 0x00}–{@code 0x03}, and every run
 * ends with one more {@code 0x03}. Zero bytes written just before a run count ({@code zerosBefore}),
 * so a run that follows clear zero bytes cannot complete a start code either.
 *
 * <p>The reading side is strict, so the escaping is canonical: {@code 00 00} followed by
 * {@code 00}–{@code 02}, an inserted {@code 0x03} not followed by {@code 00}–{@code 03}, or a missing
 * final {@code 0x03} is a {@link DecodeException}.
 */
final class Emulation {
  /** The escape and run-end byte. */
  static final int ESCAPE = 0x03;
  /** 0x01 in every byte of a long. */
  private static final long ONES = 0x0101_0101_0101_0101L;
  /** 0x80 in every byte of a long. */
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  private Emulation() {}

  /** The number of zero bytes (0, 1 or 2) that end {@code data[from..to)}, for the next run. */
  static int trailingZeros(byte[] data, int from, int to) {
    int zeros = 0;
    for (int i = to - 1; i >= from && zeros < 2 && data[i] == 0; i--) {
      zeros++;
    }
    return zeros;
  }

  /** The escaped length of {@code src[from..from+length)}, final byte included. */
  static int escapedLength(byte[] src, int from, int length, int zerosBefore) {
    int zeros = zerosBefore;
    int n = length + 1;
    int end = from + length;
    int i = from;
    while (i < end) {
      int b = src[i++] & 0xff;
      if (zeros >= 2 && b <= ESCAPE) {
        n++;
        zeros = 0;
      }
      if (b == 0) {
        zeros++;
        continue;
      }
      zeros = 0;
      i = nextZero(src, i, end); // the nonzero bytes that follow need no escape
    }
    return n;
  }

  /**
   * Writes the escaped run of {@code src[from..from+length)} at {@code dst[at..)}, final byte
   * included; returns the offset after it. {@code dst} must have {@link #escapedLength} bytes there.
   */
  static int escape(byte[] src, int from, int length, int zerosBefore, byte[] dst, int at) {
    int zeros = zerosBefore;
    int out = at;
    int end = from + length;
    int i = from;
    while (i < end) {
      int b = src[i++] & 0xff;
      if (zeros >= 2 && b <= ESCAPE) {
        dst[out++] = ESCAPE;
        zeros = 0;
      }
      dst[out++] = (byte) b;
      if (b == 0) {
        zeros++;
        continue;
      }
      zeros = 0;
      int j = nextZero(src, i, end); // fast path: the nonzero bytes that follow need no escape
      System.arraycopy(src, i, dst, out, j - i);
      out += j - i;
      i = j;
    }
    dst[out++] = ESCAPE;
    return out;
  }

  /**
   * Reads one escaped run of known unescaped length from {@code wire[from..limit)} into
   * {@code dst[at..at+length)}, final byte included; returns the wire offset after the run.
   *
   * @throws DecodeException if the run is not canonical or does not fit before {@code limit}
   */
  static int unescape(byte[] wire, int from, int limit, int zerosBefore, int length, byte[] dst,
      int at) throws DecodeException {
    int zeros = zerosBefore;
    int in = from;
    for (int produced = 0; produced < length; produced++) {
      int b = next(wire, in++, limit);
      if (zeros >= 2 && b < ESCAPE) {
        throw emulated(in - 1, b);
      }
      if (zeros >= 2 && b == ESCAPE) {
        b = next(wire, in++, limit);
        if (b > ESCAPE) {
          throw new CodecFrameDecodeException("escape byte at wire offset " + (in - 2)
              + " is followed by 0x" + Integer.toHexString(b) + ", not by 0x00-0x03");
        }
        zeros = 0;
      }
      dst[at + produced] = (byte) b;
      if (b == 0) {
        zeros++;
        continue;
      }
      zeros = 0;
      // fast path: the nonzero bytes that follow are data, as they are
      int j = nextZero(wire, in, Math.min(limit, in + length - produced - 1));
      System.arraycopy(wire, in, dst, at + produced + 1, j - in);
      produced += j - in;
      in = j;
    }
    if (next(wire, in, limit) != ESCAPE) {
      throw new CodecFrameDecodeException("escaped run ending at wire offset " + in
          + " lacks its final 0x03");
    }
    return in + 1;
  }

  /**
   * The unescaped length of the run {@code wire[from..to)}, which must end with its final byte and
   * hold nothing else.
   *
   * @throws DecodeException if the run is not canonical
   */
  static int unescapedLength(byte[] wire, int from, int to, int zerosBefore)
      throws DecodeException {
    if (to <= from || (wire[to - 1] & 0xff) != ESCAPE) {
      throw new CodecFrameDecodeException("escaped run ending at wire offset " + to
          + " lacks its final 0x03");
    }
    int zeros = zerosBefore;
    int n = 0;
    for (int in = from; in < to - 1; in++) {
      int b = wire[in] & 0xff;
      if (zeros >= 2 && b < ESCAPE) {
        throw emulated(in, b);
      }
      if (zeros >= 2 && b == ESCAPE) {
        if (in + 1 >= to - 1 || (wire[in + 1] & 0xff) > ESCAPE) {
          throw new CodecFrameDecodeException("escape byte at wire offset " + in
              + " is not followed by 0x00-0x03 within its run");
        }
        zeros = 0;
        continue;
      }
      n++;
      zeros = b == 0 ? zeros + 1 : 0;
    }
    return n;
  }

  /**
   * The offset of the first zero byte of {@code data[from..to)}, or {@code to} if there is none:
   * eight bytes at a time (a long has a zero byte iff {@code (v - ONES) & ~v & HIGHS} is not 0, and
   * read little-endian its lowest set bit marks the first), where a byte-wise loop branches on
   * every byte. Ciphertext has a zero byte every 256 bytes or so, so most runs are skipped whole.
   */
  static int nextZero(byte[] data, int from, int to) {
    int i = from;
    if (to - from >= 2 * Long.BYTES) {
      ByteBuffer words = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
      for (; i <= to - Long.BYTES; i += Long.BYTES) {
        long v = words.getLong(i);
        long zeros = (v - ONES) & ~v & HIGHS;
        if (zeros != 0) {
          return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
        }
      }
    }
    while (i < to && data[i] != 0) {
      i++;
    }
    return i;
  }

  private static int next(byte[] wire, int at, int limit) throws DecodeException {
    if (at >= limit) {
      throw new CodecFrameDecodeException("escaped run truncated at wire offset " + at);
    }
    return wire[at] & 0xff;
  }

  private static DecodeException emulated(int at, int b) {
    return new CodecFrameDecodeException("start-code emulation at wire offset " + at + ": 00 00 followed by 0x"
        + Integer.toHexString(b));
  }
}
