package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random histories of adds, removes and path commits (RFC 9420 §7.4–§7.6, §12.1): after every
 * commit each member derives the committer's commit secret, the tree passes joiner validation
 * (§12.4.3.1, so parent hashes chain) and every private state matches the tree (§4 tree invariant).
 */
class TreeKemProperties {

  /**
   * Each example costs a few HPKE encryptions per member and commit, so tries stay few and a
   * falsified history gets a bounded number of shrink attempts.
   */
  @Test
  void randomHistory_keepsMembersInAgreement() {
    qt().withExamples(12)
        .withShrinkCycles(200)
        .forAll(Gens.ints(1, 5), Gens.lists(Gens.ints(0, 99), 3, 8))
        .checkAssert(Checked.of(TreeKemProperties::keepsMembersInAgreement));
  }

  private static void keepsMembersInAgreement(int initial, List<Integer> ops) throws Exception {
    TestGroup g = TestGroup.of(initial);
    TreeKem kem = new TreeKem(g.suite);
    for (int op : ops) {
      List<Long> members = g.tree.occupiedLeaves();
      long pick = members.get(op % members.size());
      if (op < 30) {
        g.add();
      } else if (op < 45 && members.size() > 1) {
        g.remove(pick);
      } else {
        TreeKem.Generated c = kem.generate(g.tree, pick, g.tree.leaf(pick).orElseThrow(),
            g.signatureKeys.get(pick), g.context(), List.of(), g.random);
        List<TreePrivateKeys> next = new ArrayList<>();
        for (long j : members) {
          if (j == pick) {
            continue;
          }
          TreeKem.Processed p = kem.decrypt(g.tree, pick, c.path(), g.privates.get(j),
              c.groupContext(), List.of());
          assertThat(p.commitSecret().equalsSecret(c.commitSecret())).isTrue();
          next.add(p.privateKeys());
        }
        assertThat(kem.merge(g.tree, pick, c.path())).isEqualTo(c.tree());
        g.tree = c.tree();
        for (TreePrivateKeys keys : next) {
          g.privates.put(keys.leafIndex(), keys);
        }
        g.privates.put(pick, c.privateKeys());
        new TreeValidator(g.suite).validate(g.tree, TestGroup.GROUP_ID,
            new TreeHashes(g.suite).rootHash(g.tree));
      }
      for (TreePrivateKeys keys : g.privates.values()) {
        keys.requireConsistentWith(g.suite, g.tree);
      }
    }
  }
}
