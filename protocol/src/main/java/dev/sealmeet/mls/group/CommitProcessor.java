package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.EpochProtection;
import dev.sealmeet.mls.framing.PskLookup;
import dev.sealmeet.mls.framing.VerifiedContent;
import dev.sealmeet.mls.framing.WelcomeReceiver;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderType;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.schedule.InitSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeKem;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A receiver's processing of a commit (RFC 9420 §12.4.2), from verified content to a {@link
 * StagedCommit}. Reads the current epoch and never writes it: every new value goes into the staged
 * epoch, and on any failure every new secret is wiped before the exception leaves.
 */
final class CommitProcessor {
  private final MlsGroup group;
  private final EpochState epoch;
  private final ProposalStore proposals;
  private final MemberChecks checks;
  private final PskLookup psks;
  private final dev.sealmeet.mls.schedule.RatchetWindow window;
  private final SecureRandom random;

  CommitProcessor(MlsGroup group, EpochState epoch, ProposalStore proposals, MemberChecks checks,
      PskLookup psks, GroupConfig config) {
    this.window = config.ratchetWindow();
    SecureRandom random = config.random();
    this.group = group;
    this.epoch = epoch;
    this.proposals = proposals;
    this.checks = checks;
    this.psks = psks;
    this.random = random;
  }

