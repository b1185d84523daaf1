package dev.sealmeet.meeting.wire;

import dev.sealmeet.error.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the proto3 wire format as protobuf-java's {@code CodedInputStream} does, from a byte array
 * with one cursor and a current limit: an embedded message is read between {@link
 * #enterMessage()} and {@link #exitMessage(int)}, which move the limit in and out, so that reading
 * one allocates nothing.
 *
 * <p>What it accepts is what protobuf-java accepts: varints of up to 10 bytes (bits beyond the
 * 64th ignored, a tenth byte with the continuation bit refused), tags and lengths as the low 32
 * bits of their varint, field number 0 refused, lengths checked against the bytes left before
 * anything is allocated, unknown fields of wire types 0, 1, 2, 3 (a group, to its matching end
 * tag) and 5 skipped, an end tag outside its group and wire types 6 and 7 refused, strings of
 * well-formed UTF-8 only, and at most {@link #MAX_DEPTH} nested messages and groups. Every failure
 * is a {@link DecodeException}. Not thread-safe.
 */
final class ProtoReader {
  /** Nesting of messages and groups protobuf-java allows ({@code CodedInputStream} default). */
  static final int MAX_DEPTH = 100;

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int START_GROUP = 3;
  static final int END_GROUP = 4;
  static final int FIXED32 = 5;

  private static final int MAX_VARINT_BYTES = 10;

  private final byte[] data;
  private int limit;
  private int depth;
  private int position;

  private ProtoReader(byte[] data) {
    this.data = data;
    this.limit = data.length;
  }

  /** A reader over all of {@code data} (not copied; it must not change while reading). */
  static ProtoReader of(byte[] data) {
    return new ProtoReader(data);
  }

  /**
   * The next field's tag (field number and wire type), or 0 at the current limit.
   *
   * @throws DecodeException if the varint is malformed or names field 0
   */
  int readTag() throws DecodeException {
    if (position == limit) {
      return 0;
    }
    int tag = (int) readVarint();
    if (tag >>> 3 == 0) {
      throw failure("tag with field number 0");
    }
    return tag;
  }

  /**
   * A varint of up to 10 bytes as an unsigned 64-bit value.
   *
   * @throws DecodeException if it is truncated or longer than 10 bytes
   */
  long readVarint() throws DecodeException {
    long value = 0;
    for (int i = 0; i < MAX_VARINT_BYTES; i++) {
      if (position == limit) {
        throw failure("truncated varint");
      }
      byte b = data[position++];
      value |= (long) (b & 0x7f) << (7 * i);
      if (b >= 0) {
        return value;
      }
    }
    throw failure("varint longer than " + MAX_VARINT_BYTES + " bytes");
  }

  /** A length-delimited field's bytes, copied. */
  byte[] readBytes() throws DecodeException {
    int length = readLength();
    byte[] bytes = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return bytes;
  }

  /**
   * A string field.
   *
   * @throws DecodeException if its bytes are not well-formed UTF-8 (proto3)
   */
  String readString() throws DecodeException {
    int length = readLength();
    if (!isUtf8(data, position, position + length)) {
      throw failure("string of " + length + " bytes is not valid UTF-8");
    }
    String s = new String(data, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  /**
   * Starts reading an embedded message: its length, then the limit moves to its end and the depth
   * one level down. {@link #readTag()} gives 0 at its end.
   *
   * @return the limit to hand back to {@link #exitMessage(int)}
   * @throws DecodeException if the length is out of range or the nesting is too deep
   */
  int enterMessage() throws DecodeException {
    int length = readLength();
    if (depth >= MAX_DEPTH) {
      throw failure("messages nested deeper than " + MAX_DEPTH);
    }
    int outer = limit;
    limit = position + length;
    depth++;
    return outer;
  }

  /** Ends an embedded message read to its end: the limit and depth of the enclosing one. */
  void exitMessage(int outerLimit) {
    limit = outerLimit;
    depth--;
  }

  /**
   * Skips the value of a field the caller does not know, or knows under another wire type.
   *
   * @throws DecodeException if the value is malformed, an end-group tag stands outside its group,
   *     or the wire type is 6 or 7
   */
  void skipField(int tag) throws DecodeException {
    skipField(tag, depth);
  }

  private void skipField(int tag, int level) throws DecodeException {
    switch (tag & 7) {
      case VARINT -> readVarint();
      case FIXED64 -> skip(8);
      case LENGTH_DELIMITED -> skip(readLength());
      case START_GROUP -> skipGroup(tag >>> 3, level);
      case FIXED32 -> skip(4);
      case END_GROUP -> throw failure("end-group tag of field " + (tag >>> 3) + " outside a group");
      default -> throw failure("wire type " + (tag & 7));
    }
  }

  private void skipGroup(int field, int level) throws DecodeException {
    if (level >= MAX_DEPTH) {
      throw failure("groups nested deeper than " + MAX_DEPTH);
    }
    while (true) {
      int tag = readTag();
      if (tag == 0) {
        throw failure("group of field " + field + " not closed");
      }
      if ((tag & 7) == END_GROUP) {
        if (tag >>> 3 != field) {
          throw failure("group of field " + field + " closed by field " + (tag >>> 3));
        }
        return;
      }
      skipField(tag, level + 1);
    }
  }

  private void skip(int length) throws DecodeException {
    if (length > limit - position) {
      throw failure("truncated field: " + length + " bytes, " + (limit - position) + " left");
    }
    position += length;
  }

  private int readLength() throws DecodeException {
    int length = (int) readVarint();
    if (length < 0) {
      throw failure("negative length " + length);
    }
    if (length > limit - position) {
      throw failure("length " + length + ", " + (limit - position) + " bytes left");
    }
    return length;
  }

  /**
   * Whether {@code bytes[from..to)} is well-formed UTF-8 (Unicode Table 3-7): no overlong form,
   * no surrogate, nothing above U+10FFFF, no sequence cut short.
   */
  private static boolean isUtf8(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int lead = bytes[i++] & 0xff;
      if (lead < 0x80) {
        continue;
      }
      int more;
      int low = 0x80;
      int high = 0xbf;
      if (lead >= 0xc2 && lead <= 0xdf) {
        more = 1;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        more = 2;
        low = lead == 0xe0 ? 0xa0 : low; // overlong
        high = lead == 0xed ? 0x9f : high; // surrogates
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        more = 3;
        low = lead == 0xf0 ? 0x90 : low; // overlong
        high = lead == 0xf4 ? 0x8f : high; // above U+10FFFF
      } else {
        return false;
      }
      if (to - i < more) {
        return false;
      }
      for (int k = 0; k < more; k++, low = 0x80, high = 0xbf) {
        int next = bytes[i++] & 0xff;
        if (next < low || next > high) {
          return false;
        }
      }
    }
    return true;
  }

  private DecodeException failure(String what) {
    return new DecodeException("not a control message: " + what + " at offset " + position);
  }

  /** Position, limit and depth only. */
  @Override
  public String toString() {
    return "ProtoReader[" + position + " of " + limit + ", depth " + depth + "]";
  }
}
