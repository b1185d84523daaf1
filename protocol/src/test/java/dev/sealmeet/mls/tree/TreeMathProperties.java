package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the array tree math (RFC 9420 Appendix C) for random tree sizes and nodes. */
class TreeMathProperties {

  @Property(tries = 300)
  void parentOfChildren_isTheNode(@ForAll @IntRange(min = 1, max = 20) int depth,
      @ForAll @IntRange(min = 0) int seed) {
    int leaves = 1 << depth;
    int x = seed % TreeMath.nodeWidth(leaves);
    if (!TreeMath.isLeaf(x)) {
      assertThat(TreeMath.parent(TreeMath.left(x), leaves)).isEqualTo(x);
      assertThat(TreeMath.parent(TreeMath.right(x), leaves)).isEqualTo(x);
      assertThat(TreeMath.level(TreeMath.left(x))).isEqualTo(TreeMath.level(x) - 1);
    }
  }

  @Property(tries = 300)
  void directPathAndCopath_endAtRootAndPairUp(@ForAll @IntRange(min = 0, max = 20) int depth,
      @ForAll @IntRange(min = 0) int seed) {
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
  }

  @Property(tries = 300)
  void commonAncestor_isLowestSharedAncestor(@ForAll @IntRange(min = 1, max = 16) int depth,
      @ForAll @IntRange(min = 0) int a, @ForAll @IntRange(min = 0) int b) {
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
  }

  @Example
  void parentOfRoot_isRejected() {
    assertThatThrownBy(() -> TreeMath.parent(3, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.left(2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.root(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.parent(7, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TreeMath.leafToNode(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void fullLeafCount_roundsUpToPowerOfTwo() {
    assertThat(TreeMath.fullLeafCount(1)).isEqualTo(1);
    assertThat(TreeMath.fullLeafCount(3)).isEqualTo(4);
    assertThat(TreeMath.fullLeafCount(4)).isEqualTo(4);
    assertThat(TreeMath.fullLeafCount(33)).isEqualTo(64);
  }
}
