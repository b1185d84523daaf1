package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What an epoch keeps once it is no longer current: only the application receive keys that late
 * messages need (RFC 9420 §14, {@link GroupConfig#pastEpochs()}), both after a merge that moves on
 * and after one that removes this member (§12.4.2).
 */
class RetiredEpochKeysTest {
  private static final byte[] LATE = {7, 7, 7};

  private final GroupConfig config = GroupConfig.defaults().withEncryptHandshake(true);
  private final MlsGroup alice;
  private final MlsGroup bob;
  private final MlsGroup carol;

  RetiredEpochKeysTest() throws SealmeetException {
    List<MlsGroup> members =
        GroupFixtures.members(GroupFixtures.suite(1), config, "alice", "bob", "carol");
    alice = members.get(0);
    bob = members.get(1);
    carol = members.get(2);
  }

  @Test
  @DisplayName("[SM-MLS-11] a past epoch opens late application data and no handshake")
  void aPastEpochOpensLateApplicationDataButNoHandshake() throws SealmeetException {
    MlsMessage late = carol.protect(LATE, new byte[0]);
    MlsMessage proposal = carol.proposeUpdate();
    CommitResult next = alice.commit(CommitRequest.empty());
    alice.mergePendingCommit();
    bob.merge((StagedCommit) bob.process(next.commit()));

    EpochState past = bob.pastEpoch(1);
    assertThatThrownBy(() -> past.protection.unprotect(proposal, past.signatureKeys()))
        .isInstanceOf(ReplayException.class);
    assertThat(((ApplicationMessage) bob.process(late)).data()).isEqualTo(LATE);
  }

  @Test
  @DisplayName("[SM-MLS-11] a retired epoch survives saving and restoring")
  void aRetiredEpochSurvivesSavingAndRestoring() throws SealmeetException {
    MlsMessage late = carol.protect(LATE, new byte[0]);
    CommitResult next = alice.commit(CommitRequest.empty());
    alice.mergePendingCommit();
    bob.merge((StagedCommit) bob.process(next.commit()));

    MlsGroup restored = MlsGroup.fromBytes(bob.toBytes(), bob.identity(), new PskStore(), config);
    assertThat(restored.toBytes()).isEqualTo(bob.toBytes());
    assertThat(((ApplicationMessage) restored.process(late)).data()).isEqualTo(LATE);
  }

  @Test
  @DisplayName("[SM-MLS-11] a removed member keeps only late application keys")
  void aRemovedMemberKeepsOnlyLateApplicationKeys() throws SealmeetException {
    MlsMessage late = carol.protect(LATE, new byte[0]);
    MlsMessage proposal = carol.proposeUpdate();
    CommitResult removal = alice.commit(CommitRequest.empty().remove(1));
    StagedCommit staged = (StagedCommit) bob.process(removal.commit());
    bob.merge(staged);

    assertThat(bob.status()).isEqualTo(MlsGroup.Status.REMOVED);
    assertThatThrownBy(() -> bob.export("x", new byte[0], 16))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(bob::epochAuthenticator).isInstanceOf(IllegalStateException.class);
    assertThat(bob.currentEpoch().secrets.isDestroyed()).isTrue();
    EpochState last = bob.currentEpoch();
    assertThatThrownBy(() -> last.protection.unprotect(proposal, last.signatureKeys()))
        .isInstanceOf(ReplayException.class);
    assertThat(((ApplicationMessage) bob.process(late)).data()).isEqualTo(LATE);
  }
}
