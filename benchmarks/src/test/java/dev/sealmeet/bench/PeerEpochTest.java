package dev.sealmeet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.mls.protocol.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A BouncyCastle peer on a lived-in 10-member Sealmeet tree, as the group benchmarks set it up:
 * it joins by Welcome, its commits verify at leaf 0, and it reaches leaf 0's epoch when it
 * processes leaf 0's commits (the same {@code epoch_authenticator}, RFC 9420 §8.7).
 */
class PeerEpochTest extends OwnFixtureCache {
  private static final int MEMBERS = 10;


  private static final class Seated {
    final BcGroupFixture bc = new BcGroupFixture();
    final SealmeetGroupFixture fixture = new SealmeetGroupFixture();
    final PeerEpoch epoch;
    final Group peer;

    Seated(String tree) throws Exception {
      BcGroupFixture.Client client = bc.newClient("peer");
      epoch = PeerEpoch.open(fixture, MEMBERS, tree, BcGroupFixture.keyPackageBytes(client));
      peer = bc.join(client, epoch.welcome);
    }
  }

  @ParameterizedTest(name = "tree {0}")
  @ValueSource(strings = {"realistic", "half"})
  void bcPeer_joinsLivedInTree_inLeafZerosEpoch(String tree) throws Exception {
    Seated s = new Seated(tree);
    assertThat(s.peer.getEpoch()).isEqualTo(s.epoch.viewpoint.epoch());
    assertThat(s.peer.getIndex().value()).isEqualTo(MEMBERS);
    s.epoch.checkJoined(s.peer.getEpochAuthenticator());
    s.epoch.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"add", "remove", "update"})
  void bcPeerCommit_verifiesAtLeafZero_sameNextEpoch(String op) throws Exception {
    Seated s = new Seated("realistic");
    Group.GroupWithMessage made = s.bc.commit(s.peer,
        BcGroupFixture.proposals(op, s.bc.newClient("joiner"), 1), !"add".equals(op), 0);
    s.epoch.checkPeerCommit(BcGroupFixture.commitBytes(made.message),
        made.group.getEpochAuthenticator());
    assertThat(s.epoch.viewpoint.epoch()).isEqualTo(made.group.getEpoch());
    s.epoch.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"add", "remove", "update"})
  void leafZerosCommit_processedByBcPeer_sameNextEpoch(String op) throws Exception {
    Seated s = new Seated("realistic");
    byte[] commit = s.epoch.viewpoint.commit(
        SealmeetGroupFixture.request(op, s.fixture.newClient("joiner"), 1, 1)).commit().toBytes();
    Group next = s.peer.handle(commit, null);
    // the same state handles it again: what the timed loop repeats
    assertThat(s.peer.handle(commit, null).getEpochAuthenticator())
        .isEqualTo(next.getEpochAuthenticator());
    s.epoch.checkProcessedByPeer(next.getEpochAuthenticator());
    s.epoch.close();
  }

  @Test
  void checks_reject_anotherEpochsAuthenticator() throws Exception {
    Seated s = new Seated("realistic");
    byte[] wrong = s.peer.getEpochAuthenticator().clone();
    wrong[0] ^= 1;
    assertThatThrownBy(() -> s.epoch.checkJoined(wrong))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("epoch_authenticator");
    byte[] commit = s.epoch.viewpoint.commit(
        SealmeetGroupFixture.request("update", s.fixture.newClient("joiner"), 1, 1))
        .commit().toBytes();
    // the peer's current epoch, not the one the commit makes
    assertThatThrownBy(() -> s.epoch.checkProcessedByPeer(s.peer.getEpochAuthenticator()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(commit).isNotEmpty();
    s.epoch.close();
  }
}
