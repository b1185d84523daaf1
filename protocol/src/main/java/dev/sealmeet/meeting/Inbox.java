package dev.sealmeet.meeting;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.wire.Envelope;
import dev.sealmeet.meeting.wire.Handshake;
import dev.sealmeet.meeting.wire.MediaFrame;
import dev.sealmeet.meeting.wire.MeetingEnded;
import dev.sealmeet.meeting.wire.WelcomeMessage;
import dev.sealmeet.mls.group.ApplicationMessage;
import dev.sealmeet.mls.group.GroupRule;
import dev.sealmeet.mls.group.GroupRuleException;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.ProcessedMessage;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderType;
import dev.sealmeet.sframe.SframeHeader;
import java.nio.ByteBuffer;
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
 * decrypts media and applies signature frames ({@link MediaCarriage}), and notes a {@link
 * Stall}. The state is the {@link Meeting}'s; this class holds the procedures.
 */
final class Inbox {
  private final Meeting m;

  Inbox(Meeting meeting) {
    this.m = meeting;
  }

  /**
   * Sends what the outbox owes, then reads the log from {@code nextSequence}: each envelope is
   * consumed in order, rejected ones are recorded. A result that does not start at {@code
   * nextSequence} is read up to its first gap.
   */
  List<ReceivedFrame> poll() throws TransportException, StorageException {
    List<ReceivedFrame> frames = new ArrayList<>();
    if (m.status == Meeting.Status.ENDED) {
      return frames;
    }
    m.commits.flushOutbox();
    m.media.expire();
    m.carriage.sendDue(); // signature frames whose timer ran out (spec §2.7)
    for (SequencedEnvelope entry : m.ds.fetch(m.group.groupId(), m.nextSequence)) {
      if (entry.sequence() < m.nextSequence) {
        continue;
      }
      if (entry.sequence() > m.nextSequence) {
        break;
      }
      m.nextSequence = entry.sequence() + 1;
      long epoch = m.group.epoch();
      Envelope envelope = null;
      try {
        envelope = Envelopes.parse(entry.bytes());
        process(envelope).ifPresent(frames::add);
      } catch (StorageException e) {
        throw storageFailed(e);
      } catch (SealmeetException e) {
        reject(entry.sequence(), envelope, epoch, e);
      }
      if (m.status == Meeting.Status.ENDED) {
        break;
      }
    }
    if (m.status != Meeting.Status.ENDED) {
      frames.addAll(m.media.drainReleased()); // held for an epoch this poll installed
      m.carriage.maintain();
      if (m.unsaved) {
        m.save();
      }
    }
    m.tell.knocks();
    return frames;
  }

