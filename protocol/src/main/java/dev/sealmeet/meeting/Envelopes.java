package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.wire.Envelope;
import dev.sealmeet.meeting.wire.Handshake;
import dev.sealmeet.meeting.wire.MediaFrame;
import dev.sealmeet.meeting.wire.MeetingEnded;
import dev.sealmeet.meeting.wire.WelcomeMessage;
import dev.sealmeet.mls.message.MlsMessage;
import java.security.SecureRandom;
import java.util.List;

/**
 * Builds and reads control envelopes; MLS messages go in and out as their RFC encoding. Every
 * envelope built here carries a fresh random submit id (16 bytes), kept by whoever retries it.
 * The wire types ({@code dev.sealmeet.meeting.wire}) stay inside the module: the public API
 * passes envelopes as bytes.
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
    return Envelope.decode(bytes);
  }

  private static Envelope start(byte[] meetingId, Envelope.Body body) {
    byte[] id = new byte[SUBMIT_ID_LENGTH];
    RANDOM.nextBytes(id);
    return new Envelope(meetingId, 0, id, body);
  }

  /** A handshake envelope of {@code kind} (PROPOSAL, COMMIT). */
  static Envelope handshake(byte[] meetingId, int kind, long epoch, MlsMessage message) {
    return start(meetingId, new Handshake(kind, epoch, message.toBytes(), new byte[0]));
  }

  /** A COMMIT envelope with the committer's GroupInfo of the epoch the commit starts. */
  static Envelope commit(byte[] meetingId, long epoch, MlsMessage commit, MlsMessage groupInfo) {
    return start(meetingId,
        new Handshake(Handshake.COMMIT, epoch, commit.toBytes(), groupInfo.toBytes()));
  }

  static Envelope media(byte[] meetingId, MediaKind kind, byte[] sframe) {
    int wire = kind == MediaKind.AUDIO ? MediaFrame.AUDIO : MediaFrame.VIDEO;
    return start(meetingId, new MediaFrame(wire, sframe));
  }

  /** A signature frame of sender authentication (spec §2.7), SFrame-protected. */
  static Envelope signature(byte[] meetingId, byte[] sframe) {
    return start(meetingId, new MediaFrame(MediaFrame.SIGNATURE, sframe));
  }

  /**
   * A Welcome for {@code recipients}, signed by its admitter (spec §3.3), naming the sequence
   * number of the commit that opens its epoch.
   */
  static Envelope welcome(byte[] meetingId, long epoch, List<String> recipients, byte[] welcome,
      byte[] admitterSignature, long commitSequence) {
    return start(meetingId,
        new WelcomeMessage(epoch, recipients, welcome, admitterSignature, commitSequence));
  }

  /** An end message (an MLS application message) of {@code epoch}. */
  static Envelope ended(byte[] meetingId, long epoch, MlsMessage message) {
    return start(meetingId, new MeetingEnded(epoch, message.toBytes()));
  }

  /** The envelope's wire encoding as the delivery service takes it. */
  static byte[] bytes(Envelope envelope) {
    return envelope.toBytes();
  }

  /**
   * The MLSMessage inside {@code bytes}.
   *
   * @throws DecodeException if it is not one
   */
  static MlsMessage mls(byte[] bytes) throws DecodeException {
    return MlsMessage.fromBytes(bytes);
  }
}
