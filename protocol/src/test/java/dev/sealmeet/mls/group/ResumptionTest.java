package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ReInitProposal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reinitialization into another cipher suite (RFC 9420 §11.2) and subgroup branching (§11.3),
 * linked to the old group by resumption PSKs, with the joiner's checks of §12.4.3.1.
 */
class ResumptionTest {
  private final MlsSuite suite = GroupFixtures.suite(1);
  private final GroupConfig config = GroupConfig.defaults();
  private Client a;
  private Client b;
  private Client c;
  private MlsGroup alice;
  private MlsGroup bob;
  private MlsGroup carol;

  @BeforeEach
  void setUp() throws SealmeetException {
    a = Client.of(suite, "alice", config);
    b = Client.of(suite, "bob", config);
    c = Client.of(suite, "carol", config);
    alice = GroupFixtures.create(a, config);
    CommitResult added = alice.commit(CommitRequest.empty().add(b.keyPackage().keyPackage())
        .add(c.keyPackage().keyPackage()));
    alice.mergePendingCommit();
    bob = b.join(added.welcome().orElseThrow(), config);
    carol = c.join(added.welcome().orElseThrow(), config);
  }

  private static KeyPackageBundle keyPackage(MlsSuite suite, SigningIdentity identity,
      GroupConfig config) {
    return KeyPackageBundle.create(suite, identity, GroupFixtures.capabilities(suite),
        Duration.ofDays(1), false, List.of(), config);
  }

  @Test
  void reinit_intoSuite3_everyMemberFollows() throws SealmeetException {
    MlsSuite next = GroupFixtures.suite(3);
    byte[] newGroupId = "reinitialized".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CommitResult reinit = bob.commit(CommitRequest.empty().with(
        new ReInitProposal(newGroupId, 1, next.id(), List.of())));
    bob.mergePendingCommit();
    alice.merge((StagedCommit) alice.process(reinit.commit()));
    carol.merge((StagedCommit) carol.process(reinit.commit()));
    for (MlsGroup g : List.of(alice, bob, carol)) {
      assertThat(g.status()).isEqualTo(MlsGroup.Status.REINIT_PENDING);
    }
    assertThatThrownBy(() -> alice.protect(new byte[1], new byte[0]))
        .isInstanceOf(IllegalStateException.class);

    SigningIdentity a2 = SigningIdentity.generate(next, a.identity().credential());
    SigningIdentity b2 = SigningIdentity.generate(next, b.identity().credential());
    SigningIdentity c2 = SigningIdentity.generate(next, c.identity().credential());
    KeyPackageBundle akp = keyPackage(next, a2, config);
    KeyPackageBundle ckp = keyPackage(next, c2, config);
    ResumedGroup started = bob.reinitialize(keyPackage(next, b2, config), b2,
        List.of(akp.keyPackage(), ckp.keyPackage()), config);
    MlsMessage welcome = started.welcome().orElseThrow();
    assertThatThrownBy(() -> MlsGroup.join(welcome, akp, a2, Optional.empty(), new PskStore(),
        config)).isInstanceOf(SealmeetException.class);
    MlsGroup alice2 = alice.joinResumed(welcome, akp, a2, Optional.empty(), config);
    MlsGroup carol2 = carol.joinResumed(welcome, ckp, c2, Optional.empty(), config);
    assertThat(alice2.epoch()).isEqualTo(1);
    assertThat(alice2.suite().id()).isEqualTo(3);
    assertThat(alice2.groupId()).isEqualTo(newGroupId);
    assertThat(alice2.epochAuthenticator()).isEqualTo(started.group().epochAuthenticator());
    assertThat(carol2.epochAuthenticator()).isEqualTo(started.group().epochAuthenticator());
  }

  @Test
  void branch_ofTwo_joinedByTheOther_outsiderRefused() throws SealmeetException {
    SigningIdentity a1 = a.identity();
    KeyPackageBundle bobNew = keyPackage(suite, b.identity(), config);
    ResumedGroup branch = alice.branch(new byte[] {7, 7}, keyPackage(suite, a1, config), a1,
        List.of(bobNew.keyPackage()), List.of(), config);
    MlsGroup bobBranch = bob.joinResumed(branch.welcome().orElseThrow(), bobNew, b.identity(),
        Optional.empty(), config);
    assertThat(bobBranch.epochAuthenticator()).isEqualTo(branch.group().epochAuthenticator());
    assertThat(bobBranch.members()).hasSize(2);

    Client dave = Client.of(suite, "dave", config);
    KeyPackage daveKp = dave.keyPackage().keyPackage();
    // Bob checks the branch: dave is no member of the old group.
    KeyPackageBundle bob3 = keyPackage(suite, b.identity(), config);
    ResumedGroup withDave = alice.branch(new byte[] {9}, keyPackage(suite, a1, config), a1,
        List.of(bob3.keyPackage(), daveKp), List.of(), config);
    assertThatThrownBy(() -> bob.joinResumed(withDave.welcome().orElseThrow(), bob3,
        b.identity(), Optional.empty(), config))
        .isInstanceOfSatisfying(GroupRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(GroupRule.INVALID_BRANCH));
  }
}
