package dev.sealmeet.meeting;

import com.google.protobuf.ByteString;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.KeyPackageUpload;
import dev.sealmeet.meeting.proto.MeetingEnded;
import dev.sealmeet.meeting.proto.SubmitResult;
import dev.sealmeet.meeting.proto.WelcomeMessage;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A member's own changes to its meeting: commits built to pass every other member's {@link
 * RolePolicy}, submitted to the delivery service and merged once accepted (retried on a newer
 * epoch when another commit wins), its leave proposal, and the end message. The state is the
 * {@link Meeting}'s; this class holds the procedures.
 */
final class Commits {
  private final Meeting m;

  Commits(Meeting meeting) {
    this.m = meeting;
  }

  void admitAll(List<String> accounts) throws SealmeetException {
    m.requireRole(Role::mayAdmit, MeetingRule.ADD_WITHOUT_RIGHT, "admit");
    CommitRequest request = CommitRequest.empty();
    List<Credential> admitted = new ArrayList<>();
    for (String account : accounts) {
      KeyPackageUpload upload = m.ds.claimKeyPackage(account).orElseThrow(
          () -> new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
              "no KeyPackage in the directory for an account"));
      MlsMessage message = Envelopes.mls(upload.getMlsMessage());
      if (!(message.body() instanceof KeyPackage keyPackage)) {
        throw new DecodeException("the directory entry is not a KeyPackage");
      }
      request = request.add(keyPackage);
      admitted.add(keyPackage.leafNode().credential());
    }
    CommitRequest adds = request;
    CommitResult result = commitWithRetry(() -> new Change(adds, admitted, m.roles));
    byte[] welcome = result.welcome().orElseThrow().toBytes();
    byte[] signature = m.client.identity().signWithLabel(m.client.suite(), Invitation.WELCOME_LABEL,
        Invitation.welcomeToBeSigned(m.group.groupId(), welcome));
    m.ds.submit(Envelope.newBuilder().setMeetingId(ByteString.copyFrom(m.group.groupId()))
        .setWelcome(WelcomeMessage.newBuilder().setEpoch(m.group.epoch()).addAllRecipients(accounts)
            .setMlsMessage(ByteString.copyFrom(welcome))
            .setAdmitterSignature(ByteString.copyFrom(signature)))
        .build());
  }

  void assignRole(long leaf, Role role) throws SealmeetException {
    commitWithRetry(() -> {
      m.requireRole(Role::mayAssignRoles, MeetingRule.ROLES_CHANGE_WITHOUT_RIGHT, "assign roles");
      Map<Long, Credential> members = m.group.members();
      Credential member = members.get(leaf);
      if (member == null) {
        throw new MeetingRuleException(MeetingRule.NOT_IN_MEETING,
            "leaf " + leaf + " is not a member");
      }
      Roles next = m.roles.with(member, role);
      if (!hostPresent(next, -1)) {
        throw new MeetingRuleException(MeetingRule.NO_HOST_LEFT,
            "no member would be a host after leaf " + leaf + " becomes " + role);
      }
      return new Change(CommitRequest.empty(), List.of(), next);
    });
  }

  void leave() throws SealmeetException {
    m.requireActive();
    m.requireNotStalled();
    long own = m.group.ownLeafIndex();
    if (m.roles.roleOf(m.group.members().get(own)) == Role.HOST && !hostPresent(m.roles, own)) {
      throw new MeetingRuleException(MeetingRule.NO_HOST_LEFT,
          "the only host present may not leave: assign another host first, or end the meeting");
    }
    for (int attempt = 0; attempt < m.client.options().maxAttempts(); attempt++) {
      MlsMessage proposal = m.group.proposeRemove(m.group.ownLeafIndex());
      SubmitResult result = m.ds.submit(Envelopes.handshake(m.group.groupId(),
          Handshake.Kind.PROPOSAL, m.group.epoch(), proposal));
      if (result.getStatus() == SubmitResult.Status.REFUSED) {
        throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
            "the delivery service refused the leave: " + result.getReason());
      }
      if (result.getStatus() == SubmitResult.Status.ACCEPTED) {
        m.received.add(new ReceivedProposal(m.group.epoch(), Sender.member(m.group.ownLeafIndex()),
            new RemoveProposal(m.group.ownLeafIndex()), new byte[0]));
        return;
      }
      m.poll();
    }
    throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "leave lost "
        + m.client.options().maxAttempts() + " races for an epoch");
  }

  /**
   * Commits the proposals pending in this epoch first (RFC 9420 §12.4: a commit before application
   * data), then sends the end; erases every key whatever happens. Only while stalled with proposals
   * pending can no end be sent (spec §8).
   */
  void sendEnd(byte[] successorId) throws SealmeetException {
    try {
      m.poll();
      if (m.status == Meeting.Status.ACTIVE && m.group.pendingProposalCount() > 0
          && m.stall == null) {
        commitWithRetry(CommitRequest.empty());
      }
      if (m.status == Meeting.Status.ACTIVE && m.group.pendingProposalCount() == 0
          && m.group.status() == MlsGroup.Status.ACTIVE) {
        MlsMessage message = m.group.protect(EndMessage.encode(successorId), new byte[0]);
        m.ds.submit(Envelope.newBuilder().setMeetingId(ByteString.copyFrom(m.group.groupId()))
            .setEnded(MeetingEnded.newBuilder().setEpoch(m.group.epoch())
                .setMlsMessage(ByteString.copyFrom(message.toBytes())))
            .build());
      }
    } finally {
      if (successorId.length > 0) {
        m.successor = successorId.clone();
        m.successorAdmitterKey = m.client.identity().signaturePublicKey();
      }
      m.close();
    }
  }

  /** Builds a commit request against the current epoch (roles and members may have changed). */
  private interface RequestBuilder {
    Change build() throws SealmeetException;
  }

  /**
   * A change against the current epoch: its proposals by value except roles, the credentials it
   * admits, and the roles it wants (the current ones if it changes none).
   */
  private record Change(CommitRequest request, List<Credential> admitted, Roles roles) {}

  CommitResult commitWithRetry(CommitRequest request) throws SealmeetException {
    return commitWithRetry(() -> new Change(request, List.of(), m.roles));
  }

  /**
   * Commits the change with the stored proposals this member may commit. A former member's roles
   * entry naming a credential it admits is dropped in the same commit (a host's right), so no role
   * passes to the re-admitted member.
   */
  CommitResult commitWithRetry(RequestBuilder builder) throws SealmeetException {
    long started = m.tell.now();
    for (int attempt = 0; attempt < m.client.options().maxAttempts(); attempt++) {
      m.poll();
      m.requireActive();
      m.requireNotStalled();
      Change change = builder.build();
      long base = m.group.epoch();
      long own = m.group.ownLeafIndex();
      Map<Long, Credential> members = m.group.members();
      Role mine = m.roles.roleOf(members.get(own));
      Roles target = change.roles();
      for (Credential admitted : change.admitted()) {
        target = target.with(admitted, Role.PARTICIPANT);
      }
      if (!target.equals(change.roles()) && !mine.mayAssignRoles()) {
        throw new MeetingRuleException(MeetingRule.ROLE_OUTLIVES_MEMBER, "a " + mine
            + " may not admit a former member whose role is still listed; a host drops it first");
      }
      CommitRequest request = change.request().includeStored(RolePolicy::mayCommit);
      if (!target.equals(m.roles)) {
        request = request.groupContextExtensions(target.replaceIn(m.group.context().extensions()));
      }
      CommitResult result = m.group.commit(request);
      SubmitResult submitted = m.ds.submit(Envelopes.commit(m.group.groupId(), base,
          result.commit(), m.group.pendingGroupInfo(true)));
      if (submitted.getStatus() == SubmitResult.Status.REFUSED) {
        m.group.discardPendingCommit();
        throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
            "the delivery service refused the commit: " + submitted.getReason());
      }
      if (submitted.getStatus() == SubmitResult.Status.ACCEPTED) {
        List<ReceivedProposal> proposals = List.copyOf(m.received);
        m.group.mergePendingCommit();
        m.inbox.afterMerge(members, proposals, own);
        m.tell.committed(started);
        return result;
      }
      m.group.discardPendingCommit();
      m.tell.commitRetried(base);
    }
    throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "the change lost "
        + m.client.options().maxAttempts() + " races for an epoch");
  }

  /** Whether a member other than the one at {@code exceptLeaf} is a host under {@code r}. */
  boolean hostPresent(Roles r, long exceptLeaf) {
    return m.group.members().entrySet().stream()
        .anyMatch(e -> e.getKey() != exceptLeaf && r.roleOf(e.getValue()) == Role.HOST);
  }

  /** Role counts only. */
  @Override
  public String toString() {
    return "Commits[" + m + "]";
  }
}
