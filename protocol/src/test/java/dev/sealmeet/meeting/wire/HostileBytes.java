package dev.sealmeet.meeting.wire;

import dev.sealmeet.crypto.testing.Gens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generator of byte strings near a control message: a sequence of records drawn
 * from the message's schema (and, for a body member, its own schema one level down) that mixes
 * known fields, known fields under another wire type, unknown fields of every wire type, groups
 * (nested, unclosed, closed by another field, 97 to 102 deep), repeated and interleaved body
 * members, varints padded to 10 bytes or run to 11 (or to a tenth byte with the continuation
 * bit, which protobuf-java's fast path lets through), lengths that are wrong, negative or above
 * 2^32, tags above 32 bits, field number 0, wire types 6 and 7, strings of valid and invalid UTF-8,
 * and raw junk; then, now and then, byte mutations (flips, truncation, deletion, duplication,
 * insertion). Printed in hex.
 */
final class HostileBytes {
  /** The messages of {@code meeting.proto} by their fields: number and kind. */
  enum Type {
    ENVELOPE, HANDSHAKE, WELCOME, MEDIA, ENDED, UPLOAD, RESULT;

    Field[] fields() {
      return switch (this) {
        case ENVELOPE -> new Field[] {f(1, 'b'), f(2, 'v'), f(3, 'b'), m(10, HANDSHAKE),
            m(11, WELCOME), m(12, MEDIA), m(13, ENDED)};
        case HANDSHAKE -> new Field[] {f(1, 'v'), f(2, 'v'), f(3, 'b'), f(4, 'b')};
        case WELCOME -> new Field[] {f(1, 'v'), f(2, 's'), f(3, 'b'), f(4, 'b'), f(5, 'v')};
        case MEDIA -> new Field[] {f(1, 'v'), f(2, 'b')};
        case ENDED -> new Field[] {f(1, 'v'), f(2, 'b')};
        case UPLOAD -> new Field[] {f(1, 's'), f(2, 'v'), f(3, 'b')};
        case RESULT -> new Field[] {f(1, 'v'), f(2, 'v'), f(3, 'v'), f(4, 's')};
      };
    }
  }

  /** A field: number, kind ('v' varint, 'b' bytes, 's' string, 'm' message) and message type. */
  record Field(int number, char kind, Type type) {}

  private static final byte[][] UTF8 = {
      {(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xc1, (byte) 0xbf},
      {(byte) 0xe0, (byte) 0x80, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xed, (byte) 0xbf, (byte) 0xbf}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
      {(byte) 0x80}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98},
      {(byte) 0xef, (byte) 0xbf, (byte) 0xbf}, {(byte) 0xf4, (byte) 0x8f, (byte) 0xbf, (byte) 0xbf},
      {(byte) 0xf0, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xdf, (byte) 0xbf},
      {(byte) 0xe0, (byte) 0xa0, (byte) 0x80}, {(byte) 0xee, (byte) 0x80, (byte) 0x80},
      {0x41}, {}};

  private HostileBytes() {}

  private static Field f(int number, char kind) {
    return new Field(number, kind, null);
  }

  private static Field m(int number, Type type) {
    return new Field(number, 'm', type);
  }

  /** Byte strings near an encoding of {@code type}. */
  static Gen<byte[]> near(Type type) {
    Gen<byte[]> gen = source -> {
      ControlGens.Draw d = new ControlGens.Draw(source);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message(d, out, type);
      byte[] bytes = out.toByteArray();
      for (int i = d.chance(30) ? d.between(1, 3) : 0; i > 0; i--) {
        bytes = mutate(d, bytes);
      }
      return bytes;
    };
    return gen.describedAs(Gens::hex);
  }

  private static void message(ControlGens.Draw d, ByteArrayOutputStream out, Type type) {
    for (int i = d.between(0, 6); i > 0; i--) {
      record(d, out, type);
    }
  }

  private static void record(ControlGens.Draw d, ByteArrayOutputStream out, Type type) {
    Field[] fields = type.fields();
    Field field = fields[d.between(0, fields.length - 1)];
    int choice = d.between(0, 19);
    if (choice < 11) {
      known(d, out, field);
    } else if (choice < 13) {
      int wireType = new int[] {0, 1, 2, 5}[d.between(0, 3)];
      value(d, out, field.number(), wireType == (field.kind() == 'v' ? 0 : 2)
          ? (wireType + 1) % 3 : wireType);
    } else if (choice < 15) {
      int[] numbers = {4, 9, 14, 15, 16, 100, 2047, 2048, (1 << 29) - 1};
      value(d, out, numbers[d.between(0, numbers.length - 1)],
          new int[] {0, 1, 2, 5}[d.between(0, 3)]);
    } else if (choice < 17) {
      group(d, out, d.between(1, 20), d.chance(10) ? d.between(97, 102) : d.between(1, 3));
    } else if (choice < 18 && type == Type.ENVELOPE) {
      // the same member again or another one: merged, replaced, or the stale builder case
      known(d, out, fields[d.between(3, fields.length - 1)]);
      known(d, out, fields[d.between(3, fields.length - 1)]);
    } else {
      junk(d, out);
    }
  }

  private static void known(ControlGens.Draw d, ByteArrayOutputStream out, Field field) {
    switch (field.kind()) {
      case 'v' -> {
        tag(d, out, field.number(), 0);
        varint(d, out, d.number());
      }
      case 'b' -> delimited(d, out, field.number(), d.raw(d.between(0, 30)));
      case 's' -> delimited(d, out, field.number(), string(d));
      default -> {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        message(d, inner, field.type());
        delimited(d, out, field.number(), inner.toByteArray());
      }
    }
  }

  private static void value(ControlGens.Draw d, ByteArrayOutputStream out, int number,
      int wireType) {
    switch (wireType) {
      case 0 -> {
        tag(d, out, number, 0);
        varint(d, out, d.number());
      }
      case 1 -> {
        tag(d, out, number, 1);
        out.writeBytes(d.raw(8));
      }
      case 2 -> delimited(d, out, number, d.chance(30) ? string(d) : d.raw(d.between(0, 12)));
      default -> {
        tag(d, out, number, 5);
        out.writeBytes(d.raw(4));
      }
    }
  }

  /** {@code depth} nested groups of {@code number}, closed, or now and then one not or wrongly. */
  private static void group(ControlGens.Draw d, ByteArrayOutputStream out, int number,
      int depth) {
    for (int i = 0; i < depth; i++) {
      tag(d, out, number, 3);
      if (d.chance(20)) {
        value(d, out, d.between(1, 20), new int[] {0, 1, 2, 5}[d.between(0, 3)]);
      }
    }
    int broken = d.chance(10) ? d.between(0, depth - 1) : -1;
    for (int i = 0; i < depth; i++) {
      if (i != broken || d.chance(50)) {
        tag(d, out, i == broken ? number + 1 : number, 4);
      }
    }
  }

  private static void junk(ControlGens.Draw d, ByteArrayOutputStream out) {
    switch (d.between(0, 6)) {
      case 0 -> out.writeBytes(d.raw(d.between(1, 3)));
      case 1 -> out.writeBytes(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
          (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01});
      case 2 -> out.writeBytes(new byte[] {0x00, 0x01}); // field number 0
      case 3 -> out.write(d.between(1, 15) << 3 | d.between(6, 7)); // wire type 6 or 7
      case 4 -> out.write(d.between(1, 15) << 3 | 4); // an end-group tag alone
      case 5 -> { // a varint of 10 bytes whose tenth has the continuation bit (and bit 0)
        out.write(d.between(1, 15) << 3);
        for (byte b : d.raw(9)) {
          out.write(b | 0x80);
        }
        out.write(d.raw(1)[0] | 0x81);
      }
      default -> out.writeBytes(new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff,
          (byte) 0xff, 0x0f}); // length -1
    }
  }

  private static void delimited(ControlGens.Draw d, ByteArrayOutputStream out, int number,
      byte[] content) {
    tag(d, out, number, 2);
    long length = content.length;
    switch (d.between(0, 19)) {
      case 0 -> length += 1;
      case 1 -> length -= 1;
      case 2 -> length += 1L << 32; // read as its low 32 bits
      case 3 -> length = d.number();
      default -> { }
    }
    varint(d, out, length);
    out.writeBytes(content);
  }

  private static void tag(ControlGens.Draw d, ByteArrayOutputStream out, int number,
      int wireType) {
    long tag = (long) number << 3 | wireType;
    varint(d, out, d.chance(3) ? tag | 1L << (32 + d.between(0, 30)) : tag);
  }

  /** Minimal mostly; padded with 0x80 bytes up to 10 now and then. */
  private static void varint(ControlGens.Draw d, ByteArrayOutputStream out, long value) {
    int padTo = d.chance(5) ? 10 : 0;
    int written = 0;
    while ((value & ~0x7fL) != 0 || written + 1 < padTo) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
      written++;
    }
    out.write((int) value);
  }

  private static byte[] string(ControlGens.Draw d) {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.writeBytes(d.string().getBytes(StandardCharsets.UTF_8));
    if (d.chance(40)) {
      s.writeBytes(UTF8[d.between(0, UTF8.length - 1)]);
      s.writeBytes(d.string().getBytes(StandardCharsets.UTF_8));
    }
    return s.toByteArray();
  }

  private static byte[] mutate(ControlGens.Draw d, byte[] bytes) {
    if (bytes.length == 0) {
      return d.raw(d.between(1, 4));
    }
    int at = d.between(0, bytes.length - 1);
    int length = d.between(1, Math.min(8, bytes.length - at));
    byte[] out = bytes.clone();
    switch (d.between(0, 4)) {
      case 0 -> out[at] ^= (byte) (1 << d.between(0, 7));
      case 1 -> out = Arrays.copyOf(bytes, at);
      case 2 -> out = concat(Arrays.copyOf(bytes, at),
          Arrays.copyOfRange(bytes, at + length, bytes.length));
      case 3 -> out = concat(Arrays.copyOf(bytes, at + length),
          Arrays.copyOfRange(bytes, at, bytes.length));
      default -> out = concat(concat(Arrays.copyOf(bytes, at), d.raw(d.between(1, 3))),
          Arrays.copyOfRange(bytes, at, bytes.length));
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
