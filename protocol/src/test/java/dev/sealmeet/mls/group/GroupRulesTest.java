package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.ContentSignatures;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.ExternalInitProposal;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.FramedContentAuthData;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each receiver rule of RFC 9420 §12.2 and §12.4.2 that a malicious insider could break: the
 * commit is built by hand with a valid membership tag and signature, so only the rule under test
 * can reject it. Every rejection names its {@link GroupRule} and leaves the group unchanged.
 */
class GroupRulesTest {
  private final MlsSuite suite = GroupFixtures.suite(1);
  private final GroupConfig config = GroupConfig.defaults();
  private MlsGroup alice;
  private MlsGroup bob;
  private MlsGroup carol;

  @BeforeEach
  void setUp() throws SealmeetException {
    List<MlsGroup> members = GroupFixtures.members(suite, config, "alice", "bob", "carol");
    alice = members.get(0);
    bob = members.get(1);
    carol = members.get(2);
  }

  /** A commit of {@code proposals} by value from {@code sender}, framed for bob's epoch. */
  private MlsMessage insiderCommit(MlsGroup sender, long epoch, Proposal... proposals)
      throws SealmeetException {
    return insiderCommit(sender, epoch, WireFormat.PUBLIC_MESSAGE, proposals);
  }

  /**
   * As above in {@code wireFormat}. A PrivateMessage is sealed with the sender's own secret tree
   * (bob's copy of the sender's ratchet must stay untouched for the test to observe it).
   */
  private MlsMessage insiderCommit(MlsGroup sender, long epoch, WireFormat wireFormat,
      Proposal... proposals) throws SealmeetException {
    EpochState target =
        wireFormat == WireFormat.PRIVATE_MESSAGE ? sender.currentEpoch() : bob.currentEpoch();
    List<ProposalOrRef> items = new ArrayList<>();
    for (Proposal p : proposals) {
      items.add(new ProposalOrRef.ByValue(p));
    }
    FramedContent content = new FramedContent(target.context.groupId(), epoch,
        Sender.member(sender.ownLeafIndex()), new byte[0],
        new MessageContent.CommitContent(new Commit(items, Optional.empty())));
    byte[] key = sender.identity().privateKeyCopy();
    byte[] signature = ContentSignatures.sign(suite, target.context, wireFormat, content, key);
    AuthenticatedContent signed = new AuthenticatedContent(wireFormat, content,
        new FramedContentAuthData(signature, Optional.of(new byte[suite.hashLength()])));
    return target.protection.protect(signed, 0);
  }

