package dev.sealmeet.meeting;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.meeting.proto.MeetingEnded;
import dev.sealmeet.meeting.proto.WelcomeMessage;
import dev.sealmeet.mls.message.MlsMessage;
import java.security.SecureRandom;
import java.util.List;

/**
 * Builds and reads control envelopes; MLS messages go in and out as their RFC encoding. Every
 * envelope built here carries a fresh random submit id (16 bytes), kept by whoever retries it.
 * The Protobuf types stay inside the package: the public API passes envelopes as bytes.
 */
final class Envelopes {
  /** Length of a submit id. */
  static final int SUBMIT_ID_LENGTH = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

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

  private static Envelope.Builder start(byte[] meetingId) {
    byte[] id = new byte[SUBMIT_ID_LENGTH];
    RANDOM.nextBytes(id);
    return Envelope.newBuilder().setMeetingId(ByteString.copyFrom(meetingId))
        .setSubmitId(ByteString.copyFrom(id));
  }

  static Envelope handshake(byte[] meetingId, Handshake.Kind kind, long epoch,
      MlsMessage message) {
    return start(meetingId).setHandshake(Handshake.newBuilder().setKind(kind).setEpoch(epoch)
        .setMlsMessage(ByteString.copyFrom(message.toBytes()))).build();
  }

  /** A COMMIT envelope with the committer's GroupInfo of the epoch the commit starts. */
  static Envelope commit(byte[] meetingId, long epoch, MlsMessage commit, MlsMessage groupInfo) {
    return start(meetingId).setHandshake(Handshake.newBuilder().setKind(Handshake.Kind.COMMIT)
        .setEpoch(epoch).setMlsMessage(ByteString.copyFrom(commit.toBytes()))
        .setGroupInfo(ByteString.copyFrom(groupInfo.toBytes()))).build();
  }

  static Envelope media(byte[] meetingId, MediaKind kind, byte[] sframe) {
    MediaFrame.Kind wire = kind == MediaKind.AUDIO ? MediaFrame.Kind.AUDIO : MediaFrame.Kind.VIDEO;
    return start(meetingId).setMedia(MediaFrame.newBuilder().setKind(wire)
        .setSframe(ByteString.copyFrom(sframe))).build();
  }

  /**
   * A Welcome for {@code recipients}, signed by its admitter (spec §3.3), naming the sequence
   * number of the commit that opens its epoch.
   */
  static Envelope welcome(byte[] meetingId, long epoch, List<String> recipients, byte[] welcome,
      byte[] admitterSignature, long commitSequence) {
    return start(meetingId).setWelcome(WelcomeMessage.newBuilder().setEpoch(epoch)
        .addAllRecipients(recipients).setMlsMessage(ByteString.copyFrom(welcome))
        .setAdmitterSignature(ByteString.copyFrom(admitterSignature))
        .setCommitSequence(commitSequence)).build();
  }

  /** An end message (an MLS application message) of {@code epoch}. */
  static Envelope ended(byte[] meetingId, long epoch, MlsMessage message) {
    return start(meetingId).setEnded(MeetingEnded.newBuilder().setEpoch(epoch)
        .setMlsMessage(ByteString.copyFrom(message.toBytes()))).build();
  }

  /** The envelope's wire encoding as the delivery service takes it. */
  static byte[] bytes(Envelope envelope) {
    return envelope.toByteArray();
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
