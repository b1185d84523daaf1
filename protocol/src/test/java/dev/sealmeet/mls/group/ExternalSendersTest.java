package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.SenderType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * External senders (RFC 9420 §12.1.8.1) and new-member proposals (§12.1.8.2): a delivery service
 * listed in {@code external_senders} proposes a Remove that a member commits; a server not listed,
 * or a forged signature, is refused; a joiner's own Add request is committed.
 */
class ExternalSendersTest {
  private final MlsSuite suite = GroupFixtures.suite(1);
  private final GroupConfig config = GroupConfig.defaults();
  private final SigningIdentity server = SigningIdentity.generate(
      suite, new BasicCredential("delivery-service".getBytes(StandardCharsets.UTF_8)));
  private MlsGroup alice;
  private MlsGroup bob;
  private MlsGroup carol;

  @BeforeEach
  void setUp() throws SealmeetException {
    Client a = Client.of(suite, "alice", config);
    Client b = Client.of(suite, "bob", config);
    Client c = Client.of(suite, "carol", config);
    byte[] groupId = new byte[32];
    GroupFixtures.RANDOM.nextBytes(groupId);
    alice = MlsGroup.create(a.keyPackage(), a.identity(), groupId, List.of(
        ExternalSender.toExtension(List.of(
            new ExternalSender(server.signaturePublicKey(), server.credential())))),
        new PskStore(), config);
    CommitResult added = alice.commit(CommitRequest.empty().add(b.keyPackage().keyPackage())
        .add(c.keyPackage().keyPackage()));
    alice.mergePendingCommit();
    bob = b.join(added.welcome().orElseThrow(), config);
    carol = c.join(added.welcome().orElseThrow(), config);
  }

  @Test
  void serverRemove_committedByMember() throws SealmeetException {
    MlsMessage remove = ExternalProposals.remove(suite, alice.groupId(), alice.epoch(), 0, server,
        2);
    for (MlsGroup g : List.of(alice, bob, carol)) {
      ReceivedProposal p = (ReceivedProposal) g.process(MlsMessage.fromBytes(remove.toBytes()));
      assertThat(p.sender().senderType()).isEqualTo(SenderType.EXTERNAL);
    }
    CommitResult commit = bob.commit(CommitRequest.empty());
    bob.mergePendingCommit();
    alice.merge((StagedCommit) alice.process(commit.commit()));
    StagedCommit atCarol = (StagedCommit) carol.process(commit.commit());
    assertThat(atCarol.removesSelf()).isTrue();
    assertThat(alice.members()).containsOnlyKeys(0L, 1L);
    assertThat(alice.epochAuthenticator()).isEqualTo(bob.epochAuthenticator());
  }

  @Test
  @DisplayName("a sender not in external_senders is refused [SM-DS-6]")
  void unlistedSender_refused() {
    MlsMessage remove = ExternalProposals.remove(suite, alice.groupId(), alice.epoch(), 1, server,
        2);
    assertThatThrownBy(() -> alice.process(remove))
        .isInstanceOfSatisfying(GroupRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(GroupRule.UNKNOWN_EXTERNAL_SENDER));
  }

  @Test
  @DisplayName("a forged external sender signature is refused [SM-DS-6]")
  void forgedServerSignature_refused() {
    SigningIdentity impostor = SigningIdentity.generate(suite, server.credential());
    MlsMessage remove = ExternalProposals.remove(suite, alice.groupId(), alice.epoch(), 0,
        impostor, 2);
    assertThatThrownBy(() -> alice.process(remove)).isInstanceOf(AuthenticationException.class);
    assertThat(alice.pendingProposalCount()).isZero();
  }

  @Test
  @DisplayName("an external sender cannot propose Update [SM-DS-4]")
  void serverMayNotCommitOrUpdate() {
    assertThatThrownBy(() -> ExternalProposals.fromExternalSender(suite, alice.groupId(),
        alice.epoch(), 0, server, new dev.sealmeet.mls.message.UpdateProposal(
            alice.ratchetTree().leaf(0).orElseThrow())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newMemberJoinRequest_committed() throws SealmeetException {
    Client dave = Client.of(suite, "dave", config);
    MlsMessage request = ExternalProposals.joinRequest(suite, alice.groupId(), alice.epoch(),
        dave.identity(), dave.keyPackage().keyPackage());
    alice.process(MlsMessage.fromBytes(request.toBytes()));
    bob.process(MlsMessage.fromBytes(request.toBytes()));
    carol.process(MlsMessage.fromBytes(request.toBytes()));
    CommitResult commit = alice.commit(CommitRequest.empty());
    alice.mergePendingCommit();
    bob.merge((StagedCommit) bob.process(commit.commit()));
    MlsGroup d = dave.join(commit.welcome().orElseThrow(), config);
    assertThat(d.epochAuthenticator()).isEqualTo(bob.epochAuthenticator());
  }
}
