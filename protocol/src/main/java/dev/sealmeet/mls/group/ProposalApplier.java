package dev.sealmeet.mls.group;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.ExternalInitProposal;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.PreSharedKeyProposal;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.ResumptionPskUsage;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderType;
import dev.sealmeet.mls.message.UnknownProposal;
import dev.sealmeet.mls.message.UpdateProposal;
import dev.sealmeet.mls.framing.VerifiedContent;
import dev.sealmeet.mls.tree.RatchetTree;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validates a commit's proposal list (RFC 9420 §12.2) and applies it to the tree and GroupContext
 * extensions in the order of §12.3. The same code serves the committer and every receiver, so both
 * reach the same tree or the same rejection.
 */
final class ProposalApplier {
  private ProposalApplier() {}

  /**
   * @param committer a member, or {@code new_member_commit} for an external commit
   * @throws GroupRuleException naming the first broken rule
   * @throws ProtocolException if the tree rejects a change
   */
  static AppliedProposals apply(EpochState epoch, List<ProposalEntry> entries, Sender committer,
      MemberChecks checks) throws ProtocolException {
    return apply(epoch, entries, committer, checks, false);
  }

  /**
   * As {@link #apply(EpochState, List, Sender, MemberChecks)}; {@code resumptionStart} allows one
   * resumption PSK of usage reinit or branch, in the first commit of a group that a reinit or
   * branch creates (§11.2, §11.3). No received commit may use it.
   */
  static AppliedProposals apply(EpochState epoch, List<ProposalEntry> entries, Sender committer,
      MemberChecks checks, boolean resumptionStart) throws ProtocolException {
    boolean external = committer.senderType() == SenderType.NEW_MEMBER_COMMIT;
    List<LeafNodeChange> updates = new ArrayList<>();
    List<Long> removes = new ArrayList<>();
    List<KeyPackage> adds = new ArrayList<>();
    List<PreSharedKeyId> psks = new ArrayList<>();
    List<Integer> unknownTypes = new ArrayList<>();
    GroupContextExtensionsProposal gce = null;
    ExternalInitProposal externalInit = null;
    ReInitProposal reInit = null;
    boolean pathRequired = entries.isEmpty();
    Set<Long> changedLeaves = new HashSet<>();
    for (ProposalEntry entry : entries) {
      Proposal proposal = entry.proposal();
      checkSenderMayPropose(entry.sender(), proposal);
      if (external && !(proposal instanceof ExternalInitProposal
          || proposal instanceof RemoveProposal || proposal instanceof PreSharedKeyProposal)) {
        throw new GroupRuleException(GroupRule.INVALID_EXTERNAL_COMMIT,
            "proposal type " + proposal.proposalType() + " is not allowed in an external commit");
      }
      if (proposal instanceof AddProposal add) {
        adds.add(add.keyPackage());
      } else if (proposal instanceof UpdateProposal update) {
        long leaf = entry.sender().index();
        if (committer.senderType() == SenderType.MEMBER && leaf == committer.index()) {
          throw new GroupRuleException(GroupRule.UPDATE_BY_COMMITTER,
              "leaf " + leaf + " commits its own Update proposal");
        }
        requireOccupied(epoch.tree, leaf, GroupRule.PROPOSAL_SENDER_NOT_ALLOWED);
        if (!changedLeaves.add(leaf)) {
          throw new GroupRuleException(GroupRule.DUPLICATE_LEAF_CHANGE,
              "more than one Update or Remove for leaf " + leaf);
        }
        updates.add(new LeafNodeChange(leaf, update.leafNode()));
        pathRequired = true;
      } else if (proposal instanceof RemoveProposal remove) {
        long leaf = remove.removed();
        requireOccupied(epoch.tree, leaf, GroupRule.REMOVE_OF_BLANK_LEAF);
        if (committer.senderType() == SenderType.MEMBER && leaf == committer.index()) {
          throw new GroupRuleException(GroupRule.REMOVE_OF_COMMITTER,
              "the commit removes its own sender, leaf " + leaf);
        }
        if (!changedLeaves.add(leaf)) {
          throw new GroupRuleException(GroupRule.DUPLICATE_LEAF_CHANGE,
              "more than one Update or Remove for leaf " + leaf);
        }
        removes.add(leaf);
        pathRequired = true;
      } else if (proposal instanceof PreSharedKeyProposal psk) {
        checkPsk(epoch, psk.psk(), psks, resumptionStart);
        psks.add(psk.psk());
      } else if (proposal instanceof GroupContextExtensionsProposal g) {
        if (gce != null) {
          throw new GroupRuleException(GroupRule.MULTIPLE_GROUP_CONTEXT_EXTENSIONS,
              "more than one GroupContextExtensions proposal");
        }
        gce = g;
        pathRequired = true;
      } else if (proposal instanceof ReInitProposal r) {
        if (entries.size() != 1) {
          throw new GroupRuleException(GroupRule.REINIT_WITH_OTHER_PROPOSALS,
              "a ReInit proposal among " + entries.size() + " proposals");
        }
        if (r.version() < epoch.context.version()) {
          throw new GroupRuleException(GroupRule.INVALID_REINIT,
              "ReInit to version " + r.version() + " below the current version");
        }
        reInit = r;
      } else if (proposal instanceof ExternalInitProposal e) {
        if (!external) {
          throw new GroupRuleException(GroupRule.EXTERNAL_INIT_OUTSIDE_EXTERNAL_COMMIT,
              "an ExternalInit proposal in a member's commit");
        }
        if (externalInit != null) {
          throw new GroupRuleException(GroupRule.INVALID_EXTERNAL_COMMIT,
              "more than one ExternalInit proposal");
        }
        externalInit = e;
        pathRequired = true;
      } else if (proposal instanceof UnknownProposal u) {
        unknownTypes.add(u.proposalType());
        pathRequired = true;
      }
    }
    if (external && (externalInit == null || removes.size() > 1)) {
      throw new GroupRuleException(GroupRule.INVALID_EXTERNAL_COMMIT, "an external commit needs"
          + " exactly one ExternalInit and at most one Remove, has " + removes.size()
          + " Removes");
    }

    byte[] groupId = epoch.context.groupId();
    List<Extension> extensions = epoch.context.extensions();
    if (gce != null) {
      if (Extensions.hasDuplicateTypes(gce.extensions())) {
        throw new GroupRuleException(GroupRule.UNSUPPORTED_GROUP_CONTEXT_EXTENSION,
            "GroupContextExtensions lists an extension type twice");
      }
      SuiteBinding.checkKept(extensions, gce.extensions());
      extensions = gce.extensions();
    }
    RatchetTree tree = epoch.tree;
    for (LeafNodeChange update : updates) {
      checks.leaf(tree, update.leaf, LeafNodeSource.UPDATE, groupId, update.leafIndex,
          OptionalLong.of(update.leafIndex), extensions);
      tree = tree.withUpdate(update.leafIndex, update.leaf);
    }
    for (long removed : removes) {
      tree = tree.withRemove(removed);
    }
    Map<Long, KeyPackage> added = new LinkedHashMap<>();
    List<byte[]> addedKeys = new ArrayList<>();
    for (KeyPackage keyPackage : adds) {
      byte[] signatureKey = keyPackage.leafNode().signatureKey();
      for (byte[] other : addedKeys) {
        if (MessageDigest.isEqual(other, signatureKey)) {
          throw new GroupRuleException(GroupRule.DUPLICATE_MEMBER,
              "two Add proposals for the same signature key");
        }
      }
      for (long leaf : tree.occupiedLeaves()) {
        if (tree.leaf(leaf).orElseThrow().hasSignatureKey(signatureKey)) {
          throw new GroupRuleException(GroupRule.DUPLICATE_MEMBER,
              "an Add proposal for the signature key of leaf " + leaf);
        }
      }
      checks.keyPackage(keyPackage, tree, groupId, extensions);
      addedKeys.add(signatureKey);
      RatchetTree.Added result = tree.withAdd(keyPackage.leafNode());
      tree = result.tree();
      added.put(result.leafIndex(), keyPackage);
    }
    if (gce != null) {
      for (long leaf : tree.occupiedLeaves()) {
        checks.supportsGroup(tree.leaf(leaf).orElseThrow(), extensions, "leaf " + leaf);
      }
    }
    for (int type : unknownTypes) {
      for (long leaf : tree.occupiedLeaves()) {
        if (!added.containsKey(leaf)
            && !tree.leaf(leaf).orElseThrow().capabilities().proposals().contains(type)) {
          throw new GroupRuleException(GroupRule.UNSUPPORTED_PROPOSAL,
              "leaf " + leaf + " does not support proposal type " + type);
        }
      }
    }
    List<Long> updated = new ArrayList<>();
    updates.forEach(u -> updated.add(u.leafIndex));
    return new AppliedProposals(tree, extensions, added, removes, updated, psks,
        Optional.ofNullable(externalInit), Optional.ofNullable(reInit), pathRequired);
  }

