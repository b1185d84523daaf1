package dev.sealmeet.meeting;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.mls.message.MlsMessage;

/**
 * {@link Envelopes} for the tests that build, read and tamper with envelopes through the classes
 * protoc generates from {@code meeting.proto} (test scope only): each envelope is built by the
 * library's own codec and handed over as bytes, so the generated type is what protobuf-java
 * parses of exactly the library's encoding.
 */
public final class ProtoEnvelopes {
  private ProtoEnvelopes() {}

  /** The library's envelope as protobuf-java parses its bytes. */
  public static Envelope toProto(dev.sealmeet.meeting.wire.Envelope envelope) {
    try {
      return Envelope.parseFrom(envelope.toBytes());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("protobuf-java refuses the library's encoding", e);
    }
  }

  /** A generated envelope as the library's codec reads its bytes. */
  public static dev.sealmeet.meeting.wire.Envelope fromProto(Envelope envelope) {
    try {
      return Envelopes.parse(envelope.toByteArray());
    } catch (DecodeException e) {
      throw new AssertionError("the library refuses protobuf-java's encoding", e);
    }
  }

  /** Parses with the library's codec; the result as protobuf-java reads it. */
  public static Envelope parse(byte[] bytes) throws DecodeException {
    return toProto(Envelopes.parse(bytes));
  }

  /** {@link Envelopes#handshake}. */
  public static Envelope handshake(byte[] meetingId, Handshake.Kind kind, long epoch,
      MlsMessage message) {
    return toProto(Envelopes.handshake(meetingId, kind.getNumber(), epoch, message));
  }

  /** {@link Envelopes#commit}. */
  public static Envelope commit(byte[] meetingId, long epoch, MlsMessage commit,
      MlsMessage groupInfo) {
    return toProto(Envelopes.commit(meetingId, epoch, commit, groupInfo));
  }

  /** {@link Envelopes#media}. */
  public static Envelope media(byte[] meetingId, MediaKind kind, byte[] sframe) {
    return toProto(Envelopes.media(meetingId, kind, sframe));
  }
}
