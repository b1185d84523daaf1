package dev.sealmeet.meeting.wire;

/** A message of {@code control.proto} that can be written: its size first, then its fields. */
public interface ProtoMessage {
  /** Bytes of this message's encoding. */
  int encodedLength();

  /** Writes the fields in field-number order, defaults left out. */
  void writeTo(ProtoWriter out);

  /** The encoding, byte for byte what protobuf-java's {@code toByteArray()} gives. */
  default byte[] toBytes() {
    return ProtoWriter.encode(this);
  }
}