  /**
   * Validates a proposal received on its own (§12.1: sender's right, Remove of an occupied leaf,
   * a valid Update leaf; no ExternalInit) and stores it under its ProposalRef (§5.2).
   *
   * @throws GroupRuleException naming the broken rule; nothing is stored then
   */
  static ReceivedProposal receive(EpochState current, ProposalStore proposals,
      MemberChecks checks, VerifiedContent verified) throws ProtocolException {
    Proposal proposal = ((dev.sealmeet.mls.message.MessageContent.ProposalContent) verified.content()).proposal();
    Sender sender = verified.sender();
    checkSenderMayPropose(sender, proposal);
    if (proposal instanceof ExternalInitProposal) {
      throw new GroupRuleException(GroupRule.EXTERNAL_INIT_OUTSIDE_EXTERNAL_COMMIT,
          "an ExternalInit proposal outside an external commit");
    }
    if (proposal instanceof RemoveProposal remove
        && current.tree.leaf(remove.removed()).isEmpty()) {
      throw new GroupRuleException(GroupRule.REMOVE_OF_BLANK_LEAF,
          "Remove of blank or absent leaf " + remove.removed());
    }
    if (proposal instanceof UpdateProposal update) {
      checks.leaf(current.tree, update.leafNode(), LeafNodeSource.UPDATE,
          current.context.groupId(), sender.index(), OptionalLong.of(sender.index()),
          current.context.extensions());
    }
    byte[] ref = current.suite.makeProposalRef(verified.authenticatedContent().toBytes());
    if (!proposals.add(ref, proposal, sender)) {
      throw new ProtocolException("RFC 9420 §12.1",
          "more than " + ProposalStore.MAX_PROPOSALS + " proposals in one epoch");
    }
    return new ReceivedProposal(current.epoch(), sender, proposal, ref);
  }

