package dev.sealmeet.mls.group;

import static dev.sealmeet.mls.group.HostileCommits.commitOf;
import static dev.sealmeet.mls.group.HostileCommits.flipped;
import static dev.sealmeet.mls.group.HostileCommits.signedBy;
import static dev.sealmeet.mls.group.HostileCommits.zeroTag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.ExternalInitProposal;
import dev.sealmeet.mls.message.HpkeCiphertext;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.message.UpdatePathNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every receiver judges a commit on the same evidence before any verdict, the member it removes
 * included (RFC 9420 §12.4.2), and an external commit removes nobody but the joiner's earlier self
 * (§12.2, §12.4.3.2). Alice (leaf 0), Bob (leaf 1) and Carol (leaf 2) share epoch 1.
 */
class CommitVerdictTest {
  private final MlsSuite suite = GroupFixtures.suite(1);
  private final GroupConfig config = GroupConfig.defaults();
  private final MlsGroup alice;
  private final MlsGroup bob;
  private final MlsGroup carol;

  CommitVerdictTest() throws SealmeetException {
    List<MlsGroup> members = GroupFixtures.members(suite, config, "alice", "bob", "carol");
    alice = members.get(0);
    bob = members.get(1);
    carol = members.get(2);
  }

  @Test
  @DisplayName("[SM-MLS-8] the member a commit removes rejects a path leaf with a broken signature, as the others do")
  void removedMemberRejectsAPathLeafWithABrokenSignature() throws SealmeetException {
    UpdatePath path = removeBobPath();
    LeafNode leaf = path.leafNode();
    LeafNode forged = new LeafNode(leaf.encryptionKey(), leaf.signatureKey(), leaf.credential(),
        leaf.capabilities(), leaf.source(), leaf.lifetime(), leaf.parentHash(),
        leaf.extensions(), flipped(leaf.signature()));
    MlsMessage commit = removeBobWith(new UpdatePath(forged, path.nodes()));

    assertAllBreak(commit, GroupRule.INVALID_LEAF_NODE, bob, carol);
  }

  @Test
  @DisplayName("[SM-MLS-8] the member a commit removes rejects a path key already in the tree")
  void removedMemberRejectsAPathKeyAlreadyInTheTree() throws SealmeetException {
    UpdatePath path = removeBobPath();
    byte[] carolsKey = carol.ratchetTree().leaf(2).orElseThrow().encryptionKey();
    List<UpdatePathNode> nodes = new ArrayList<>(path.nodes());
    nodes.set(0, new UpdatePathNode(carolsKey, nodes.get(0).encryptedPathSecret()));
    MlsMessage commit = removeBobWith(new UpdatePath(path.leafNode(), nodes));

    assertAllBreak(commit, GroupRule.PATH_KEY_REUSED, bob, carol);
  }

  @Test
  @DisplayName("[SM-MLS-8] every receiver checks the number of path secrets of every path node")
  void removedMemberRejectsAPathWithTheWrongNumberOfPathSecrets() throws SealmeetException {
    UpdatePath path = removeBobPath();
    List<UpdatePathNode> nodes = new ArrayList<>(path.nodes());
    UpdatePathNode last = nodes.get(nodes.size() - 1);
    List<HpkeCiphertext> secrets = new ArrayList<>(last.encryptedPathSecret());
    secrets.add(secrets.get(0));
    nodes.set(nodes.size() - 1, new UpdatePathNode(last.encryptionKey(), secrets));
    MlsMessage commit = removeBobWith(new UpdatePath(path.leafNode(), nodes));

    for (MlsGroup receiver : List.of(bob, carol)) {
      assertThatThrownBy(() -> receiver.process(commit))
          .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("RFC 9420 §7.6");
    }
  }