  StagedCommit process(VerifiedContent verified) throws SealmeetException {
    Commit commit = ((MessageContent.CommitContent) verified.content()).commit();
    Sender committer = verified.sender();
    boolean external = committer.senderType() == SenderType.NEW_MEMBER_COMMIT;
    if (committer.senderType() == SenderType.MEMBER && committer.index() == epoch.ownLeaf) {
      throw new GroupRuleException(GroupRule.OWN_COMMIT,
          "this member's own commit; merge or discard its pending commit instead");
    }
    List<ProposalEntry> entries = new ArrayList<>();
    List<byte[]> ownUpdates = new ArrayList<>();
    for (ProposalOrRef item : commit.proposals()) {
      if (item instanceof ProposalOrRef.ByValue value) {
        entries.add(ProposalEntry.byValue(value.proposal(), committer));
        continue;
      }
      byte[] ref = ((ProposalOrRef.ByReference) item).reference();
      if (external) {
        throw new GroupRuleException(GroupRule.INVALID_EXTERNAL_COMMIT,
            "an external commit may not include proposals by reference");
      }
      ProposalEntry entry = proposals.get(ref).orElseThrow(() -> new GroupRuleException(
          GroupRule.UNKNOWN_PROPOSAL_REFERENCE, "no proposal with this reference was received in"
              + " epoch " + epoch.epoch()));
      if (entry.sender().senderType() == SenderType.MEMBER
          && entry.sender().index() == epoch.ownLeaf
          && proposals.ownUpdateKey(ref).isPresent()) {
        ownUpdates.add(ref);
      }
      entries.add(entry);
    }
    AppliedProposals applied = ProposalApplier.apply(epoch, entries, committer, checks);
    if (applied.pathRequired() && commit.path().isEmpty()) {
      throw new GroupRuleException(GroupRule.PATH_REQUIRED,
          "the commit's proposals require an UpdatePath and it has none");
    }
    // Every check that needs no private key runs before any verdict, for every receiver: the
    // member this commit removes reaches its verdict on the same evidence as the others (§12.4.2).
    RatchetTree tree = applied.tree();
    long senderLeaf = committer.senderType() == SenderType.MEMBER ? committer.index() : -1;
    RatchetTree newTree = tree;
    if (commit.path().isPresent()) {
      UpdatePath path = commit.path().get();
      RatchetTree base = tree;
      if (external) {
        RatchetTree.Added placed = tree.withAdd(path.leafNode());
        tree = placed.tree();
        senderLeaf = placed.leafIndex();
        checks.resync(epoch.tree, applied.removed(), path.leafNode());
      }
      checks.leaf(base, path.leafNode(), LeafNodeSource.COMMIT, epoch.context.groupId(),
          senderLeaf, external ? OptionalLong.empty() : OptionalLong.of(senderLeaf),
          applied.extensions());
      UpdatePathChecks.requireFreshKeys(base, path);
      UpdatePathChecks.requireShape(tree, senderLeaf, path, applied.added().keySet());
      newTree = new TreeKem(epoch.suite).merge(tree, senderLeaf, path);
    }
    Map<Long, Credential> removed = new LinkedHashMap<>();
    for (long leaf : applied.removed()) {
      removed.put(leaf, epoch.tree.leaf(leaf).orElseThrow().credential());
    }
    Map<Long, Credential> added = new LinkedHashMap<>();
    applied.added().forEach((leaf, kp) -> added.put(leaf, kp.leafNode().credential()));
    if (external) {
      added.put(senderLeaf, commit.path().orElseThrow().leafNode().credential());
    }

    Secret commitSecret = null;
    InitSecret init = null;
    PskSecret psk = null;
    NextEpoch next = null;
    TreePrivateKeys keys = null;
    boolean done = false;
    try {
      psk = WelcomeReceiver.pskSecret(epoch.suite, applied.psks(), psks);
      init = external
          ? epoch.secrets.externalInitSecret(applied.externalInit().orElseThrow().kemOutput())
          : epoch.secrets.initSecret();
      if (applied.removed().contains(epoch.ownLeaf)) {
        // The path secret is encrypted to the new tree, where this leaf is blank, so the commit
        // secret, the next epoch and the confirmation tag are out of reach (spec §6.4).
        return new StagedCommit(group, epoch.epoch(), committer, added, removed,
            applied.updated(), applied.reInit(), null, entries);
      }
      keys = ownKeysAfterProposals(tree, ownUpdates);
      if (commit.path().isPresent()) {
        TreeKem.Processed processed = new TreeKem(epoch.suite).decrypt(tree, senderLeaf,
            commit.path().get(), keys, NextEpoch.provisional(epoch, newTree, applied.extensions()),
            applied.added().keySet());
        keys.destroy();
        keys = processed.privateKeys();
        processed.pathSecret().destroy();
        commitSecret = processed.commitSecret();
      } else {
        commitSecret = NextEpoch.zeroCommitSecret(epoch.suite);
      }
      next = NextEpoch.derive(epoch, newTree, applied.extensions(),
          verified.authenticatedContent(), commitSecret, init, psk);
      byte[] tag = verified.confirmationTag().orElseThrow();
      next.secrets().verifyConfirmationTag(next.context().confirmedTranscriptHash(), tag);
      MlsSuite suite = epoch.suite;
      byte[] interim = TranscriptHashes.interimHash(
          suite, next.context().confirmedTranscriptHash(), tag);
      EpochProtection protection = EpochProtection.of(
          suite, next.context(), next.secrets(), newTree.leafCount(), window, random);
      EpochState state = new EpochState(suite, next.context(), newTree, interim, tag,
          epoch.ownLeaf, keys, next.secrets(), protection);
      done = true;
      return new StagedCommit(group, epoch.epoch(), committer, added, removed,
          applied.updated(), applied.reInit(), state, entries);
    } finally {
      NextEpoch.release(commitSecret, init, psk, next, keys, done);
    }
  }

  /**
   * This member's path keys for the tree after the proposals: its own Update (by reference)
   * replaces its leaf key and drops its path; blanked nodes lose their keys.
   */
  private TreePrivateKeys ownKeysAfterProposals(RatchetTree tree, List<byte[]> ownUpdates) {
    if (!ownUpdates.isEmpty()) {
      Secret leafKey = proposals.ownUpdateKey(ownUpdates.get(0)).orElseThrow();
      byte[] raw = leafKey.copyBytes();
      try {
        return TreePrivateKeys.ofLeaf(epoch.ownLeaf, raw);
      } finally {
        java.util.Arrays.fill(raw, (byte) 0);
      }
    }
    return epoch.privateKeys.prunedTo(tree);
  }
}
