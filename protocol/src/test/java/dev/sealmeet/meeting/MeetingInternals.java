package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test-only access to a meeting's internals for the attack tests: a malicious insider reaches
 * under the {@link Meeting} API to its own MLS group and crafts envelopes by hand, and a test
 * reads the delivery service's log as parsed envelopes.
 */
public final class MeetingInternals {
  private MeetingInternals() {}

  /** The MLS group behind {@code meeting} (the insider's own state). */
  public static MlsGroup group(Meeting meeting) {
    return meeting.group();
  }

  /**
   * The COMMIT envelope of {@code member}'s pending commit {@code commit}, with the GroupInfo of
   * the epoch it starts, as a (modified) member's client submits it.
   */
  public static Envelope commit(Meeting member, MlsMessage commit) {
    return ProtoEnvelopes.commit(member.id(), member.epoch(), commit,
        member.group().pendingGroupInfo(true));
  }

  /** A handshake envelope of {@code kind} for {@code epoch}, as a client would submit it. */
  public static Envelope handshake(byte[] meetingId, Handshake.Kind kind, long epoch,
      MlsMessage message) {
    return ProtoEnvelopes.handshake(meetingId, kind, epoch, message);
  }

  /** Every member reads the log. */
  public static void pollAll(java.util.Collection<Meeting> members) throws TransportException, StorageException {
    for (Meeting member : members) {
      member.poll();
    }
  }

  /** Submits a hand-made envelope. */
  public static SubmitResult submit(DeliveryService ds, Envelope envelope)
      throws TransportException {
    return ds.submit(envelope.toByteArray());
  }

  /** The delivery service's log, parsed. */
  public static List<Envelope> recorded(InMemoryDeliveryService ds, byte[] meetingId) {
    return parseAll(ds.recorded(meetingId));
  }

  /** The log from {@code fromSequence}, parsed. */
  public static List<Envelope> fetch(DeliveryService ds, byte[] meetingId, long fromSequence)
      throws TransportException {
    return parseAll(ds.fetch(meetingId, fromSequence));
  }

  /** Parses envelopes the delivery service ordered. */
  public static List<Envelope> parseAll(List<SequencedEnvelope> entries) {
    List<Envelope> out = new ArrayList<>();
    for (SequencedEnvelope entry : entries) {
      try {
        out.add(ProtoEnvelopes.parse(entry.bytes()));
      } catch (DecodeException e) {
        throw new AssertionError("the delivery service stored a broken envelope", e);
      }
    }
    return out;
  }

  /**
   * Processes one envelope wherever it stands in the log (no sequence bookkeeping): what a member
   * does with each envelope it reads.
   */
  public static Optional<ReceivedFrame> process(Meeting meeting, Envelope envelope)
      throws SealmeetException {
    return meeting.inbox.process(ProtoEnvelopes.fromProto(envelope));
  }
}