  @Test
  @DisplayName("[SM-MLS-8] the member an external commit removes checks its ExternalInit")
  void removedMemberRejectsAnExternalInitThatDoesNotDecapsulate() throws SealmeetException {
    // An outsider claims Bob's basic credential (the default validator accepts any) with its own
    // key, resyncs him out, and sends garbage as ExternalInit with a zero confirmation tag.
    SigningIdentity impostor = SigningIdentity.generate(suite, bob.members().get(1L));
    ExternalJoinResult joined = joinExternal(impostor, config, OptionalLong.of(1));
    Commit honest = commitOf(joined.commit());
    List<ProposalOrRef> proposals = new ArrayList<>();
    for (ProposalOrRef item : honest.proposals()) {
      Proposal p = ((ProposalOrRef.ByValue) item).proposal();
      proposals.add(new ProposalOrRef.ByValue(p instanceof ExternalInitProposal
          ? new ExternalInitProposal(new byte[] {1, 2, 3}) : p));
    }
    byte[] key = impostor.privateKeyCopy();
    MlsMessage commit = HostileCommits.external(alice.context(),
        new Commit(proposals, honest.path()), key, zeroTag(alice), alice);

    for (MlsGroup receiver : List.of(alice, bob, carol)) {
      assertThatThrownBy(() -> receiver.process(commit)).isInstanceOf(SealmeetException.class);
      assertThat(receiver.status()).isEqualTo(MlsGroup.Status.ACTIVE);
    }
    joined.group().close();
  }

  @Test
  @DisplayName("[SM-MLS-8] a path that repeats one of its own public keys is rejected")
  void aPathThatRepeatsOneOfItsOwnKeysIsRejected() throws SealmeetException {
    MlsGroup creator = GroupFixtures.members(suite, config, "a", "b", "c", "d").get(0);
    UpdatePath path = commitOf(creator.commit(CommitRequest.empty()).commit()).path().orElseThrow();
    assertThat(path.nodes()).hasSize(2);
    List<UpdatePathNode> nodes = new ArrayList<>(path.nodes());
    nodes.set(1, new UpdatePathNode(nodes.get(0).encryptionKey(),
        nodes.get(1).encryptedPathSecret()));

    assertThatThrownBy(() -> UpdatePathChecks.requireFreshKeys(creator.ratchetTree(),
        new UpdatePath(path.leafNode(), nodes)))
        .isInstanceOfSatisfying(GroupRuleException.class, e -> assertThat(e.rule())
            .isEqualTo(GroupRule.PATH_KEY_REUSED));
    UpdatePathChecks.requireFreshKeys(creator.ratchetTree(), path);
  }

  @Test
  @DisplayName("[SM-MLS-9] an external commit may not remove another client")
  void anExternalCommitMayNotRemoveSomeoneElse() throws SealmeetException {
    // Mallory's own client is lenient; the group's validator is the default one.
    CredentialValidator lenient = new CredentialValidator() {
      @Override
      public boolean accepts(Credential credential, byte[] signatureKey) {
        return true;
      }

      @Override
      public boolean acceptsReplacement(Credential current, Credential replacement, byte[] key) {
        return true;
      }
    };
    ExternalJoinResult mallory = joinExternal(identity("mallory"),
        config.withCredentials(lenient), OptionalLong.of(2));

    assertAllBreak(mallory.commit(), GroupRule.CREDENTIAL_REJECTED, alice, bob, carol);
  }

  @Test
  @DisplayName("[SM-MLS-9] a joiner does not build an external commit that removes another client")
  void theJoinerRefusesToRemoveSomeoneElseItself() {
    assertThatThrownBy(() -> joinExternal(identity("mallory"), config, OptionalLong.of(2)))
        .isInstanceOfSatisfying(GroupRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(GroupRule.CREDENTIAL_REJECTED));
  }

  @Test
  @DisplayName("[SM-MLS-9] a resync of the same client is accepted by every member, the old self included")
  void aResyncOfTheSameClientIsAcceptedByEveryone() throws SealmeetException {
    SigningIdentity newBob = SigningIdentity.generate(suite, bob.members().get(1L));
    ExternalJoinResult joined = joinExternal(newBob, config, OptionalLong.of(1));

    StagedCommit atAlice = (StagedCommit) alice.process(joined.commit());
    StagedCommit atCarol = (StagedCommit) carol.process(joined.commit());
    StagedCommit atBob = (StagedCommit) bob.process(joined.commit());
    assertThat(atBob.removesSelf()).isTrue();
    alice.merge(atAlice);
    carol.merge(atCarol);
    bob.merge(atBob);

    assertThat(alice.epochAuthenticator()).isEqualTo(carol.epochAuthenticator())
        .isEqualTo(joined.group().epochAuthenticator());
    assertThat(bob.status()).isEqualTo(MlsGroup.Status.REMOVED);
  }

