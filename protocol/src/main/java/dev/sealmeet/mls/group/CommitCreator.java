package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.EpochProtection;
import dev.sealmeet.mls.framing.NewMember;
import dev.sealmeet.mls.framing.PskLookup;
import dev.sealmeet.mls.framing.WelcomeReceiver;
import dev.sealmeet.mls.framing.WelcomeSender;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.FramedContentAuthData;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PathSecret;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.message.UpdateProposal;
import dev.sealmeet.mls.message.Welcome;
import dev.sealmeet.mls.schedule.InitSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeKem;
import dev.sealmeet.mls.tree.TreeMath;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The committer's side of RFC 9420 §12.4.1: proposal list, tree, optional UpdatePath, key
 * schedule, confirmation tag, protection, GroupInfo and Welcome. The result is a {@link
 * PendingCommit}; the current epoch is only read (apart from the sender's handshake ratchet when
 * the commit goes out as PrivateMessage).
 */
final class CommitCreator {
  private final MlsGroup group;
  private final EpochState epoch;
  private final ProposalStore proposals;
  private final MemberChecks checks;
  private final PskLookup psks;
  private final SigningIdentity identity;
  private final GroupConfig config;

  CommitCreator(MlsGroup group, EpochState epoch, ProposalStore proposals, MemberChecks checks,
      PskLookup psks, SigningIdentity identity, GroupConfig config) {
    this.group = group;
    this.epoch = epoch;
    this.proposals = proposals;
    this.checks = checks;
    this.psks = psks;
    this.identity = identity;
    this.config = config;
  }

  PendingCommit create(CommitRequest request) throws SealmeetException {
    MlsSuite suite = epoch.suite;
    Sender me = Sender.member(epoch.ownLeaf);
    List<ProposalEntry> entries = new ArrayList<>();
    List<ProposalOrRef> items = new ArrayList<>();
    for (ProposalEntry entry : committable(request)) {
      entries.add(entry);
      items.add(new ProposalOrRef.ByReference(entry.reference().orElseThrow()));
    }
    for (Proposal asked : request.inline()) {
      Proposal proposal = SuiteBinding.carried(asked, epoch.context.extensions(), config);
      entries.add(ProposalEntry.byValue(proposal, me));
      items.add(new ProposalOrRef.ByValue(proposal));
    }
    AppliedProposals applied =
        ProposalApplier.apply(epoch, entries, me, checks, request.startsResumedGroup());
    boolean withPath = applied.pathRequired() || config.alwaysPath() || request.forcesPath();
    RatchetTree tree = applied.tree();
    TreeKem.Generated generated = null;
    TreePrivateKeys keys = null;
    Secret commitSecret = null;
    InitSecret init = null;
    PskSecret psk = null;
    NextEpoch next = null;
    boolean done = false;
    try {
      Optional<UpdatePath> path = Optional.empty();
      if (withPath) {
        LeafNode template = tree.leaf(epoch.ownLeaf).orElseThrow();
        byte[] key = identity.privateKeyCopy();
        try {
          generated = new TreeKem(suite).generate(tree, epoch.ownLeaf, template, key,
              NextEpoch.provisional(epoch, tree, applied.extensions()), applied.added().keySet(),
              config.random());
        } finally {
          java.util.Arrays.fill(key, (byte) 0);
        }
        tree = generated.tree();
        keys = generated.privateKeys();
        commitSecret = generated.commitSecret().copy();
        path = Optional.of(generated.path());
      } else {
        keys = epoch.privateKeys.prunedTo(tree);
        commitSecret = NextEpoch.zeroCommitSecret(suite);
      }
      FramedContent content = new FramedContent(epoch.context.groupId(), epoch.epoch(), me,
          request.authenticatedDataCopy(), new MessageContent.CommitContent(new Commit(items, path)));
      AuthenticatedContent unconfirmed = group.sign(content, Optional.of(new byte[0]));
      psk = WelcomeReceiver.pskSecret(suite, applied.psks(), psks);
      init = epoch.secrets.initSecret();
      next = NextEpoch.derive(epoch, tree, applied.extensions(), unconfirmed, commitSecret, init,
          psk);
      byte[] confirmed = next.context().confirmedTranscriptHash();
      byte[] tag = next.secrets().confirmationTag(confirmed);
      AuthenticatedContent authenticated = new AuthenticatedContent(unconfirmed.wireFormat(),
          content, new FramedContentAuthData(unconfirmed.auth().signature(), Optional.of(tag)));
      byte[] interim = TranscriptHashes.interimHash(suite, confirmed, tag);
      EpochProtection protection = EpochProtection.of(
          suite, next.context(), next.secrets(), tree.leafCount(), config.ratchetWindow(),
          config.random());
      EpochState state = new EpochState(suite, next.context(), tree, interim, tag, epoch.ownLeaf,
          keys, next.secrets(), protection);
      MlsMessage commitMessage = epoch.protection.protect(authenticated, 0);
      Optional<MlsMessage> welcome = Optional.empty();
      if (!applied.added().isEmpty()) {
        GroupInfo welcomeInfo =
            GroupInfos.signed(state, config.ratchetTreeInWelcome(), identity);
        welcome = Optional.of(MlsMessage.of(welcome(applied.added(), generated, next, applied,
            psk, welcomeInfo)));
      }
      done = true;
      return new PendingCommit(state, new CommitResult(commitMessage, welcome, tree),
          applied.reInit());
    } finally {
      if (generated != null) {
        generated.destroySecrets();
      }
      NextEpoch.release(commitSecret, init, psk, next, keys, done);
    }
  }

