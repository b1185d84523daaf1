package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.wire.Envelope;
import dev.sealmeet.meeting.wire.Handshake;
import dev.sealmeet.meeting.wire.MediaFrame;
import dev.sealmeet.meeting.wire.MeetingEnded;
import dev.sealmeet.meeting.wire.WelcomeMessage;
import java.util.List;

/**
 * What a delivery service reads of a control envelope to route it, from the envelope's bytes
 * (spec §6: the fields outside the MLS and SFrame byte strings): its meeting, what it carries, the
 * epoch and a Welcome's recipients. Read-only, and needs no Protobuf runtime: a vendor's server
 * may as well read the same fields with its own code generated from {@code
 * sealmeet/meeting/v1/meeting.proto}, which is the wire schema. Decoding follows proto3 (unknown
 * fields are skipped).
 */
public final class EnvelopeRouting {
  /** What an envelope carries (the {@code body} of {@code Envelope}). */
  public enum Kind {
    /** A handshake of kind {@code PROPOSAL}. */
    PROPOSAL,
    /** A handshake of kind {@code COMMIT}, with the committer's GroupInfo. */
    COMMIT,
    /** A Welcome for the accounts in {@link #recipients()}. */
    WELCOME,
    /** An SFrame media frame, or a signature frame of sender authentication (spec §2.7). */
    MEDIA,
    /** A host's end of the meeting. */
    ENDED,
    /** No body, or a handshake of another kind: members reject it ({@code UNEXPECTED_ENVELOPE}). */
    OTHER
  }

  private final byte[] meetingId;
  private final Kind kind;
  private final long epoch;
  private final List<String> recipients;

  private EnvelopeRouting(byte[] meetingId, Kind kind, long epoch, List<String> recipients) {
    this.meetingId = meetingId;
    this.kind = kind;
    this.epoch = epoch;
    this.recipients = recipients;
  }

  /**
   * Reads the routing fields of an encoded envelope.
   *
   * @throws DecodeException if the bytes are not a proto3 encoding of {@code Envelope}
   */
  public static EnvelopeRouting of(byte[] envelope) throws DecodeException {
    Envelope e = Envelope.decode(envelope);
    Envelope.Body body = e.body();
    if (body instanceof Handshake h) {
      Kind kind = h.kind() == Handshake.PROPOSAL ? Kind.PROPOSAL
          : h.kind() == Handshake.COMMIT ? Kind.COMMIT : Kind.OTHER;
      return new EnvelopeRouting(e.meetingId(), kind, h.epoch(), List.of());
    }
    if (body instanceof WelcomeMessage w) {
      return new EnvelopeRouting(e.meetingId(), Kind.WELCOME, w.epoch(), w.recipients());
    }
    if (body instanceof MeetingEnded end) {
      return new EnvelopeRouting(e.meetingId(), Kind.ENDED, end.epoch(), List.of());
    }
    Kind kind = body instanceof MediaFrame ? Kind.MEDIA : Kind.OTHER;
    return new EnvelopeRouting(e.meetingId(), kind, 0, List.of());
  }

  /** A copy of the meeting id (the MLS group id). */
  public byte[] meetingId() {
    return meetingId.clone();
  }

  /** What the envelope carries. */
  public Kind kind() {
    return kind;
  }

  /**
   * The epoch a handshake was sent in (a commit starts the next), a Welcome opens, or an end was
   * sent in; 0 for a media frame or no body.
   */
  public long epoch() {
    return epoch;
  }

  /** A Welcome's recipients (account names), in wire order; empty for any other kind. */
  public List<String> recipients() {
    return recipients;
  }

  /** Kind, epoch and counts only: no account name. */
  @Override
  public String toString() {
    return "EnvelopeRouting[" + kind + ", epoch " + epoch + ", meeting id " + meetingId.length
        + " bytes, " + recipients.size() + " recipients]";
  }
}
