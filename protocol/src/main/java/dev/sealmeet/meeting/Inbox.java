package dev.sealmeet.meeting;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.MeetingEnded;
import dev.sealmeet.mls.group.ApplicationMessage;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.ProcessedMessage;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A member's receiving side: reads the delivery service's log, passes each envelope through the
 * {@link EnvelopeGate} to the MLS group, checks commits with {@link RolePolicy} before merging,
 * decrypts media, and notes a {@link Stall}. The state is the {@link Meeting}'s; this class holds
 * the procedures.
 */
final class Inbox {
  private final Meeting m;

  Inbox(Meeting meeting) {
    this.m = meeting;
  }

  List<ReceivedFrame> poll() {
    List<ReceivedFrame> frames = new ArrayList<>();
    if (m.status == Meeting.Status.ENDED) {
      return frames;
    }
    m.media.expire();
    for (Envelope envelope : m.ds.fetch(m.group.groupId(), m.nextSequence)) {
      m.nextSequence = envelope.getSequence() + 1;
      long epoch = m.group.epoch();
      try {
        process(envelope).ifPresent(frames::add);
      } catch (SealmeetException e) {
        m.rejectedCount++;
        if (m.rejected.size() == Meeting.MAX_REJECTED) {
          m.rejected.remove(0);
        }
        m.rejected.add(e);
        noteStall(envelope, epoch, e);
      }
      if (m.status == Meeting.Status.ENDED) {
        break;
      }
    }
    if (m.status != Meeting.Status.ENDED) {
      frames.addAll(m.media.drainReleased()); // held for an epoch this poll installed
    }
    return frames;
  }

