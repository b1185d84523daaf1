package dev.sealmeet.mls.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Array-based tree math of RFC 9420 Appendix C for the complete binary trees MLS uses (§4.1, §7.1):
 * leaves sit at even node indices, parents at odd ones, and a tree of {@code n} leaves ({@code n} a
 * power of two) has {@code 2n - 1} nodes.
 *
 * <p>Node and leaf indices are {@code int}: a tree holds at most {@link #MAX_LEAVES} leaves, so
 * every node index fits. Arguments out of range throw {@link IllegalArgumentException}.
 */
public final class TreeMath {
  /** The largest leaf count supported, so that every node index fits in an {@code int}. */
  public static final int MAX_LEAVES = 1 << 30;

  private TreeMath() {}

  /** The level of node {@code x}: 0 for leaves, the number of trailing one bits otherwise. */
  public static int level(int x) {
    requireNonNegative(x, "node index");
    return Integer.numberOfTrailingZeros(~x);
  }

  /** Whether {@code x} is a leaf (even) node index. */
  public static boolean isLeaf(int x) {
    requireNonNegative(x, "node index");
    return (x & 1) == 0;
  }

  /** The number of nodes of a tree with {@code leafCount} leaves: {@code 2 * leafCount - 1}. */
  public static int nodeWidth(int leafCount) {
    requireLeafCount(leafCount);
    return 2 * leafCount - 1;
  }

  /** The root node index of a tree with {@code leafCount} leaves. */
  public static int root(int leafCount) {
    requireLeafCount(leafCount);
    return leafCount - 1;
  }

  /** The left child of parent node {@code x}. */
  public static int left(int x) {
    int k = requireParent(x);
    return x ^ (1 << (k - 1));
  }

  /** The right child of parent node {@code x}. */
  public static int right(int x) {
    int k = requireParent(x);
    return x ^ (3 << (k - 1));
  }

  /**
   * The parent of node {@code x} in a tree of {@code leafCount} leaves; {@code x} must not be the
   * root.
   */
  public static int parent(int x, int leafCount) {
    requireNode(x, leafCount);
    if (x == root(leafCount)) {
      throw new IllegalArgumentException("the root " + x + " has no parent");
    }
    int k = level(x);
    int b = (x >> (k + 1)) & 1;
    return (x | (1 << k)) ^ (b << (k + 1));
  }

  /** The other child of {@code x}'s parent; {@code x} must not be the root. */
  public static int sibling(int x, int leafCount) {
    int p = parent(x, leafCount);
    return x < p ? right(p) : left(p);
  }

  /**
   * The parents of {@code x} from its parent up to the root (RFC 9420 §4.1.2); empty for the root.
   */
  public static List<Integer> directPath(int x, int leafCount) {
    requireNode(x, leafCount);
    int r = root(leafCount);
    List<Integer> path = new ArrayList<>();
    int node = x;
    while (node != r) {
      node = parent(node, leafCount);
      path.add(node);
    }
    return path;
  }

  /** The siblings of {@code x} and of each node of its direct path except the root (§4.1.2). */
  public static List<Integer> copath(int x, int leafCount) {
    requireNode(x, leafCount);
    int r = root(leafCount);
    List<Integer> path = new ArrayList<>();
    int node = x;
    while (node != r) {
      path.add(sibling(node, leafCount));
      node = parent(node, leafCount);
    }
    return path;
  }

  /** The lowest common ancestor of {@code x} and {@code y} (a node is its own ancestor). */
  public static int commonAncestor(int x, int y) {
    requireNonNegative(x, "node index");
    requireNonNegative(y, "node index");
    int lx = level(x) + 1;
    int ly = level(y) + 1;
    if (lx <= ly && x >>> ly == y >>> ly) {
      return y;
    }
    if (ly <= lx && x >>> lx == y >>> lx) {
      return x;
    }
    int xn = x;
    int yn = y;
    int k = 0;
    while (xn != yn) {
      xn >>>= 1;
      yn >>>= 1;
      k++;
    }
    return (xn << k) + (1 << (k - 1)) - 1;
  }

  /** Whether {@code ancestor} is {@code node} or lies above it. */
  public static boolean isInSubtree(int node, int ancestor) {
    requireNonNegative(node, "node index");
    requireNonNegative(ancestor, "node index");
    int k = level(ancestor);
    return level(node) <= k && (node >>> (k + 1)) == (ancestor >>> (k + 1));
  }

  /** The node index of leaf {@code leafIndex}: {@code 2 * leafIndex}. */
  public static int leafToNode(long leafIndex) {
    if (leafIndex < 0 || leafIndex >= MAX_LEAVES) {
      throw new IllegalArgumentException("leaf index out of range: " + leafIndex);
    }
    return (int) (2 * leafIndex);
  }

  /** The leaf index of leaf node {@code x}: {@code x / 2}. */
  public static int nodeToLeaf(int x) {
    if (!isLeaf(x)) {
      throw new IllegalArgumentException("node " + x + " is not a leaf");
    }
    return x >>> 1;
  }

  /** The smallest power of two that is at least {@code n} (n ≥ 1). */
  static int fullLeafCount(int n) {
    if (n < 1 || n > MAX_LEAVES) {
      throw new IllegalArgumentException("leaf count out of range: " + n);
    }
    return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }

  private static void requireNonNegative(int x, String what) {
    if (x < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + x);
    }
  }

  private static void requireLeafCount(int leafCount) {
    if (leafCount < 1 || leafCount > MAX_LEAVES || Integer.bitCount(leafCount) != 1) {
      throw new IllegalArgumentException(
          "leaf count must be a power of two in [1, 2^30]: " + leafCount);
    }
  }

  private static void requireNode(int x, int leafCount) {
    requireNonNegative(x, "node index");
    if (x >= nodeWidth(leafCount)) {
      throw new IllegalArgumentException(
          "node " + x + " outside a tree of " + leafCount + " leaves");
    }
  }

  private static int requireParent(int x) {
    int k = level(x);
    if (k == 0) {
      throw new IllegalArgumentException("leaf " + x + " has no children");
    }
    return k;
  }
}