  /**
   * Checks the sender's right to send the proposal (RFC 9420 §12.1, §12.1.8.1, table of §17.4):
   * Updates only from members, ExternalInit only inside an external commit, external senders no
   * Update.
   *
   * @throws GroupRuleException if the sender may not
   */
  static void checkSenderMayPropose(Sender sender, Proposal proposal) throws GroupRuleException {
    SenderType type = sender.senderType();
    boolean allowed;
    if (proposal instanceof UpdateProposal) {
      allowed = type == SenderType.MEMBER;
    } else if (proposal instanceof ExternalInitProposal) {
      if (type != SenderType.NEW_MEMBER_COMMIT) {
        throw new GroupRuleException(GroupRule.EXTERNAL_INIT_OUTSIDE_EXTERNAL_COMMIT,
            "an ExternalInit proposal from a " + type + " sender");
      }
      allowed = true;
    } else if (type == SenderType.NEW_MEMBER_PROPOSAL) {
      allowed = proposal instanceof AddProposal;
    } else if (type == SenderType.NEW_MEMBER_COMMIT) {
      allowed = proposal instanceof RemoveProposal || proposal instanceof PreSharedKeyProposal;
    } else if (type == SenderType.EXTERNAL) {
      allowed = !(proposal instanceof UnknownProposal);
    } else {
      allowed = true;
    }
    if (!allowed) {
      throw new GroupRuleException(GroupRule.PROPOSAL_SENDER_NOT_ALLOWED,
          "a " + type + " sender may not propose type " + proposal.proposalType());
    }
  }

  private static void checkPsk(EpochState epoch, PreSharedKeyId id, List<PreSharedKeyId> seen,
      boolean resumptionStart) throws GroupRuleException {
    if (id.pskNonce().length != epoch.suite.hashLength()) {
      throw new GroupRuleException(GroupRule.INVALID_PSK, "psk_nonce is " + id.pskNonce().length
          + " bytes, expected KDF.Nh = " + epoch.suite.hashLength());
    }
    if (id instanceof PreSharedKeyId.Resumption r
        && r.usage() != ResumptionPskUsage.APPLICATION && !resumptionStart) {
      throw new GroupRuleException(GroupRule.INVALID_PSK,
          "a PreSharedKey proposal with resumption usage " + r.usage());
    }
    byte[] encoded = id.toBytes();
    for (PreSharedKeyId other : seen) {
      if (java.util.Arrays.equals(other.toBytes(), encoded)) {
        throw new GroupRuleException(GroupRule.DUPLICATE_PSK,
            "two PreSharedKey proposals name the same PreSharedKeyID");
      }
    }
  }

  private static void requireOccupied(RatchetTree tree, long leaf, GroupRule rule)
      throws GroupRuleException {
    if (tree.leaf(leaf).isEmpty()) {
      throw new GroupRuleException(rule, "leaf " + leaf + " is blank or outside the tree of "
          + tree.leafCount() + " leaves");
    }
  }

  private record LeafNodeChange(long leafIndex, LeafNode leaf) {}
}
