package dev.sealmeet.mls.group;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * A <b>simulation aid for benchmarks and tests, never for production</b>: brings a group whose
 * parent nodes are all blank (grown by one path-less Add commit) to the shape of a group that has
 * lived a while, by having members commit once each with a path (RFC 9420 §12.4.1). Each committer
 * is a {@link SeatedMember} of the viewpoint's current epoch; the viewpoint processes and merges
 * every commit with all of §12.4.2's checks, as a real member would, so its state is a real
 * member's state.
 *
 * <p>Cost: with the commit order of {@link #order} (bit-reversed leaf indices, so each commit
 * fills the top of a subtree before any of its leaves commits), a commit's path encrypts to the
 * leaves of a blank copath subtree only while that subtree has no committer yet: about
 * N·log2(N)/2 HPKE encryptions for the whole history rather than N²/2 in leaf order.
 */
final class CommittedTree {
  private CommittedTree() {}

  /**
   * The leaves that commit, in the order they commit: leaf 0 and leaf {@code members − 1} always,
   * the latter last (so it can be kept as a second current member, see {@link #replay}); of the
   * others all if {@code fraction} is 1, else a seeded random choice of
   * {@code round(fraction · members) − 2} of them. A random choice, not every k-th leaf: every
   * other leaf would still fill every parent node, where a random half leaves blank the parents
   * whose subtrees have no committer, as a group where half the members have committed does.
   *
   * @param members the number of members (leaves 0 to {@code members − 1}, all occupied)
   * @param fraction the fraction of members that commit, in (0, 1]
   * @param seed the seed of the random choice (unused if {@code fraction} is 1)
   * @throws IllegalArgumentException if {@code members < 1} or {@code fraction} is outside (0, 1]
   */
  static List<Long> order(int members, double fraction, long seed) {
    if (members < 1 || !(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException(members + " members, fraction " + fraction);
    }
    long last = members - 1L;
    boolean[] commits = new boolean[members];
    commits[0] = true;
    commits[members - 1] = true;
    List<Integer> others = new ArrayList<>();
    for (int i = 1; i < members - 1; i++) {
      others.add(i);
    }
    int wanted = fraction == 1 ? others.size()
        : Math.max(0, Math.min(others.size(), (int) Math.round(fraction * members) - 2));
    if (wanted < others.size()) {
      Collections.shuffle(others, new Random(seed));
    }
    for (int i = 0; i < wanted; i++) {
      commits[others.get(i)] = true;
    }
    int bits = Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(1, members - 1));
    List<Long> order = new ArrayList<>();
    for (int i = 0; i < (1 << bits); i++) {
      int leaf = Integer.reverse(i) >>> (Integer.SIZE - bits);
      if (leaf < members && commits[leaf] && leaf != last) {
        order.add((long) leaf);
      }
    }
    order.add(last);
    return order;
  }

  /**
   * Has each leaf of {@code order} commit once with a path (an empty commit, forced path), in
   * order: the viewpoint's own leaf by committing itself, every other leaf seated in the
   * viewpoint's current epoch; the viewpoint decodes, processes and merges each seated commit.
   *
   * @param viewpoint an active member whose state is current; advanced one epoch per commit
   * @param identities each committing leaf's signing identity
   * @param keyPackages each committing leaf's KeyPackage, the one it was added with
   * @param order the committing leaves, each at most once, each still at its KeyPackage leaf
   * @param keep a committing leaf to keep as a second member (it merges its own commit, so it
   *     holds its path keys), or −1
   * @param config every member's configuration
   * @return the kept member's group, current with the viewpoint, or null if {@code keep} is −1
   * @throws SealmeetException if a commit fails; the viewpoint may then be partway
   */
  static MlsGroup replay(MlsGroup viewpoint, LongFunction<SigningIdentity> identities,
      LongFunction<KeyPackageBundle> keyPackages, List<Long> order, long keep, GroupConfig config)
      throws SealmeetException {
    MlsGroup kept = null;
    for (long leaf : order) {
      if (leaf == viewpoint.ownLeafIndex()) {
        viewpoint.commit(CommitRequest.empty().forcePath());
        viewpoint.mergePendingCommit();
        continue;
      }
      MlsGroup seated = SeatedMember.seat(
          viewpoint, leaf, keyPackages.apply(leaf), identities.apply(leaf), config);
      try {
        byte[] commit = seated.commit(CommitRequest.empty().forcePath()).commit().toBytes();
        viewpoint.merge((StagedCommit) viewpoint.process(MlsMessage.fromBytes(commit)));
        if (leaf == keep) {
          seated.mergePendingCommit();
          kept = seated;
        }
      } finally {
        if (seated != kept) {
          seated.close();
        }
      }
    }
    return kept;
  }
}