  @Test
  @DisplayName("[SM-MLS-9] a group that refuses resync rejects every external commit with a Remove")
  void aGroupThatRefusesResyncRejectsEvenTheSameClient() throws SealmeetException {
    SigningIdentity newBob = SigningIdentity.generate(suite, bob.members().get(1L));
    ExternalJoinResult joined = joinExternal(newBob, config, OptionalLong.of(1));
    GroupConfig strict = config.withResyncAllowed(false);
    List<MlsGroup> strictMembers = new ArrayList<>();
    for (MlsGroup member : List.of(alice, bob, carol)) {
      strictMembers.add(MlsGroup.fromBytes(member.toBytes(), member.identity(), new PskStore(),
          strict));
    }

    assertAllBreak(joined.commit(), GroupRule.RESYNC_REFUSED,
        strictMembers.toArray(new MlsGroup[0]));
    assertThatThrownBy(() -> joinExternal(SigningIdentity.generate(suite, newBob.credential()),
        strict, OptionalLong.of(1)))
        .isInstanceOfSatisfying(GroupRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(GroupRule.RESYNC_REFUSED));
  }

  @Test
  @DisplayName("[SM-MLS-10] an external joiner validates the members' credentials as a Welcome joiner does")
  void anExternalJoinerValidatesTheMembersCredentialsAsAWelcomeJoinerDoes() {
    CredentialValidator noCarol = (credential, key) -> !credential.equals(
        carol.members().get(2L));
    GroupConfig refusing = config.withCredentials(noCarol);

    assertThatThrownBy(() -> joinExternal(identity("dave"), refusing, OptionalLong.empty()))
        .isInstanceOfSatisfying(GroupRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(GroupRule.CREDENTIAL_REJECTED));
  }

  private UpdatePath removeBobPath() throws SealmeetException {
    CommitResult honest = alice.commit(CommitRequest.empty().remove(1));
    alice.discardPendingCommit();
    return commitOf(honest.commit()).path().orElseThrow();
  }

  /** Alice's commit removing Bob, with {@code path}, signed by her, with a zero tag. */
  private MlsMessage removeBobWith(UpdatePath path) throws SealmeetException {
    CommitResult honest = alice.commit(CommitRequest.empty().remove(1));
    alice.discardPendingCommit();
    return signedBy(alice, new Commit(commitOf(honest.commit()).proposals(), Optional.of(path)),
        zeroTag(alice));
  }

  private ExternalJoinResult joinExternal(SigningIdentity identity, GroupConfig joinerConfig,
      OptionalLong resync) throws SealmeetException {
    return MlsGroup.joinExternal(alice.groupInfo(true), Optional.empty(), identity,
        GroupFixtures.capabilities(suite), resync, List.of(), new PskStore(), joinerConfig);
  }

  private SigningIdentity identity(String name) {
    return SigningIdentity.generate(suite,
        new BasicCredential(name.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every receiver rejects {@code commit} under {@code rule} and stays where it was. */
  private static void assertAllBreak(MlsMessage commit, GroupRule rule, MlsGroup... receivers) {
    for (MlsGroup receiver : receivers) {
      GroupSnapshot before = GroupSnapshot.of(receiver);
      assertThatThrownBy(() -> receiver.process(commit))
          .isInstanceOfSatisfying(GroupRuleException.class,
              e -> assertThat(e.rule()).as("leaf %d", receiver.ownLeafIndex()).isEqualTo(rule));
      assertThat(GroupSnapshot.of(receiver)).isEqualTo(before);
    }
  }
}
