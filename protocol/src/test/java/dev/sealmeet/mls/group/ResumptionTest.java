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

    SigningIdentity a2 = SigningIdentity.generate(next, alice.identity().credential());
    SigningIdentity b2 = SigningIdentity.generate(next, bob.identity().credential());
    SigningIdentity c2 = SigningIdentity.generate(next, carol.identity().credential());
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
    SigningIdentity a1 = alice.identity();
    KeyPackageBundle bobNew = keyPackage(suite, bob.identity(), config);
    ResumedGroup branch = alice.branch(new byte[] {7, 7}, keyPackage(suite, a1, config), a1,
        List.of(bobNew.keyPackage()), List.of(), config);
    MlsGroup bobBranch = bob.joinResumed(branch.welcome().orElseThrow(), bobNew, bob.identity(),
        Optional.empty(), config);
    assertThat(bobBranch.epochAuthenticator()).isEqualTo(branch.group().epochAuthenticator());
    assertThat(bobBranch.members()).hasSize(2);

    Client dave = Client.of(suite, "dave", config);
    KeyPackage daveKp = dave.keyPackage().keyPackage();
    // Bob checks the branch: dave is no member of the old group.
    KeyPackageBundle bob3 = keyPackage(suite, bob.identity(), config);
    ResumedGroup withDave = alice.branch(new byte[] {9}, keyPackage(suite, a1, config), a1,
        List.of(bob3.keyPackage(), daveKp), List.of(), config);
    assertThatThrownBy(() -> bob.joinResumed(withDave.welcome().orElseThrow(), bob3,
        bob.identity(), Optional.empty(), config))
        .isInstanceOfSatisfying(GroupRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(GroupRule.INVALID_BRANCH));
  }
}
