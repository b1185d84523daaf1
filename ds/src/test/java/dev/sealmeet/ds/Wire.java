package dev.sealmeet.ds;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;

/**
 * Hand-made control envelopes for the tests, written field by field (the schema {@code
 * sealmeet/meeting/v1/meeting.proto}: meeting_id 1, submit_id 3, handshake 10, media 12) without
 * generated classes.
 */
final class Wire {
  private static final int MEETING_ID = 1;
  private static final int SUBMIT_ID = 3;
  private static final int HANDSHAKE = 10;
  private static final int MEDIA = 12;

  private Wire() {}

  private static UnknownFieldSet.Field bytes(byte[] value) {
    return UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFrom(value))
        .build();
  }

  private static UnknownFieldSet.Field varint(long value) {
    return UnknownFieldSet.Field.newBuilder().addVarint(value).build();
  }

  private static UnknownFieldSet parse(byte[] envelope) {
    try {
      return UnknownFieldSet.parseFrom(envelope);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** The envelope with another submit id. */
  static byte[] withSubmitId(byte[] envelope, byte[] submitId) {
    return UnknownFieldSet.newBuilder(parse(envelope)).clearField(SUBMIT_ID)
        .addField(SUBMIT_ID, bytes(submitId)).build().toByteArray();
  }

  /** The envelope's submit id. */
  static byte[] submitId(byte[] envelope) {
    return parse(envelope).getField(SUBMIT_ID).getLengthDelimitedList().get(0).toByteArray();
  }

  /** A media envelope (an audio SFrame of {@code sframe}). */
  static byte[] media(byte[] meetingId, byte[] submitId, byte[] sframe) {
    UnknownFieldSet frame = UnknownFieldSet.newBuilder().addField(1, varint(1))
        .addField(2, bytes(sframe)).build();
    return UnknownFieldSet.newBuilder().addField(MEETING_ID, bytes(meetingId))
        .addField(SUBMIT_ID, bytes(submitId))
        .addField(MEDIA, bytes(frame.toByteArray())).build().toByteArray();
  }

  /** A commit handshake at {@code epoch} whose MLS message is {@code junk}. */
  static byte[] junkCommit(byte[] meetingId, byte[] submitId, long epoch, byte[] junk) {
    UnknownFieldSet handshake = UnknownFieldSet.newBuilder().addField(1, varint(2))
        .addField(2, varint(epoch)).addField(3, bytes(junk)).addField(4, bytes(junk)).build();
    return UnknownFieldSet.newBuilder().addField(MEETING_ID, bytes(meetingId))
        .addField(SUBMIT_ID, bytes(submitId))
        .addField(HANDSHAKE, bytes(handshake.toByteArray())).build().toByteArray();
  }
}
