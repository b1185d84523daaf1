package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderType;
import java.util.List;
import java.util.Map;

/**
 * The one place where roles are enforced on a commit, before any member merges it. Every member
 * runs it on every commit it receives, on the proposals the {@link StagedCommit} will apply with
 * their senders ({@link StagedCommit#proposals()}), never on a list of its own; a member's own
 * commits are built to pass it ({@link #mayCommit} and the role checks in {@code Meeting}), since a
 * commit that fails here forks its committer off.
 *
 * <ul>
 *   <li>{@link MeetingRule#EXTERNAL_JOIN}: the committer must be a member;
 *   <li>{@link MeetingRule#ADD_WITHOUT_RIGHT}: an Add by value only, by a committer who may admit;
 *   <li>{@link MeetingRule#REMOVE_WITHOUT_RIGHT}: removing another member needs a committer who may
 *       remove it, or a Remove proposed by the removed member itself (leaving), by the delivery
 *       service as external sender (a dropped client), or by a member who may remove;
 *   <li>{@link MeetingRule#ROLES_CHANGE_WITHOUT_RIGHT}: any GroupContextExtensions proposal (roles,
 *       external senders, required capabilities) needs a proposer and committer who may assign
 *       roles;
 *   <li>{@link MeetingRule#PROPOSAL_REFUSED}: no ReInit, PreSharedKey, Update or other proposal the
 *       meeting does not use;
 *   <li>{@link MeetingRule#NO_HOST_LEFT}: the new roles must keep a host;
 *   <li>{@link MeetingRule#ROLE_OUTLIVES_MEMBER}: a member the commit adds holds no role in the new
 *       roles, so a role never passes from a removed member to one re-admitted with its credential
 *       (dropping the old entry is a GroupContextExtensions change: a host's right).
 * </ul>
 */
final class RolePolicy {
  private RolePolicy() {}

  /**
   * Checks {@code staged} against the roles of its base epoch.
   *
   * @param roles the roles of the epoch the commit was made in
   * @param members that epoch's members
   * @param current that epoch's GroupContext extensions
   * @return the roles of the new epoch
   * @throws MeetingRuleException naming the rule broken
   * @throws DecodeException if a roles extension in the commit is malformed
   */
  static Roles check(Roles roles, Map<Long, Credential> members, StagedCommit staged,
      List<Extension> current) throws MeetingRuleException, DecodeException {
    Sender committer = staged.committer();
    if (committer.senderType() != SenderType.MEMBER || !members.containsKey(committer.index())) {
      throw new MeetingRuleException(MeetingRule.EXTERNAL_JOIN,
          "committer is " + committer.senderType() + ", meetings admit through the lobby only");
    }
    Role committerRole = roles.roleOf(members.get(committer.index()));
    List<Extension> extensions = null;
    for (ReceivedProposal applied : staged.proposals()) {
      Proposal proposal = applied.proposal();
      Sender proposer = applied.sender();
      if (proposal instanceof AddProposal) {
        if (!committerRole.mayAdmit() || !proposer.equals(committer)) {
          throw new MeetingRuleException(MeetingRule.ADD_WITHOUT_RIGHT, "leaf "
              + committer.index() + " is " + committerRole + " and commits an Add from "
              + proposer.senderType() + " " + proposer.index());
        }
      } else if (proposal instanceof RemoveProposal remove) {
        checkRemove(roles, members, committer, committerRole, proposer, remove.removed());
      } else if (proposal instanceof GroupContextExtensionsProposal gce) {
        Role proposerRole = proposer.senderType() == SenderType.MEMBER
            && members.containsKey(proposer.index())
            ? roles.roleOf(members.get(proposer.index())) : null;
        if (!committerRole.mayAssignRoles() || proposerRole == null
            || !proposerRole.mayAssignRoles()) {
          throw new MeetingRuleException(MeetingRule.ROLES_CHANGE_WITHOUT_RIGHT,
              "group context extensions changed by leaf " + committer.index() + " ("
              + committerRole + "), proposed by " + proposer);
        }
        extensions = gce.extensions();
      } else {
        throw new MeetingRuleException(MeetingRule.PROPOSAL_REFUSED, "the commit of leaf "
            + committer.index() + " applies proposal type " + proposal.proposalType());
      }
    }
    Roles next = roles;
    if (extensions != null) {
      next = Roles.in(extensions).orElse(null);
      if (next == null || !next.hasHost()) {
        throw new MeetingRuleException(MeetingRule.NO_HOST_LEFT,
            "the new group context extensions leave the meeting without a host");
      }
      if (!MediaParameters.sameIn(extensions, current)) {
        throw new MeetingRuleException(MeetingRule.MEDIA_PARAMETERS,
            "the new group context extensions change the meeting's media parameters");
      }
      if (!SenderAuthRequirement.sameIn(extensions, current)) {
        throw new MeetingRuleException(MeetingRule.SENDER_AUTHENTICATION, "the new group "
            + "context extensions change or drop the meeting's sender authentication");
      }
    }
    for (Map.Entry<Long, Credential> added : staged.added().entrySet()) {
      if (next.roleOf(added.getValue()) != Role.PARTICIPANT) {
        throw new MeetingRuleException(MeetingRule.ROLE_OUTLIVES_MEMBER, "the commit of leaf "
            + committer.index() + " adds leaf " + added.getKey() + " with the role "
            + next.roleOf(added.getValue()) + " of a former member");
      }
    }
    return next;
  }

  private static void checkRemove(Roles roles, Map<Long, Credential> members, Sender committer,
      Role committerRole, Sender proposer, long removed) throws MeetingRuleException {
    boolean allowed = committerRole.mayRemove() || !proposer.equals(committer)
        && mayProposeRemove(proposer, removed, roles, members);
    if (!allowed) {
      throw new MeetingRuleException(MeetingRule.REMOVE_WITHOUT_RIGHT, "leaf "
          + committer.index() + " is " + committerRole + " and removed leaf " + removed
          + ", proposed by " + proposer.senderType() + " " + proposer.index());
    }
  }

  /**
   * Whether {@code sender} may propose removing leaf {@code removed}: the delivery service (as
   * external sender), the member itself (leaving), or a member who may remove it.
   */
  static boolean mayProposeRemove(Sender sender, long removed, Roles roles,
      Map<Long, Credential> members) {
    if (sender.senderType() == SenderType.EXTERNAL) {
      return true;
    }
    if (sender.senderType() != SenderType.MEMBER || !members.containsKey(sender.index())) {
      return false;
    }
    return sender.index() == removed || roles.roleOf(members.get(sender.index())).mayRemove();
  }

  /**
   * Whether a member of role {@code committerRole} may cover the stored proposal {@code stored}
   * in its own commit, so that the others accept the commit: only a Remove (the only proposal a
   * meeting stores, each admitted on receipt by {@link #mayProposeRemove}); never an Add, a
   * ReInit, a PreSharedKey or anything else another member or the delivery service proposed.
   */
  static boolean mayCommit(ReceivedProposal stored) {
    return stored.proposal() instanceof RemoveProposal;
  }
}
