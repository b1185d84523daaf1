package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where roles are enforced on a commit, before any member merges it. Every member
 * runs it on every commit it receives, so an Add, Remove or roles change by someone without the
 * right is rejected by everyone; a member's own commits are built to pass it ({@link #mayCommit}
 * and the role checks in {@code Meeting}), since a commit that fails here forks its committer off.
 *
 * <ul>
 *   <li>{@link MeetingRule#EXTERNAL_JOIN}: the committer must be a member;
 *   <li>{@link MeetingRule#ADD_WITHOUT_RIGHT}: any Add needs a committer who may admit;
 *   <li>{@link MeetingRule#REMOVE_WITHOUT_RIGHT}: removing another member needs a committer who may
 *       remove, or a Remove proposed in this epoch by the removed member itself (leaving), by the
 *       delivery service as external sender (a dropped client), or by a member who may remove;
 *   <li>{@link MeetingRule#ROLES_CHANGE_WITHOUT_RIGHT}: any GroupContextExtensions proposal (roles,
 *       external senders) needs a proposer and committer who may assign roles;
 *   <li>{@link MeetingRule#NO_HOST_LEFT}: the new roles must keep a host.
 * </ul>
 *
 * <p>Commits travel as PublicMessage (the meeting's group config), so the proposals they carry by
 * value can be read here; those by reference are the ones this member received in the epoch.
 */
final class RolePolicy {
  private RolePolicy() {}

  /**
   * Checks {@code staged} against the roles of its base epoch.
   *
   * @param roles the roles of the epoch the commit was made in
   * @param members that epoch's members
   * @param commit the commit as received (a PublicMessage)
   * @param received the proposals received in that epoch
   * @return the roles of the new epoch
   * @throws MeetingRuleException naming the rule broken
   * @throws DecodeException if a roles extension in the commit is malformed
   */
  static Roles check(Roles roles, Map<Long, Credential> members, StagedCommit staged,
      MlsMessage commit, List<ReceivedProposal> received)
      throws MeetingRuleException, DecodeException {
    Sender committer = staged.committer();
    if (committer.senderType() != SenderType.MEMBER || !members.containsKey(committer.index())) {
      throw new MeetingRuleException(MeetingRule.EXTERNAL_JOIN,
          "committer is " + committer.senderType() + ", meetings admit through the lobby only");
    }
    Role committerRole = roles.roleOf(members.get(committer.index()));
    if (!staged.added().isEmpty() && !committerRole.mayAdmit()) {
      throw new MeetingRuleException(MeetingRule.ADD_WITHOUT_RIGHT, "leaf " + committer.index()
          + " is " + committerRole + " and added " + staged.added().size() + " members");
    }
    for (long removed : staged.removed().keySet()) {
      if (!committerRole.mayRemove()
          && !legitimatelyProposed(removed, roles, members, received)) {
        throw new MeetingRuleException(MeetingRule.REMOVE_WITHOUT_RIGHT, "leaf "
            + committer.index() + " is " + committerRole + " and removed leaf " + removed
            + " with no Remove proposed by it, the delivery service or a moderator");
      }
    }
    List<ProposedExtensions> changes = extensionChanges(commit, committer, received);
    Roles next = roles;
    for (ProposedExtensions change : changes) {
      Role proposerRole = change.proposer.senderType() == SenderType.MEMBER
          && members.containsKey(change.proposer.index())
          ? roles.roleOf(members.get(change.proposer.index())) : null;
      if (!committerRole.mayAssignRoles() || proposerRole == null
          || !proposerRole.mayAssignRoles()) {
        throw new MeetingRuleException(MeetingRule.ROLES_CHANGE_WITHOUT_RIGHT,
            "group context extensions changed by leaf " + committer.index() + " (" + committerRole
            + "), proposed by " + change.proposer);
      }
      next = Roles.in(change.extensions).orElse(null);
      if (next == null || !next.hasHost()) {
        throw new MeetingRuleException(MeetingRule.NO_HOST_LEFT,
            "the new group context extensions leave the meeting without a host");
      }
    }
    return next;
  }

  /**
   * Whether a member of role {@code committerRole} may cover the stored proposal {@code stored}
   * in its own commit, so that the others accept the commit: never an Add (admission is an
   * explicit {@code admit} of a lobby guest, by value; an Add proposed by the delivery service
   * or anyone else is not committed), a Remove as {@link #check} allows it, a GroupContext
   * extensions change only between members who may assign roles; Updates and PSKs always.
   */
  static boolean mayCommit(Role committerRole, Roles roles, Map<Long, Credential> members,
      ReceivedProposal stored) {
    Proposal proposal = stored.proposal();
    if (proposal instanceof AddProposal) {
      return false;
    }
    if (proposal instanceof RemoveProposal remove) {
      return committerRole.mayRemove()
          || legitimatelyProposed(remove.removed(), roles, members, List.of(stored));
    }
    if (proposal instanceof GroupContextExtensionsProposal) {
      Sender proposer = stored.sender();
      return committerRole.mayAssignRoles() && proposer.senderType() == SenderType.MEMBER
          && members.containsKey(proposer.index())
          && roles.roleOf(members.get(proposer.index())).mayAssignRoles();
    }
    return true;
  }

  private static boolean legitimatelyProposed(long removed, Roles roles,
      Map<Long, Credential> members, List<ReceivedProposal> received) {
    for (ReceivedProposal p : received) {
      if (!(p.proposal() instanceof RemoveProposal remove) || remove.removed() != removed) {
        continue;
      }
      Sender sender = p.sender();
      if (sender.senderType() == SenderType.EXTERNAL) {
        return true;
      }
      if (sender.senderType() == SenderType.MEMBER && (sender.index() == removed
          || members.containsKey(sender.index())
          && roles.roleOf(members.get(sender.index())).mayRemove())) {
        return true;
      }
    }
    return false;
  }

  private record ProposedExtensions(Sender proposer, List<Extension> extensions) {}

  private static List<ProposedExtensions> extensionChanges(MlsMessage commit, Sender committer,
      List<ReceivedProposal> received) throws MeetingRuleException {
    if (!(commit.body() instanceof PublicMessage message)
        || !(message.content().content() instanceof MessageContent.CommitContent content)) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
          "meeting commits travel as PublicMessage");
    }
    List<ProposedExtensions> out = new ArrayList<>();
    for (ProposalOrRef entry : content.commit().proposals()) {
      if (entry instanceof ProposalOrRef.ByValue byValue) {
        addIfExtensions(out, committer, byValue.proposal());
      } else {
        byte[] ref = ((ProposalOrRef.ByReference) entry).reference();
        Optional<ReceivedProposal> found = received.stream()
            .filter(p -> Arrays.equals(p.reference(), ref)).findFirst();
        if (found.isPresent()) {
          addIfExtensions(out, found.get().sender(), found.get().proposal());
        }
      }
    }
    return out;
  }

  private static void addIfExtensions(List<ProposedExtensions> out, Sender proposer,
      Proposal proposal) {
    if (proposal instanceof GroupContextExtensionsProposal gce) {
      out.add(new ProposedExtensions(proposer, gce.extensions()));
    }
  }
}
