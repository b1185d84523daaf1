package dev.sealmeet.mls.group;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.ContentSignatures;
import dev.sealmeet.mls.framing.EpochProtection;
import dev.sealmeet.mls.framing.WelcomeReceiver;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.ExternalInitProposal;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.FramedContentAuthData;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.PreSharedKeyProposal;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.mls.schedule.ExternalInit;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeKem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Joining by external commit (RFC 9420 §12.4.3.2): from a signed GroupInfo with {@code
 * external_pub}, the joiner validates the tree, derives an init secret with HPKE against {@code
 * external_pub} (§8.3), places itself at the leftmost blank leaf, and commits an ExternalInit (and
 * optionally a Remove of its old self, and PSKs) with a path, as a {@code new_member_commit}
 * PublicMessage.
 */
final class ExternalJoin {
  private ExternalJoin() {}

  static ExternalJoinResult join(MlsMessage message, Optional<RatchetTree> outOfBand,
      SigningIdentity identity, Capabilities capabilities, OptionalLong resyncRemove,
      List<PreSharedKeyId> pskIds, PskStore psks, GroupConfig config) throws SealmeetException {
    if (!(message.body() instanceof GroupInfo groupInfo)) {
      throw new ProtocolException("RFC 9420 §12.4.3.2",
          "expected a GroupInfo, got " + message.wireFormat());
    }
    GroupContext context = groupInfo.groupContext();
    MlsSuite suite = MlsSuite.of(context.cipherSuite(), config.suites(), config.random());
    SuiteBinding.check(context.extensions(), context.cipherSuite(), config, "the group");
    RatchetTree tree = WelcomeJoin.treeOf(groupInfo, outOfBand);
    MemberChecks checks = new MemberChecks(suite, config);
    checks.joinedTree(tree, context);
    byte[] signerKey = tree.leaf(groupInfo.signer()).orElseThrow(() -> new GroupRuleException(
        GroupRule.INVALID_GROUP_INFO, "the signer's leaf " + groupInfo.signer() + " is blank"))
        .signatureKey();
    WelcomeReceiver.verifyGroupInfoSignature(suite, groupInfo, signerKey);
    byte[] externalPub = externalPub(groupInfo);

    byte[] interim = TranscriptHashes.interimHash(
        suite, context.confirmedTranscriptHash(), groupInfo.confirmationTag());
    EpochState before = new EpochState(suite, context, tree, interim,
        groupInfo.confirmationTag(), -1, null, null, null);
    ExternalInit init = ExternalInit.create(suite, externalPub);
    List<Proposal> inline = new ArrayList<>();
    inline.add(new ExternalInitProposal(init.kemOutput()));
    if (resyncRemove.isPresent()) {
      inline.add(new RemoveProposal(resyncRemove.getAsLong()));
    }
    pskIds.forEach(id -> inline.add(new PreSharedKeyProposal(id)));
    Sender sender = Sender.newMemberCommit();
    List<ProposalEntry> entries = new ArrayList<>();
    List<ProposalOrRef> items = new ArrayList<>();
    for (Proposal p : inline) {
      entries.add(ProposalEntry.byValue(p, sender));
      items.add(new ProposalOrRef.ByValue(p));
    }
    TreeKem.Generated generated = null;
    PskSecret psk = null;
    NextEpoch next = null;
    boolean done = false;
    try {
      AppliedProposals applied = ProposalApplier.apply(before, entries, sender, checks);
      RawKeyPair placeholderKeys = suite.primitives().hpkeGenerateKeyPair();
      LeafNode template = new LeafNode(placeholderKeys.publicKey(),
          identity.signaturePublicKey(), identity.credential(),
          SuiteBinding.withSupport(capabilities, suite.id()), LeafNodeSource.UPDATE, Optional.empty(), Optional.empty(), List.of(), new byte[0]);
      checks.supportsGroup(template, applied.extensions(), "this client");
      checks.resync(tree, applied.removed(), template);
      RatchetTree.Added placed = applied.tree().withAdd(template);
      byte[] key = identity.privateKeyCopy();
      byte[] signature;
      FramedContent content;
      try {
        generated = new TreeKem(suite).generate(placed.tree(), placed.leafIndex(), template, key,
            NextEpoch.provisional(before, placed.tree(), applied.extensions()), List.of(),
            config.random());
        content = new FramedContent(context.groupId(), context.epoch(), sender, new byte[0],
            new MessageContent.CommitContent(
                new Commit(items, Optional.of(generated.path()))));
        signature = ContentSignatures.sign(suite, context, WireFormat.PUBLIC_MESSAGE, content,
            key);
      } finally {
        java.util.Arrays.fill(key, (byte) 0);
      }
      AuthenticatedContent unconfirmed = new AuthenticatedContent(WireFormat.PUBLIC_MESSAGE,
          content, new FramedContentAuthData(signature, Optional.of(new byte[0])));
      psk = WelcomeReceiver.pskSecret(suite, applied.psks(), psks.lookup(PskStore.none()));
      next = NextEpoch.derive(before, generated.tree(), applied.extensions(), unconfirmed,
          generated.commitSecret(), init.initSecret(), psk);
      byte[] confirmed = next.context().confirmedTranscriptHash();
      byte[] tag = next.secrets().confirmationTag(confirmed);
      PublicMessage commit = new PublicMessage(content,
          new FramedContentAuthData(signature, Optional.of(tag)), Optional.empty());
      EpochProtection protection = EpochProtection.of(suite, next.context(), next.secrets(),
          generated.tree().leafCount(), config.ratchetWindow(), config.random());
      EpochState state = new EpochState(suite, next.context(), generated.tree(),
          TranscriptHashes.interimHash(suite, confirmed, tag), tag, placed.leafIndex(),
          generated.privateKeys(), next.secrets(), protection);
      done = true;
      return new ExternalJoinResult(new MlsGroup(suite, identity, config, psks, state),
          MlsMessage.of(commit));
    } finally {
      if (generated != null) {
        generated.destroySecrets();
      }
      // The commit secret belongs to the generated path and was wiped just above.
      NextEpoch.release(null, init.initSecret(), psk, next,
          generated == null ? null : generated.privateKeys(), done);
    }
  }

  private static byte[] externalPub(GroupInfo groupInfo) throws GroupRuleException {
    Optional<Extension> found =
        Extensions.find(groupInfo.extensions(), Extensions.EXTERNAL_PUB);
    if (found.isEmpty()) {
      throw new GroupRuleException(GroupRule.INVALID_GROUP_INFO,
          "the GroupInfo has no external_pub extension");
    }
    try {
      return TlsReader.decodeExactly(found.get().extensionData(), TlsReader::readOpaque);
    } catch (DecodeException e) {
      throw new GroupRuleException(GroupRule.INVALID_GROUP_INFO,
          "the external_pub extension is malformed");
    }
  }
}
