package dev.sealmeet.meeting;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.mls.message.MlsMessage;

/** Builds and reads control envelopes; MLS messages go in and out as their RFC encoding. */
final class Envelopes {
  private Envelopes() {}

  /**
   * Parses an envelope from the wire.
   *
   * @throws DecodeException if the bytes are not an {@link Envelope}
   */
  static Envelope parse(byte[] bytes) throws DecodeException {
    try {
      return Envelope.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException("not a control envelope (" + bytes.length + " bytes)");
    }
  }

  static Envelope handshake(byte[] meetingId, Handshake.Kind kind, long epoch,
      MlsMessage message) {
    return Envelope.newBuilder().setMeetingId(ByteString.copyFrom(meetingId))
        .setHandshake(Handshake.newBuilder().setKind(kind).setEpoch(epoch)
            .setMlsMessage(ByteString.copyFrom(message.toBytes())))
        .build();
  }

  /** A COMMIT envelope with the committer's GroupInfo of the epoch the commit starts. */
  static Envelope commit(byte[] meetingId, long epoch, MlsMessage commit, MlsMessage groupInfo) {
    Envelope envelope = handshake(meetingId, Handshake.Kind.COMMIT, epoch, commit);
    return envelope.toBuilder().setHandshake(envelope.getHandshake().toBuilder()
        .setGroupInfo(ByteString.copyFrom(groupInfo.toBytes()))).build();
  }

  static Envelope media(byte[] meetingId, MediaFrame.Kind kind, byte[] sframe) {
    return Envelope.newBuilder().setMeetingId(ByteString.copyFrom(meetingId))
        .setMedia(MediaFrame.newBuilder().setKind(kind).setSframe(ByteString.copyFrom(sframe)))
        .build();
  }

  /**
   * The MLSMessage inside {@code bytes}.
   *
   * @throws DecodeException if it is not one
   */
  static MlsMessage mls(ByteString bytes) throws DecodeException {
    return MlsMessage.fromBytes(bytes.toByteArray());
  }
}
