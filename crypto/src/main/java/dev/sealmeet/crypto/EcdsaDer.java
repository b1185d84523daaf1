package dev.sealmeet.crypto;

import java.math.BigInteger;

/**
 * The DER form of an ECDSA signature, {@code SEQUENCE { r INTEGER, s INTEGER }} (RFC 9420 §5.1.2 names
 * it; the encoding rules are X.690 DER), parsed strictly: definite minimal lengths, minimal positive
 * integers, nothing after the sequence. Anything else (BER, long-form lengths below 128, leading zero
 * bytes, negative integers, trailing bytes) is rejected.
 */
final class EcdsaDer {
  private static final int SEQUENCE = 0x30;
  private static final int INTEGER = 0x02;

  private EcdsaDer() {}

  /**
   * Parses {@code signature} as a strict DER pair.
   *
   * @return {@code {r, s}}, both non-negative, or {@code null} if the encoding is not strict DER
   */
  static BigInteger[] decode(byte[] signature) {
    if (signature == null || signature.length < 2 || (signature[0] & 0xFF) != SEQUENCE) {
      return null;
    }
    int first = signature[1] & 0xFF;
    int contentLength;
    int offset;
    if (first < 0x80) {
      contentLength = first;
      offset = 2;
    } else if (first == 0x81 && signature.length >= 3 && (signature[2] & 0xFF) >= 0x80) {
      contentLength = signature[2] & 0xFF;
      offset = 3;
    } else {
      return null; // indefinite, non-minimal, or longer than any curve we support needs
    }
    if (offset + contentLength != signature.length) {
      return null;
    }
    int[] cursor = {offset};
    BigInteger r = readInteger(signature, cursor);
    if (r == null) {
      return null;
    }
    BigInteger s = readInteger(signature, cursor);
    if (s == null || cursor[0] != signature.length) {
      return null;
    }
    return new BigInteger[] {r, s};
  }

  private static BigInteger readInteger(byte[] in, int[] cursor) {
    int pos = cursor[0];
    if (in.length - pos < 2 || (in[pos] & 0xFF) != INTEGER) {
      return null;
    }
    int length = in[pos + 1] & 0xFF;
    // Our integers are at most 67 bytes, so a long-form length is never minimal here.
    if (length == 0 || length >= 0x80 || in.length - pos - 2 < length) {
      return null;
    }
    int start = pos + 2;
    if ((in[start] & 0x80) != 0) {
      return null; // negative
    }
    if (in[start] == 0 && length > 1 && (in[start + 1] & 0x80) == 0) {
      return null; // non-minimal: a leading zero byte that is not needed for the sign
    }
    cursor[0] = start + length;
    byte[] magnitude = new byte[length];
    System.arraycopy(in, start, magnitude, 0, length);
    return new BigInteger(1, magnitude);
  }

  /** The DER encoding of {@code (r, s)}; both must be positive. */
  static byte[] encode(BigInteger r, BigInteger s) {
    byte[] rb = r.toByteArray(); // minimal two's complement: a leading 0 only when the top bit is set
    byte[] sb = s.toByteArray();
    int content = 2 + rb.length + 2 + sb.length;
    int header = content < 0x80 ? 2 : 3;
    byte[] out = new byte[header + content];
    out[0] = (byte) SEQUENCE;
    if (header == 2) {
      out[1] = (byte) content;
    } else {
      out[1] = (byte) 0x81;
      out[2] = (byte) content;
    }
    int pos = header;
    out[pos++] = (byte) INTEGER;
    out[pos++] = (byte) rb.length;
    System.arraycopy(rb, 0, out, pos, rb.length);
    pos += rb.length;
    out[pos++] = (byte) INTEGER;
    out[pos++] = (byte) sb.length;
    System.arraycopy(sb, 0, out, pos, sb.length);
    return out;
  }
}