  Optional<ReceivedFrame> process(Envelope envelope) throws SealmeetException {
    if (m.status == Meeting.Status.ENDED) {
      throw new MeetingRuleException(MeetingRule.NOT_IN_MEETING, "the meeting has ended");
    }
    if (!Arrays.equals(envelope.getMeetingId().toByteArray(), m.group.groupId())) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "another meeting's envelope");
    }
    switch (envelope.getBodyCase()) {
      case MEDIA -> {
        // A frame of the next epoch is held (empty) and comes out of drainReleased in poll.
        return m.media.receive(null, envelope.getMedia().getSframe().toByteArray())
            .filter(frame -> frame.senderLeaf() != ownLeafIn(frame.epoch()));
      }
      case HANDSHAKE -> {
        processHandshake(envelope.getHandshake());
        return Optional.empty();
      }
      case ENDED -> {
        processEnd(envelope.getEnded());
        return Optional.empty();
      }
      case WELCOME -> {
        return Optional.empty();
      }
      default -> throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
          "envelope without body");
    }
  }

  /** A commit in the log for the epoch this member was at is the epoch's only commit. */
  private void noteStall(Envelope envelope, long epoch, SealmeetException reason) {
    if (m.stall != null || m.status != Meeting.Status.ACTIVE || !envelope.hasHandshake()
        || envelope.getHandshake().getKind() != Handshake.Kind.COMMIT
        || envelope.getHandshake().getEpoch() != epoch) {
      return;
    }
    long committer = -1;
    try {
      if (Envelopes.mls(envelope.getHandshake().getMlsMessage()).body()
          instanceof dev.sealmeet.mls.message.PublicMessage message
          && message.content().sender().senderType() == SenderType.MEMBER) {
        committer = message.content().sender().index();
      }
    } catch (SealmeetException undecodable) {
      // The commit names no sender this member could read; -1.
    }
    m.stall = new Stall(epoch, committer, reason);
  }

  private long ownLeafIn(long epoch) {
    return epoch == m.group.epoch() || m.status == Meeting.Status.ACTIVE
        ? m.group.ownLeafIndex() : -1;
  }

  private void processHandshake(Handshake handshake) throws SealmeetException {
    if (m.status != Meeting.Status.ACTIVE || handshake.getEpoch() < m.group.epoch()) {
      return;
    }
    MlsMessage message = EnvelopeGate.handshake(handshake, m.group.groupId());
    var content = ((dev.sealmeet.mls.message.PublicMessage) message.body()).content();
    if (content.contentType() == dev.sealmeet.mls.message.ContentType.PROPOSAL) {
      if (content.sender().equals(Sender.member(m.group.ownLeafIndex()))
          && content.epoch() == m.group.epoch()) {
        return;
      }
      EnvelopeGate.admitProposal(message, m.roles, m.group.members());
    }
    ProcessedMessage processed = m.group.process(message);
    if (processed instanceof ReceivedProposal proposal) {
      m.received.add(proposal);
    } else if (processed instanceof StagedCommit staged) {
      Map<Long, Credential> before = m.group.members();
      try {
        RolePolicy.check(m.roles, before, staged, m.group.context().extensions());
      } catch (SealmeetException e) {
        staged.discard();
        throw e;
      }
      m.group.merge(staged);
      afterMerge(before, staged.proposals(), staged.committer().index());
    }
  }

  private void processEnd(MeetingEnded ended) throws SealmeetException {
    if (m.status != Meeting.Status.ACTIVE) {
      return;
    }
    ProcessedMessage processed = m.group.process(EnvelopeGate.ended(ended, m.group.groupId()));
    if (!(processed instanceof ApplicationMessage app) || !EndMessage.is(app.data())) {
      if (processed instanceof StagedCommit staged) {
        staged.discard();
      }
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "not an end message");
    }
    Credential sender = m.group.members().get(app.senderLeaf());
    if (sender == null || !m.roles.roleOf(sender).mayEnd()) {
      throw new MeetingRuleException(MeetingRule.END_WITHOUT_RIGHT,
          "end sent by leaf " + app.senderLeaf());
    }
    m.successor = EndMessage.successor(app.data()).orElse(null);
    m.successorAdmitterKey =
        m.group.ratchetTree().leaf(app.senderLeaf()).orElseThrow().signatureKey();
    m.close();
  }

  /**
   * After a merge, own or received: the roles are read from the new group context (the one source
   * of truth every member and joiner shares), the roster records the change, and the new epoch's
   * media keys are installed: sending switches at once if the merge removed anyone, after the send
   * delay otherwise, and the departed members' keys of earlier epochs are revoked
   * ({@link MediaTransitions}).
   */
  void afterMerge(Map<Long, Credential> before, List<ReceivedProposal> proposals,
      long committer) throws DecodeException {
    m.received.clear();
    if (m.group.status() == MlsGroup.Status.REMOVED) {
      m.status = Meeting.Status.GONE;
      m.media.stopSending();
      return;
    }
    m.roles = Roles.in(m.group.context().extensions()).orElseThrow(
        () -> new DecodeException("the new epoch has no roles extension"));
    Map<Long, Credential> after = m.group.members();
    Set<Long> departed = new HashSet<>();
    before.forEach((leaf, credential) -> {
      if (!credential.equals(after.get(leaf))) {
        departed.add(leaf);
      }
    });
    installEpoch(departed);
    m.roster.merged(m.group.epoch(), before, after, proposals, committer, m::identityOf);
  }

  /** Installs the current epoch's media keys; {@code departed}: the leaves its merge removed. */
  void installEpoch(Set<Long> departed) {
    Secret baseKey = Secret.wrap(
        m.group.export(MediaProtector.EXPORTER_LABEL, new byte[0], m.media.baseKeyLength()));
    KeyAudit audit = m.client.options().audit();
    if (audit != KeyAudit.none()) {
      audit.installed(m.client.account(), m.group.epoch(), baseKey.copyBytes());
    }
    m.media.install(m.group.epoch(), baseKey, m.group.members().keySet(),
        OptionalLong.of(m.group.ownLeafIndex()), departed);
    m.roster.code(m.group.epoch(), SecurityCode.of(m.group.epochAuthenticator()));
  }

  /** Epoch and status only. */
  @Override
  public String toString() {
    return "Inbox[" + m + "]";
  }
}
