package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SeatedMember} and {@link CommittedTree}: a 64-member group in which members committed
 * once each with a path, built with only the viewpoint (leaf 0) processing commits.
 */
class CommittedTreeTest {
  private static final int MEMBERS = 64;
  private static final GroupConfig CONFIG = GroupConfig.defaults().withAlwaysPath(false);
  private final MlsSuite suite = GroupFixtures.suite(1);

  /** Leaf 0's group, grown by one path-less commit adding {@code clients} 1 to 63. */
  private MlsGroup grow(List<GroupFixtures.Client> clients) throws SealmeetException {
    MlsGroup creator = GroupFixtures.create(clients.get(0), CONFIG);
    CommitRequest request = CommitRequest.empty();
    for (GroupFixtures.Client c : clients.subList(1, clients.size())) {
      request = request.add(c.keyPackage().keyPackage());
    }
    creator.commit(request);
    creator.mergePendingCommit();
    return creator;
  }

  private List<GroupFixtures.Client> clients() {
    List<GroupFixtures.Client> clients = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      clients.add(GroupFixtures.Client.of(suite, "member " + i, CONFIG));
    }
    return clients;
  }

  private record Built(MlsGroup viewpoint, MlsGroup last) {}

  private Built build(double fraction) throws SealmeetException {
    List<GroupFixtures.Client> clients = clients();
    MlsGroup viewpoint = grow(clients);
    MlsGroup last = CommittedTree.replay(viewpoint,
        leaf -> clients.get((int) leaf).identity(), leaf -> clients.get((int) leaf).keyPackage(),
        CommittedTree.order(MEMBERS, fraction, 7), MEMBERS - 1, CONFIG);
    return new Built(viewpoint, last);
  }

  private static int blankParents(RatchetTree tree) {
    int blank = 0;
    for (int x = 1; x < tree.nodeWidth(); x += 2) {
      blank += tree.isBlank(x) ? 1 : 0;
    }
    return blank;
  }

  /** HPKE ciphertexts in the UpdatePath of an update commit by {@code committer}. */
  private static int pathCiphertexts(MlsGroup committer) throws SealmeetException {
    CommitResult result = committer.commit(CommitRequest.empty().forcePath());
    committer.discardPendingCommit();
    return HostileCommits.commitOf(result.commit()).path().orElseThrow().nodes().stream()
        .mapToInt(n -> n.encryptedPathSecret().size()).sum();
  }

  /** The mean over all leaves of the ciphertexts a path commit would have (§7.6 resolutions). */
  private static double meanPathCiphertexts(RatchetTree tree) {
    long total = 0;
    for (long leaf : tree.occupiedLeaves()) {
      for (int node : tree.filteredCopath(leaf)) {
        total += tree.resolution(node).size();
      }
    }
    return (double) total / tree.occupiedLeaves().size();
  }

  @Test
  void orderHasEveryLeafOnceTopOfTheTreeFirstAndTheLastLeafLast() {
    List<Long> order = CommittedTree.order(10, 1, 0);
    assertThat(order).containsExactly(0L, 8L, 4L, 2L, 6L, 1L, 5L, 3L, 7L, 9L);
    assertThat(CommittedTree.order(1, 1, 0)).containsExactly(0L);
    assertThat(CommittedTree.order(2, 0.5, 0)).containsExactly(0L, 1L);
    List<Long> half = CommittedTree.order(MEMBERS, 0.5, 7);
    assertThat(half).hasSize(MEMBERS / 2).startsWith(0L).endsWith(MEMBERS - 1L);
    assertThat(new HashSet<>(half)).hasSize(MEMBERS / 2);
    assertThat(CommittedTree.order(MEMBERS, 0.5, 7)).isEqualTo(half);
    assertThatThrownBy(() -> CommittedTree.order(4, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyMemberCommittedFillsEveryParentAndAPathEncryptsToLog2NNodes() throws Exception {
    List<GroupFixtures.Client> clients = clients();
    MlsGroup fresh = grow(clients);
    assertThat(blankParents(fresh.ratchetTree())).isEqualTo(MEMBERS - 1);
    assertThat(pathCiphertexts(fresh)).isEqualTo(MEMBERS - 1);
    fresh.close();

    Built built = build(1);
    MlsGroup viewpoint = built.viewpoint();
    assertThat(viewpoint.epoch()).isEqualTo(1 + MEMBERS);
    assertThat(blankParents(viewpoint.ratchetTree())).isZero();
    assertThat(meanPathCiphertexts(viewpoint.ratchetTree())).isEqualTo(6.0);
    assertThat(pathCiphertexts(viewpoint)).isEqualTo(6);
    assertThat(pathCiphertexts(built.last())).isEqualTo(6);
  }

  @Test
  void theKeptMemberIsCurrentAndProcessesTheViewpointsCommit() throws Exception {
    Built built = build(1);
    MlsGroup viewpoint = built.viewpoint();
    MlsGroup last = built.last();
    assertThat(last.ownLeafIndex()).isEqualTo(MEMBERS - 1);
    assertThat(last.epochAuthenticator()).isEqualTo(viewpoint.epochAuthenticator());
    // Leaf 63 decrypts the path secret at the root, which only its own commit's path gave it.
    CommitResult commit = viewpoint.commit(CommitRequest.empty().forcePath());
    viewpoint.mergePendingCommit();
    last.merge((StagedCommit) last.process(MlsMessage.fromBytes(commit.commit().toBytes())));
    GroupFixtures.assertAgree(List.of(viewpoint, last));
  }

  @Test
  void theViewpointsStateRoundTripsThroughBytes() throws Exception {
    Built built = build(1);
    MlsGroup viewpoint = built.viewpoint();
    byte[] saved = viewpoint.toBytes();
    MlsGroup restored = MlsGroup.fromBytes(saved, viewpoint.identity(), new PskStore(), CONFIG);
    assertThat(restored.ratchetTree()).isEqualTo(viewpoint.ratchetTree());
    assertThat(restored.epochAuthenticator()).isEqualTo(viewpoint.epochAuthenticator());
    CommitResult commit = built.last().commit(CommitRequest.empty().forcePath());
    restored.merge((StagedCommit) restored.process(commit.commit()));
    assertThat(restored.epoch()).isEqualTo(viewpoint.epoch() + 1);
    assertThat(blankParents(restored.ratchetTree())).isZero();
  }

  @Test
  void halfTheMembersCommittedLeavesBlankParentsAndLongerPaths() throws Exception {
    Built built = build(0.5);
    MlsGroup viewpoint = built.viewpoint();
    assertThat(viewpoint.epoch()).isEqualTo(1 + MEMBERS / 2);
    assertThat(blankParents(viewpoint.ratchetTree())).isPositive();
    // Leaf 0's own copath may have missed the blanks; over all leaves they show.
    double mean = meanPathCiphertexts(viewpoint.ratchetTree());
    assertThat(mean).isGreaterThan(6).isLessThan(MEMBERS - 1);
    assertThat(pathCiphertexts(viewpoint)).isBetween(6, MEMBERS - 1);
  }

  @Test
  void aSeatMustBeTheKeyPackagesLeafAndNotTheViewpoint() throws Exception {
    List<GroupFixtures.Client> clients = clients();
    MlsGroup viewpoint = grow(clients);
    GroupFixtures.Client two = clients.get(2);
    assertThatThrownBy(() -> SeatedMember.seat(viewpoint, 3, two.keyPackage(), two.identity(),
        CONFIG)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SeatedMember.seat(viewpoint, 0, clients.get(0).keyPackage(),
        clients.get(0).identity(), CONFIG)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SeatedMember.seat(viewpoint, 2, two.keyPackage(),
        clients.get(3).identity(), CONFIG)).isInstanceOf(IllegalArgumentException.class);
    MlsGroup seated = SeatedMember.seat(viewpoint, 2, two.keyPackage(), two.identity(), CONFIG);
    assertThat(seated.epochAuthenticator()).isEqualTo(viewpoint.epochAuthenticator());
    assertThat(seated.ownLeafIndex()).isEqualTo(2);
  }
}
