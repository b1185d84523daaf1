package dev.sealmeet.meeting;

import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.message.MlsMessage;

/**
 * Test-only access to a meeting's internals for the attack tests: a malicious insider reaches
 * under the {@link Meeting} API to its own MLS group and crafts envelopes by hand.
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
    return Envelopes.commit(member.id(), member.epoch(), commit,
        member.group().pendingGroupInfo(true));
  }

  /** A handshake envelope of {@code kind} for {@code epoch}, as a client would submit it. */
  public static Envelope handshake(byte[] meetingId, Handshake.Kind kind, long epoch,
      MlsMessage message) {
    return Envelopes.handshake(meetingId, kind, epoch, message);
  }
}