  private void assertRejected(MlsMessage message, GroupRule rule) {
    GroupSnapshot before = GroupSnapshot.of(bob);
    assertThatThrownBy(() -> bob.process(message))
        .isInstanceOfSatisfying(GroupRuleException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    assertThat(GroupSnapshot.of(bob)).isEqualTo(before);
  }

  @Test
  @DisplayName("a commit removing its committer is rejected [SM-MLS-7]")
  void removeOfCommitter_rejected() throws SealmeetException {
    assertRejected(insiderCommit(alice, 1, new RemoveProposal(0)), GroupRule.REMOVE_OF_COMMITTER);
  }

  @Test
  @DisplayName("a PrivateMessage commit that breaks a rule leaves its message key in place")
  void rejectedPrivateCommit_keepsItsMessageKey() throws SealmeetException {
    MlsMessage commit =
        insiderCommit(alice, 1, WireFormat.PRIVATE_MESSAGE, new RemoveProposal(0));
    assertRejected(commit, GroupRule.REMOVE_OF_COMMITTER);
    // Had the first rejection deleted the handshake key, this would be a ReplayException.
    assertRejected(commit, GroupRule.REMOVE_OF_COMMITTER);
  }

  @Test
  void acceptedPrivateProposal_deletesItsMessageKey() throws SealmeetException {
    GroupFixtures.Pair pair = GroupFixtures.pair(suite, config.withEncryptHandshake(true));
    MlsGroup receiver = pair.bob();
    MlsMessage update = pair.alice().proposeUpdate();
    assertThat(update.wireFormat()).isEqualTo(WireFormat.PRIVATE_MESSAGE);
    assertThat(receiver.process(update)).isInstanceOf(ReceivedProposal.class);
    assertThatThrownBy(() -> receiver.process(update)).isInstanceOf(ReplayException.class);
  }

  @Test
  void twoRemovesOfOneLeaf_rejected() throws SealmeetException {
    assertRejected(insiderCommit(alice, 1, new RemoveProposal(2), new RemoveProposal(2)),
        GroupRule.DUPLICATE_LEAF_CHANGE);
  }

  @Test
  void addOfMembersSignatureKey_rejected() throws SealmeetException {
    // A fresh KeyPackage (new HPKE key) under carol's signing identity: only the key is shared.
    KeyPackage carolsKey = KeyPackageBundle.create(suite, carol.identity(),
        GroupFixtures.capabilities(suite), Duration.ofDays(1), false, List.of(), config)
        .keyPackage();
    MlsMessage commit = insiderCommit(alice, 1, new AddProposal(carolsKey));
    assertRejected(commit, GroupRule.DUPLICATE_MEMBER);
    assertThatThrownBy(() -> bob.process(commit))
        .hasMessageContaining("an Add proposal for the signature key of leaf 2");
  }

  @Test
  void removeOfBlankLeaf_rejected() throws SealmeetException {
    assertRejected(insiderCommit(alice, 1, new RemoveProposal(3)),
        GroupRule.REMOVE_OF_BLANK_LEAF);
  }

  @Test
  void externalInitInMemberCommit_rejected() throws SealmeetException {
    assertRejected(insiderCommit(alice, 1, new ExternalInitProposal(new byte[32])),
        GroupRule.EXTERNAL_INIT_OUTSIDE_EXTERNAL_COMMIT);
  }

  @Test
  void reInitWithOtherProposals_rejected() throws SealmeetException {
    assertRejected(insiderCommit(alice, 1, new RemoveProposal(2),
        new ReInitProposal(new byte[] {1}, 1, 1, List.of())),
        GroupRule.REINIT_WITH_OTHER_PROPOSALS);
  }

  @Test
  void twoGroupContextExtensions_rejected() throws SealmeetException {
    assertRejected(insiderCommit(alice, 1, new GroupContextExtensionsProposal(List.of()),
        new GroupContextExtensionsProposal(List.of())), GroupRule.MULTIPLE_GROUP_CONTEXT_EXTENSIONS);
  }

  @Test
  void removeWithoutPath_rejected() throws SealmeetException {
    assertRejected(insiderCommit(alice, 1, new RemoveProposal(2)), GroupRule.PATH_REQUIRED);
  }

  @Test
  void emptyCommitWithoutPath_rejected() throws SealmeetException {
    assertRejected(insiderCommit(alice, 1), GroupRule.PATH_REQUIRED);
  }

  @Test
  void commitForAnotherEpoch_rejected() throws SealmeetException {
    CommitResult next = alice.commit(CommitRequest.empty());
    alice.mergePendingCommit();
    CommitResult future = alice.commit(CommitRequest.empty());
    assertRejected(future.commit(), GroupRule.WRONG_EPOCH);
    bob.merge((StagedCommit) bob.process(next.commit()));
    assertThat(bob.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
  }

  @Test
  void replayedCommit_rejected() throws SealmeetException {
    CommitResult next = alice.commit(CommitRequest.empty());
    alice.mergePendingCommit();
    bob.merge((StagedCommit) bob.process(next.commit()));
    assertRejected(next.commit(), GroupRule.WRONG_EPOCH);
  }

  @Test
  void commitFromRemovedMember_rejected() throws SealmeetException {
    CommitResult removal = alice.commit(CommitRequest.empty().remove(2));
    alice.mergePendingCommit();
    bob.merge((StagedCommit) bob.process(removal.commit()));
    carol.merge((StagedCommit) carol.process(removal.commit()));
    assertThat(carol.status()).isEqualTo(MlsGroup.Status.REMOVED);
    // Carol still holds her signature key and plays an insider who learned the membership key.
    assertRejected(insiderCommit(carol, 2), GroupRule.UNKNOWN_SENDER);
  }

  @Test
  void ownCommitEcho_rejected() throws SealmeetException {
    CommitResult own = bob.commit(CommitRequest.empty());
    assertRejected(own.commit(), GroupRule.OWN_COMMIT);
    bob.discardPendingCommit();
  }

  @Test
  @DisplayName("a commit naming an unknown proposal is rejected [SM-MLS-7]")
  void unknownProposalReference_rejected() throws SealmeetException {
    MlsMessage update = carol.proposeUpdate();
    alice.process(update);
    CommitResult byRef = alice.commit(CommitRequest.empty());
    assertRejected(byRef.commit(), GroupRule.UNKNOWN_PROPOSAL_REFERENCE);
    bob.process(update);
    bob.merge((StagedCommit) bob.process(byRef.commit()));
    alice.mergePendingCommit();
    assertThat(bob.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
  }

  @Test
  @DisplayName("an Add of a credential the validator refuses is rejected [SM-ID-1]")
  void addOfRefusedCredential_rejected() throws SealmeetException {
    GroupConfig strict = config.withCredentials((credential, key) -> !Arrays.equals(
        ((BasicCredential) credential).identity(), "mallory".getBytes(StandardCharsets.UTF_8)));
    Client b2 = Client.of(suite, "bob2", strict);
    CommitResult added = alice.commit(CommitRequest.empty().add(b2.keyPackage().keyPackage()));
    alice.mergePendingCommit();
    MlsGroup strictBob = b2.join(added.welcome().orElseThrow(), strict);
    bob.merge((StagedCommit) bob.process(added.commit()));
    Client mallory = Client.of(suite, "mallory", config);
    CommitResult addMallory =
        alice.commit(CommitRequest.empty().add(mallory.keyPackage().keyPackage()));
    GroupSnapshot before = GroupSnapshot.of(strictBob);
    assertThatThrownBy(() -> strictBob.process(addMallory.commit()))
        .isInstanceOfSatisfying(GroupRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(GroupRule.CREDENTIAL_REJECTED));
    assertThat(GroupSnapshot.of(strictBob)).isEqualTo(before);
    assertThat(bob.process(addMallory.commit())).isInstanceOf(StagedCommit.class);
  }
}