  /**
   * One envelope pushed by the delivery service, with its sequence number inside: processed if it
   * is the next one, ignored if it was processed already, refused if envelopes before it are
   * missing. A rejected next envelope is consumed and recorded, as {@link #poll} does.
   */
  Optional<ReceivedFrame> receive(byte[] bytes) throws SealmeetException {
    if (m.status == Meeting.Status.ENDED) {
      throw new MeetingRuleException(MeetingRule.NOT_IN_MEETING, "the meeting has ended");
    }
    Envelope envelope = Envelopes.parse(bytes);
    if (!Arrays.equals(envelope.meetingId(), m.group.groupId())) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "another meeting's envelope");
    }
    long sequence = envelope.sequence();
    if (sequence == 0) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
          "an envelope without sequence number: not ordered by the delivery service");
    }
    if (Long.compareUnsigned(sequence, m.nextSequence) < 0) {
      return Optional.empty();
    }
    if (sequence != m.nextSequence) {
      throw new MeetingRuleException(MeetingRule.SEQUENCE_GAP, "envelope " + sequence
          + " while " + m.nextSequence + " is the next: read the log from there first");
    }
    m.nextSequence = sequence + 1;
    long epoch = m.group.epoch();
    m.carriage.sendDue();
    Optional<ReceivedFrame> frame;
    try {
      frame = process(envelope);
    } catch (StorageException e) {
      throw storageFailed(e);
    } catch (SealmeetException e) {
      reject(sequence, envelope, epoch, e);
      m.carriage.maintain();
      throw e;
    }
    m.carriage.maintain();
    if (m.unsaved && m.status != Meeting.Status.ENDED) {
      m.save(); // only a processed handshake leaves something unsaved
    }
    return frame;
  }

  /**
   * The envelope was processed (an own commit merged) but the store did not take the result: not
   * a rejection of the envelope, so nothing is recorded against it; the next save writes it.
   */
  private StorageException storageFailed(StorageException e) {
    m.unsaved = true;
    return e;
  }

  private void reject(long sequence, Envelope envelope, long epoch, SealmeetException e) {
    m.rejectedCount++;
    if (m.rejected.size() == Meeting.MAX_REJECTED) {
      m.rejected.remove(0);
    }
    m.rejected.add(e);
    if (envelope != null) {
      noteStall(envelope, epoch, e);
    }
    m.tell.rejected(sequence, epoch, e);
  }

  /** Processes one envelope, wherever it stands in the log (no sequence bookkeeping). */
  Optional<ReceivedFrame> process(Envelope envelope) throws SealmeetException {
    if (m.status == Meeting.Status.ENDED) {
      throw new MeetingRuleException(MeetingRule.NOT_IN_MEETING, "the meeting has ended");
    }
    if (!Arrays.equals(envelope.meetingId(), m.group.groupId())) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "another meeting's envelope");
    }
    Envelope.Body body = envelope.body();
    if (body instanceof MediaFrame media) {
      if (ownFrame(media.sframe())) {
        return Optional.empty();
      }
      if (media.kind() == MediaFrame.SIGNATURE) { // spec §2.7; its metadata differs from media's
        m.carriage.receiveSignature(media.sframe());
        return Optional.empty();
      }
      // A frame of the next epoch is held (empty) and comes out of drainReleased in poll.
      return m.carriage.receiveMedia(media.sframe())
          .filter(frame -> frame.senderLeaf() != ownLeafIn(frame.epoch()));
    }
    if (body instanceof Handshake handshake) {
      processHandshake(handshake);
      m.unsaved = true;
    } else if (body instanceof MeetingEnded ended) {
      processEnd(ended);
    } else if (!(body instanceof WelcomeMessage)) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "envelope without body");
    }
    return Optional.empty();
  }

  /** A commit in the log for the epoch this member was at is the epoch's only commit. */
  private void noteStall(Envelope envelope, long epoch, SealmeetException reason) {
    if (m.stall != null || m.status != Meeting.Status.ACTIVE
        || !(envelope.body() instanceof Handshake handshake)
        || handshake.kind() != Handshake.COMMIT || handshake.epoch() != epoch) {
      return;
    }
    long committer = -1;
    try {
      if (Envelopes.mls(handshake.mlsMessage()).body()
          instanceof dev.sealmeet.mls.message.PublicMessage message
          && message.content().sender().senderType() == SenderType.MEMBER) {
        committer = message.content().sender().index();
      }
    } catch (SealmeetException undecodable) {
      // The commit names no sender this member could read; -1.
    }
    m.stall = new Stall(epoch, committer, reason);
  }

  /**
   * Whether the log echoes this member's own frame (its KID names the member's leaf, which never
   * changes while it is a member): skipped undecrypted, since the sender may have moved on past
   * that epoch's grace before it reads its own frames back. A malformed frame is not skipped,
   * whatever KID it names: receiving rejects it.
   */
  private boolean ownFrame(byte[] sframe) throws DecodeException {
    if (m.status != Meeting.Status.ACTIVE) {
      return false;
    }
    SframeHeader header = SframeHeader.decode(ByteBuffer.wrap(sframe));
    return sframe.length >= header.encodedLength() + m.media.suite().tagLength()
        && m.media.layout().senderOf(header.kid()) == m.group.ownLeafIndex();
  }

  private long ownLeafIn(long epoch) {
    return epoch == m.group.epoch() || m.status == Meeting.Status.ACTIVE
        ? m.group.ownLeafIndex() : -1;
  }

  private void processHandshake(Handshake handshake) throws SealmeetException {
    if (m.status != Meeting.Status.ACTIVE || handshake.epoch() < m.group.epoch()) {
      return;
    }
    MlsMessage message = EnvelopeGate.handshake(handshake, m.group.groupId());
    var content = ((dev.sealmeet.mls.message.PublicMessage) message.body()).content();
    boolean own = content.sender().equals(Sender.member(m.group.ownLeafIndex()))
        && content.epoch() == m.group.epoch();
    if (content.contentType() == dev.sealmeet.mls.message.ContentType.PROPOSAL) {
      if (own) {
        m.commits.ownProposalOrdered(handshake.mlsMessage());
        return;
      }
      EnvelopeGate.admitProposal(message, m.roles, m.group.members());
    } else if (own) {
      // The own commit in flight whose answer was lost: the log ordered it, so it is merged. One
      // this member does not hold (an older copy of its state) started an epoch this copy can
      // never reach (RFC 9420 §12.4: a member does not process its own commit): a stall, so the
      // application learns it must rejoin, rather than an epoch that silently stops moving.
      if (!m.commits.inFlight(handshake.mlsMessage())) {
        throw new GroupRuleException(GroupRule.OWN_COMMIT, "an own commit of epoch "
            + content.epoch() + " this copy of the member's state does not hold");
      }
      m.commits.mergeInFlight(m.nextSequence - 1);
      tryFlush();
      return;
    }
    ProcessedMessage processed = m.group.process(message);
    if (processed instanceof ReceivedProposal proposal) {
      m.received.add(proposal);
      m.maintenance.proposalStored(m.tell.now());
    } else if (processed instanceof StagedCommit staged) {
      Map<Long, Credential> before = m.group.members();
      try {
        RolePolicy.check(m.roles, before, staged, m.group.context().extensions());
      } catch (SealmeetException e) {
        staged.discard();
        throw e;
      }
      m.group.merge(staged);
      m.commits.superseded();
      afterMerge(before, staged.proposals(), staged.committer().index());
    }
  }

  /** Sends the merged commit's Welcome now if the delivery service answers; else it waits. */
  private void tryFlush() throws StorageException {
    try {
      m.commits.flushOutbox();
    } catch (TransportException e) {
      // Kept in the outbox: the next poll or change sends it with the same submit id.
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
      m.tell.gone();
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
    m.tell.epoch(m.roster.merged(m.group.epoch(), before, after, proposals, committer,
        m.identities::of));
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
        m.sendBlocked ? OptionalLong.empty() : OptionalLong.of(m.group.ownLeafIndex()), departed);
    m.roster.code(m.group.epoch(), SecurityCode.of(m.group.epochAuthenticator()));
    m.carriage.epochInstalled(); // before any frame of the epoch is processed ([SM-AUTH-10])
  }

  /** Epoch and status only. */
  @Override
  public String toString() {
    return "Inbox[" + m + "]";
  }
}