  private Welcome welcome(Map<Long, KeyPackage> added, TreeKem.Generated generated,
      NextEpoch next, AppliedProposals applied, PskSecret psk, GroupInfo groupInfo)
      throws SealmeetException {
    List<NewMember> members = new ArrayList<>();
    int me = TreeMath.leafToNode(epoch.ownLeaf);
    for (Map.Entry<Long, KeyPackage> entry : added.entrySet()) {
      Optional<PathSecret> pathSecret = Optional.empty();
      if (generated != null) {
        int ancestor = TreeMath.commonAncestor(me, TreeMath.leafToNode(entry.getKey()));
        Secret secret = generated.pathSecrets().get(ancestor);
        if (secret != null) {
          byte[] raw = secret.copyBytes();
          pathSecret = Optional.of(new PathSecret(raw));
          java.util.Arrays.fill(raw, (byte) 0);
        }
      }
      members.add(new NewMember(entry.getValue(), pathSecret));
    }
    return WelcomeSender.create(epoch.suite, next.joiner(), applied.psks(), psk, groupInfo,
        members);
  }

  /**
   * The stored proposals a commit of this member may include by reference (§12.2, §12.4): not its
   * own Updates or a Remove of itself, at most one change per leaf (a Remove wins over an Update),
   * no ReInit beside other proposals.
   */
  private List<ProposalEntry> committable(CommitRequest request) {
    boolean reInitAllowed = request.inline().isEmpty();
    List<ProposalEntry> all = new ArrayList<>();
    for (ProposalEntry entry : proposals.all()) {
      if (request.includes(new ReceivedProposal(epoch.epoch(), entry.sender(), entry.proposal(),
          entry.reference().orElseThrow()))) {
        all.add(entry);
      }
    }
    Set<Long> removedLeaves = new HashSet<>();
    for (ProposalEntry entry : all) {
      if (entry.proposal() instanceof RemoveProposal r) {
        removedLeaves.add(r.removed());
      }
    }
    List<ProposalEntry> out = new ArrayList<>();
    Set<Long> changed = new HashSet<>();
    Set<String> psksSeen = new HashSet<>();
    boolean gceSeen = false;
    for (ProposalEntry entry : all) {
      Proposal p = entry.proposal();
      Sender sender = entry.sender();
      if (p instanceof UpdateProposal) {
        long leaf = sender.index();
        if (leaf == epoch.ownLeaf || removedLeaves.contains(leaf) || !changed.add(leaf)) {
          continue;
        }
      } else if (p instanceof RemoveProposal r) {
        if (r.removed() == epoch.ownLeaf || !changed.add(r.removed())) {
          continue;
        }
      } else if (p instanceof dev.sealmeet.mls.message.PreSharedKeyProposal psk) {
        if (!psksSeen.add(dev.sealmeet.protocol.internal.Hex.encode(psk.psk().toBytes()))) {
          continue;
        }
      } else if (p instanceof dev.sealmeet.mls.message.GroupContextExtensionsProposal) {
        if (gceSeen) {
          continue;
        }
        gceSeen = true;
      } else if (p instanceof ReInitProposal) {
        continue;
      }
      out.add(entry);
    }
    if (out.isEmpty() && reInitAllowed) {
      for (ProposalEntry entry : all) {
        if (entry.proposal() instanceof ReInitProposal) {
          return List.of(entry);
        }
      }
    }
    return out;
  }
}
