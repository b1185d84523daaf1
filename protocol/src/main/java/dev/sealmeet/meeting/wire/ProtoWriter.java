package dev.sealmeet.meeting.wire;

import dev.sealmeet.error.SealmeetBugException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the proto3 wire format byte for byte as protobuf-java's {@code toByteArray()} does: a
 * message's {@link ProtoMessage#writeTo} runs twice, once to measure and once into an array of
 * exactly that size. The caller writes fields in field-number order; a scalar field equal to its
 * default (0, false, empty) is left out (implicit presence), while an embedded message and each
 * element of a repeated string (empty or not) are always written, one record each; int32 and enum
 * values are varints of their sign-extended 64 bits (a negative one takes 10 bytes).
 */
final class ProtoWriter {
  private final byte[] out; // null while measuring
  private int position;

  private ProtoWriter(byte[] out) {
    this.out = out;
  }

  /** The encoding of {@code message}. */
  static byte[] encode(ProtoMessage message) {
    ProtoWriter writer = new ProtoWriter(new byte[measure(message)]);
    message.writeTo(writer);
    if (writer.position != writer.out.length) {
      throw new SealmeetBugException("wrote " + writer.position + " bytes of "
          + writer.out.length + " measured for " + message.getClass().getSimpleName());
    }
    return writer.out;
  }

  /** Bytes of the encoding of {@code message}: its fields written, and only counted. */
  static int measure(ProtoMessage message) {
    ProtoWriter counter = new ProtoWriter(null);
    message.writeTo(counter);
    return counter.position;
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

  /** An embedded message field, written even if the message is empty. */
  void messageField(int field, ProtoMessage value) {
    tag(field, ProtoReader.LENGTH_DELIMITED);
    varint(measure(value));
    value.writeTo(this);
  }

  /**
   * A string's UTF-8 bytes; an unpaired surrogate becomes {@code '?'}, as protobuf-java writes it
   * (its fallback is {@code String.getBytes(UTF_8)}).
   */
  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private void lengthDelimited(int field, byte[] value) {
    tag(field, ProtoReader.LENGTH_DELIMITED);
    varint(value.length);
    if (out != null) {
      System.arraycopy(value, 0, out, position, value.length);
    }
    position += value.length;
  }

  private void tag(int field, int wireType) {
    varint(field << 3 | wireType);
  }

  private void varint(long value) {
    while ((value & ~0x7fL) != 0) {
      put((byte) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    put((byte) value);
  }

  private void put(byte b) {
    if (out != null) {
      out[position] = b;
    }
    position++;
  }

  /** Position and size only. */
  @Override
  public String toString() {
    return "ProtoWriter[" + position + (out == null ? " bytes measured]"
        : " of " + out.length + " bytes]");
  }
}
