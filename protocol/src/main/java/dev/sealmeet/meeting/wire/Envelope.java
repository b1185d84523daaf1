package dev.sealmeet.meeting.wire;

import dev.sealmeet.error.DecodeException;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code Envelope} of {@code meeting.proto}: one message from or to the delivery service.
 *
 * <p>Decoding follows proto3 as protobuf-java implements it: fields in any order, the last value
 * of a scalar wins, unknown fields are skipped. The {@code body} oneof holds its last member; a
 * member that appears several times in a row is merged (its encodings read as one), and a
 * different member replaces it, so that a member coming back after another starts afresh
 * (protobuf-java 4.36 merges it with its own earlier value there; see the package comment).
 *
 * @param meetingId the meeting (the MLS group id; copied in and out)
 * @param sequence the position in the meeting's log, set by the delivery service (0 when submitted)
 * @param submitId the submitting client's id of this submission (copied in and out; may be empty)
 * @param body the oneof {@code body}: a {@link Handshake}, {@link WelcomeMessage}, {@link
 *     MediaFrame} or {@link MeetingEnded}; null if no member is set
 */
public record Envelope(byte[] meetingId, long sequence, byte[] submitId, Body body)
    implements ProtoMessage {
  static final byte[] EMPTY = new byte[0];

  private static final int MEETING_ID = 1;
  private static final int SEQUENCE = 2;
  private static final int SUBMIT_ID = 3;
  /** The members of the oneof {@code body}, by field number. */
  static final int HANDSHAKE = 10;
  static final int WELCOME = 11;
  static final int MEDIA = 12;
  static final int ENDED = 13;

  /** A member of the oneof {@code body}. */
  public interface Body extends ProtoMessage {}

  /** Copies the byte strings. */
  public Envelope {
    meetingId = copy(meetingId);
    submitId = copy(submitId);
  }

  /** A copy of {@code bytes}; the shared empty array for an empty one. */
  static byte[] copy(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : bytes.clone();
  }

  /**
   * Decodes an envelope.
   *
   * @throws DecodeException if the bytes are not a proto3 encoding of {@code Envelope}: the
   *     message, or any member of its body (a replaced one too), is malformed
   */
  public static Envelope decode(byte[] bytes) throws DecodeException {
    ProtoReader in = ProtoReader.of(bytes);
    ProtoFields fields = new ProtoFields(ProtoFields.BYTES, ProtoFields.VARINT, ProtoFields.BYTES);
    ProtoFields[] members = new ProtoFields[ENDED - HANDSHAKE + 1];
    int member = 0; // the field number of the body member set last, 0 if none
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = tag >>> 3;
      if (fields.read(in, tag)) {
        continue;
      }
      if ((tag & 7) != ProtoReader.LENGTH_DELIMITED || field < HANDSHAKE || field > ENDED) {
        in.skipField(tag);
        continue;
      }
      ProtoFields body = members[field - HANDSHAKE];
      if (body == null) {
        body = members[field - HANDSHAKE] = memberFields(field);
      } else if (field != member) {
        body.clear(); // another member was set since: this one starts afresh
      }
      member = field;
      int outer = in.enterMessage();
      body.readAll(in);
      in.exitMessage(outer);
    }
    Body body = member == 0 ? null : body(member, members[member - HANDSHAKE]);
    return new Envelope(fields.bytes(MEETING_ID), fields.varint(SEQUENCE),
        fields.bytes(SUBMIT_ID), body);
  }

  private static ProtoFields memberFields(int field) {
    return switch (field) {
      case HANDSHAKE -> Handshake.fields();
      case WELCOME -> WelcomeMessage.fields();
      case MEDIA -> MediaFrame.fields();
      default -> MeetingEnded.fields();
    };
  }

  private static Body body(int field, ProtoFields f) {
    return switch (field) {
      case HANDSHAKE -> Handshake.of(f);
      case WELCOME -> WelcomeMessage.of(f);
      case MEDIA -> MediaFrame.of(f);
      default -> MeetingEnded.of(f);
    };
  }

  /** The field number of {@code body}'s member of the oneof. */
  static int fieldOf(Body body) {
    if (body instanceof Handshake) {
      return HANDSHAKE;
    }
    if (body instanceof WelcomeMessage) {
      return WELCOME;
    }
    return body instanceof MediaFrame ? MEDIA : ENDED;
  }

  /** This envelope at {@code position} of the log. */
  public Envelope withSequence(long position) {
    return new Envelope(meetingId, position, submitId, body);
  }

  /** A copy of the meeting id. */
  @Override
  public byte[] meetingId() {
    return meetingId.clone();
  }

  /** A copy of the submit id. */
  @Override
  public byte[] submitId() {
    return submitId.clone();
  }

  @Override
  public void writeTo(ProtoWriter out) {
    out.bytesField(MEETING_ID, meetingId);
    out.varintField(SEQUENCE, sequence);
    out.bytesField(SUBMIT_ID, submitId);
    if (body != null) {
      out.messageField(fieldOf(body), body);
    }
  }

  /** Equal fields, byte strings by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope e && sequence == e.sequence
        && Arrays.equals(meetingId, e.meetingId) && Arrays.equals(submitId, e.submitId)
        && Objects.equals(body, e.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(meetingId), sequence, Arrays.hashCode(submitId), body);
  }

  /** Sequence, lengths and the body's summary only. */
  @Override
  public String toString() {
    return "Envelope[meetingId=" + meetingId.length + " bytes, sequence=" + sequence
        + ", submitId=" + submitId.length + " bytes, body=" + body + "]";
  }
}
