package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.testing.Gens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of the array tree math (RFC 9420 Appendix C) for random tree sizes and nodes. */
class TreeMathProperties {

  @Test
  void parentOfChildren_isTheNode() {
    qt().withExamples(300)
        .forAll(Gens.ints(1, 20), Gens.nonNegativeInts())
        .checkAssert((depth, seed) -> {
          int leaves = 1 << depth;
          int x = seed % TreeMath.nodeWidth(leaves);
          if (!TreeMath.isLeaf(x)) {
            assertThat(TreeMath.parent(TreeMath.left(x), leaves)).isEqualTo(x);
            assertThat(TreeMath.parent(TreeMath.right(x), leaves)).isEqualTo(x);
            assertThat(TreeMath.level(TreeMath.left(x))).isEqualTo(TreeMath.level(x) - 1);
          }
        });
  }

  @Test
  void directPathAndCopath_endAtRootAndPairUp() {
    qt().withExamples(300)
        .forAll(Gens.ints(0, 20), Gens.nonNegativeInts())
        .checkAssert((depth, seed) -> {
          int leaves = 1 << depth;
          int x = TreeMath.leafToNode(seed % leaves);
          List<Integer> path = TreeMath.directPath(x, leaves);
          List<Integer> copath = TreeMath.copath(x, leaves);
          assertThat(path).hasSize(depth).hasSameSizeAs(copath);
          if (depth > 0) {
            assertThat(path.get(depth - 1)).isEqualTo(TreeMath.root(leaves));
            assertThat(TreeMath.sibling(copath.get(0), leaves)).isEqualTo(x);
          }
          for (int i = 0; i < depth; i++) {
            assertThat(TreeMath.parent(copath.get(i), leaves)).isEqualTo(path.get(i));
            assertThat(TreeMath.isInSubtree(x, path.get(i))).isTrue();
            assertThat(TreeMath.isInSubtree(x, copath.get(i))).isFalse();
          }
        });
  }

  @Test
  void commonAncestor_isLowestSharedAncestor() {
    qt().withExamples(300)
        .forAll(Gens.ints(1, 16), Gens.nonNegativeInts(), Gens.nonNegativeInts())
        .checkAssert((depth, a, b) -> {
          int leaves = 1 << depth;
          int x = a % TreeMath.nodeWidth(leaves);
          int y = b % TreeMath.nodeWidth(leaves);
          int c = TreeMath.commonAncestor(x, y);
          assertThat(TreeMath.isInSubtree(x, c)).isTrue();
          assertThat(TreeMath.isInSubtree(y, c)).isTrue();
          if (!TreeMath.isLeaf(c)) {
            boolean bothLeft = TreeMath.isInSubtree(x, TreeMath.left(c))
                && TreeMath.isInSubtree(y, TreeMath.left(c));
            boolean bothRight = TreeMath.isInSubtree(x, TreeMath.right(c))
                && TreeMath.isInSubtree(y, TreeMath.right(c));
            assertThat(bothLeft || bothRight).isFalse();
          }
        });
  }

  @Test
  void parentOfRoot_isRejected() {
    assertThatThrownBy(() -> TreeMath.parent(3, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.left(2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.root(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.parent(7, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.leafToNode(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fullLeafCount_roundsUpToPowerOfTwo() {
    assertThat(TreeMath.fullLeafCount(1)).isEqualTo(1);
    assertThat(TreeMath.fullLeafCount(3)).isEqualTo(4);
    assertThat(TreeMath.fullLeafCount(4)).isEqualTo(4);
    assertThat(TreeMath.fullLeafCount(33)).isEqualTo(64);
  }
}
