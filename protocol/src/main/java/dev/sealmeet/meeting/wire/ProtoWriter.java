package dev.sealmeet.meeting.wire;

import dev.sealmeet.error.SealmeetBugException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the proto3 wire format byte for byte as protobuf-java's {@code toByteArray()} does, into
 * an array sized once from the message's {@link ProtoMessage#encodedLength()}: the caller writes
 * fields in field-number order; a scalar field equal to its default (0, false, empty) is left out
 * (implicit presence), while an embedded message and each element of a repeated string (empty or
 * not) are always written, one record each; int32 and enum values are varints
 * of their sign-extended 64 bits (a negative one takes 10 bytes). The static methods give the
 * encoded size of each such field.
 */
final class ProtoWriter {
  private final byte[] out;
  private int position;

  private ProtoWriter(int length) {
    this.out = new byte[length];
  }

  /** The encoding of {@code message}. */
  static byte[] encode(ProtoMessage message) {
    ProtoWriter writer = new ProtoWriter(message.encodedLength());
    message.writeTo(writer);
    if (writer.position != writer.out.length) {
      throw new SealmeetBugException("encoded " + writer.position + " bytes of "
          + writer.out.length + " computed for " + message.getClass().getSimpleName());
    }
    return writer.out;
  }

  /** Bytes of the varint of {@code value} (unsigned, 1 to 10). */
  static int varintSize(long value) {
    int size = 1;
    while ((value & ~0x7fL) != 0) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  /** Size of a varint field (uint64, int32, enum, bool as 0 or 1), 0 if it is 0. */
  static int varintFieldSize(int field, long value) {
    return value == 0 ? 0 : varintSize(field << 3) + varintSize(value);
  }

  /** Size of a bytes field, 0 if it is empty. */
  static int bytesFieldSize(int field, byte[] value) {
    return value.length == 0 ? 0 : lengthDelimitedSize(field, value.length);
  }

  /** Size of a string field, 0 if it is empty. */
  static int stringFieldSize(int field, String value) {
    return bytesFieldSize(field, utf8(value));
  }

  /** Size of one element of a repeated string field, written even if it is empty. */
  static int stringElementSize(int field, String value) {
    return lengthDelimitedSize(field, utf8(value).length);
  }

  /** Size of an embedded message field, written even if the message is empty. */
  static int messageFieldSize(int field, ProtoMessage value) {
    return lengthDelimitedSize(field, value.encodedLength());
  }

  private static int lengthDelimitedSize(int field, int length) {
    return varintSize(field << 3) + varintSize(length) + length;
  }

  /**
   * A string's UTF-8 bytes; an unpaired surrogate becomes {@code '?'}, as protobuf-java writes it
   * (its fallback is {@code String.getBytes(UTF_8)}).
   */
  static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** A varint field (uint64, int32 or enum sign-extended, bool as 0 or 1), left out if 0. */
  void varintField(int field, long value) {
    if (value != 0) {
      tag(field, ProtoReader.VARINT);
      varint(value);
    }
  }

  /** A bytes field, left out if empty. */
  void bytesField(int field, byte[] value) {
    if (value.length != 0) {
      lengthDelimited(field, value);
    }
  }

  /** A string field, left out if empty. */
  void stringField(int field, String value) {
    bytesField(field, utf8(value));
  }

  /** One element of a repeated string field, written even if it is empty. */
  void stringElement(int field, String value) {
    lengthDelimited(field, utf8(value));
  }

  private void lengthDelimited(int field, byte[] value) {
    tag(field, ProtoReader.LENGTH_DELIMITED);
    varint(value.length);
    System.arraycopy(value, 0, out, position, value.length);
    position += value.length;
  }

  /** An embedded message field, written even if the message is empty. */
  void messageField(int field, ProtoMessage value) {
    tag(field, ProtoReader.LENGTH_DELIMITED);
    varint(value.encodedLength());
    value.writeTo(this);
  }

  private void tag(int field, int wireType) {
    varint(field << 3 | wireType);
  }

  private void varint(long value) {
    while ((value & ~0x7fL) != 0) {
      out[position++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out[position++] = (byte) value;
  }

  /** Position and size only. */
  @Override
  public String toString() {
    return "ProtoWriter[" + position + " of " + out.length + " bytes]";
  }
}
