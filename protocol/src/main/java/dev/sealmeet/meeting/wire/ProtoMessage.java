package dev.sealmeet.meeting.wire;

/** A message of {@code meeting.proto} that can be written: its fields, in field-number order. */
public interface ProtoMessage {
  /** Writes the fields in field-number order, defaults left out. */
  void writeTo(ProtoWriter out);

  /** Bytes of this message's encoding. */
  default int encodedLength() {
    return ProtoWriter.measure(this);
  }

  /** The encoding, byte for byte what protobuf-java's {@code toByteArray()} gives. */
  default byte[] toBytes() {
    return ProtoWriter.encode(this);
  }
}
