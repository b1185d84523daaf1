package dev.sealmeet.mls.tree;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.Node;
import dev.sealmeet.mls.message.ParentNode;
import dev.sealmeet.mls.message.RatchetTreeExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The public ratchet tree of RFC 9420 §4 and §7: a complete binary tree in array form (Appendix C)
 * whose leaves hold {@link LeafNode}s and whose parents hold {@link ParentNode}s, any of them
 * blank.
 *
 * <p>Instances are immutable; operations such as {@link #withAdd} return a new tree, so a rejected
 * change leaves the original untouched. The leaf count is always a power of two; the wire form (the
 * {@code ratchet_tree} extension, §12.4.3.3) omits trailing blank nodes.
 */
public final class RatchetTree {
  private final Node[] nodes;
  /** Tree hashes (§7.8) computed so far, for the suite {@link #hashSuite}; see {@link #hashes}. */
  private byte[][] hashes;
  private int hashSuite = -1;

  RatchetTree(Node[] nodes) {
    int leaves = (nodes.length + 1) / 2;
    if (nodes.length == 0 || Integer.bitCount(leaves) != 1 || nodes.length != 2 * leaves - 1) {
      throw new IllegalArgumentException("node array is not a full tree: " + nodes.length);
    }
    this.nodes = nodes;
  }

  /**
   * A tree derived from {@code base}: it inherits the tree hashes of every subtree whose nodes are
   * the very same objects in both trees, so a change of a few nodes costs O(changed x log n)
   * hashes instead of O(n) (nodes are immutable, so reference equality means equal content).
   */
  RatchetTree(Node[] nodes, RatchetTree base) {
    this(nodes);
    synchronized (base) {
      if (base.hashSuite < 0) {
        return;
      }
      byte[][] inherited = new byte[nodes.length][];
      int shared = Math.min(nodes.length, base.nodes.length);
      System.arraycopy(base.hashes, 0, inherited, 0, shared);
      int leaves = leafCount();
      for (int x = 0; x < nodes.length; x++) {
        boolean changed = x >= base.nodes.length || nodes[x] != base.nodes[x];
        if (changed) {
          inherited[x] = null;
          for (int p : TreeMath.directPath(x, leaves)) {
            inherited[p] = null;
          }
        }
      }
      // The root and any node whose subtree extends past the base tree cannot be inherited.
      if (nodes.length != base.nodes.length) {
        for (int p : TreeMath.directPath(0, leaves)) {
          inherited[p] = null;
        }
        inherited[root()] = null;
      }
      this.hashes = inherited;
      this.hashSuite = base.hashSuite;
    }
  }

  /**
   * The tree-hash array of this tree for suite {@code suiteId}, filled in lazily by {@link
   * TreeHashes}: entries are null until computed. Callers synchronize on this tree while they
   * read or fill it.
   */
  byte[][] hashes(int suiteId) {
    if (hashSuite != suiteId) {
      hashes = new byte[nodes.length][];
      hashSuite = suiteId;
    }
    return hashes;
  }

  /** A one-member tree holding {@code leaf} at leaf 0 (a group's creator, RFC 9420 §11). */
  public static RatchetTree ofCreator(LeafNode leaf) {
    return new RatchetTree(new Node[] {Node.leaf(leaf)});
  }

  /**
   * Decodes the {@code ratchet_tree} extension data ({@code optional<Node> ratchet_tree<V>}) and
   * pads it with blanks to a full tree (RFC 9420 §12.4.3.3).
   *
   * @throws DecodeException if the bytes are not a well-formed node list
   * @throws ProtocolException if the list is empty, ends in a blank node, or has a node of the
   *     wrong type for its position (§12.4.3.3, §7.8)
   */
  public static RatchetTree decode(byte[] extensionData) throws DecodeException, ProtocolException {
    return fromNodes(TlsReader.decodeExactly(extensionData, RatchetTreeExtension::decode).nodes());
  }

  /**
   * Builds a tree from the extension's node list (possibly truncated).
   *
   * @throws ProtocolException as for {@link #decode}
   */
  public static RatchetTree fromNodes(List<Optional<Node>> list) throws ProtocolException {
    if (list.isEmpty()) {
      throw new ProtocolException("RFC 9420 §12.4.3.3", "ratchet tree has no nodes");
    }
    if (list.size() % 2 == 0 || list.get(list.size() - 1).isEmpty()) {
      throw new ProtocolException("RFC 9420 §12.4.3.3", "ratchet tree of " + list.size()
          + " nodes must end in a non-blank leaf (odd length, last node present)");
    }
    if (list.size() > TreeMath.nodeWidth(TreeMath.MAX_LEAVES)) {
      throw new ProtocolException("RFC 9420 §12.4.3.3", "ratchet tree too large: " + list.size());
    }
    int leaves = TreeMath.fullLeafCount((list.size() + 1) / 2);
    Node[] nodes = new Node[TreeMath.nodeWidth(leaves)];
    for (int i = 0; i < list.size(); i++) {
      Node node = list.get(i).orElse(null);
      if (node != null && (node instanceof Node.Leaf) != TreeMath.isLeaf(i)) {
        throw new ProtocolException("RFC 9420 §7.8", "node " + i + " is a "
            + (TreeMath.isLeaf(i)
                ? "parent node at a leaf position"
                : "leaf node at a parent position"));
      }
      nodes[i] = node;
    }
    return new RatchetTree(nodes);
  }

  /** The node list of the {@code ratchet_tree} extension, trailing blanks omitted (§12.4.3.3). */
  public List<Optional<Node>> toNodes() {
    int last = nodes.length - 1;
    while (last > 0 && nodes[last] == null) {
      last--;
    }
    List<Optional<Node>> out = new ArrayList<>(last + 1);
    for (int i = 0; i <= last; i++) {
      out.add(Optional.ofNullable(nodes[i]));
    }
    return out;
  }

  /** The {@code ratchet_tree} extension data: {@code optional<Node> ratchet_tree<V>}. */
  public byte[] encode() {
    return new RatchetTreeExtension(toNodes()).toBytes();
  }

  /** The number of leaves, a power of two. */
  public int leafCount() {
    return (nodes.length + 1) / 2;
  }

  /** The number of nodes, {@code 2 * leafCount() - 1}. */
  public int nodeWidth() {
    return nodes.length;
  }

  /** The root node index. */
  public int root() {
    return TreeMath.root(leafCount());
  }

  /** The node at {@code nodeIndex}, empty if blank. */
  public Optional<Node> node(int nodeIndex) {
    checkNode(nodeIndex);
    return Optional.ofNullable(nodes[nodeIndex]);
  }

  /** Whether the node at {@code nodeIndex} is blank. */
  public boolean isBlank(int nodeIndex) {
    checkNode(nodeIndex);
    return nodes[nodeIndex] == null;
  }

  /** The leaf node of leaf {@code leafIndex}, empty if blank or beyond the tree. */
  public Optional<LeafNode> leaf(long leafIndex) {
    if (leafIndex < 0 || leafIndex >= leafCount()) {
      return Optional.empty();
    }
    Node node = nodes[TreeMath.leafToNode(leafIndex)];
    return node == null ? Optional.empty() : Optional.of(((Node.Leaf) node).leafNode());
  }

  /** The parent node at parent position {@code nodeIndex}, empty if blank. */
  public Optional<ParentNode> parent(int nodeIndex) {
    checkNode(nodeIndex);
    if (TreeMath.isLeaf(nodeIndex)) {
      throw new IllegalArgumentException("node " + nodeIndex + " is a leaf position");
    }
    Node node = nodes[nodeIndex];
    return node == null ? Optional.empty() : Optional.of(((Node.Parent) node).parentNode());
  }

  /** The HPKE public key held by the node, empty if blank. */
  public Optional<byte[]> encryptionKey(int nodeIndex) {
    checkNode(nodeIndex);
    Node node = nodes[nodeIndex];
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(node instanceof Node.Leaf leaf
        ? leaf.leafNode().encryptionKey()
        : ((Node.Parent) node).parentNode().encryptionKey());
  }

  /** The indices of the non-blank leaves, in order. */
  public List<Long> occupiedLeaves() {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < leafCount(); i++) {
      if (nodes[2 * i] != null) {
        out.add((long) i);
      }
    }
    return out;
  }

  /** The resolution of node {@code nodeIndex} (RFC 9420 §4.1.1), in left-to-right order. */
  public List<Integer> resolution(int nodeIndex) {
    return resolution(nodeIndex, List.of());
  }

  /**
   * The resolution of {@code nodeIndex} without the leaves in {@code excludedLeaves}, as used when
   * encrypting an UpdatePath that must skip members added by the same Commit (§7.6, §12.4.2).
   */
  public List<Integer> resolution(int nodeIndex, Collection<Long> excludedLeaves) {
    checkNode(nodeIndex);
    List<Integer> out = new ArrayList<>();
    collectResolution(nodeIndex, excludedLeaves, out);
    return out;
  }

  private void collectResolution(int x, Collection<Long> excluded, List<Integer> out) {
    Node node = nodes[x];
    if (node == null) {
      if (!TreeMath.isLeaf(x)) {
        collectResolution(TreeMath.left(x), excluded, out);
        collectResolution(TreeMath.right(x), excluded, out);
      }
      return;
    }
    if (node instanceof Node.Leaf) {
      if (!excluded.contains((long) TreeMath.nodeToLeaf(x))) {
        out.add(x);
      }
      return;
    }
    out.add(x);
    for (long unmerged : ((Node.Parent) node).parentNode().unmergedLeaves()) {
      if (!excluded.contains(unmerged) && unmerged < leafCount()) {
        out.add(TreeMath.leafToNode(unmerged));
      }
    }
  }

  /**
   * The filtered direct path of leaf {@code leafIndex} (RFC 9420 §4.1.2): its direct path without
   * the nodes whose child on the copath has an empty resolution.
   */
  public List<Integer> filteredDirectPath(long leafIndex) {
    checkLeaf(leafIndex);
    int x = TreeMath.leafToNode(leafIndex);
    List<Integer> path = TreeMath.directPath(x, leafCount());
    List<Integer> copath = TreeMath.copath(x, leafCount());
    List<Integer> out = new ArrayList<>(path.size());
    for (int i = 0; i < path.size(); i++) {
      if (!resolution(copath.get(i)).isEmpty()) {
        out.add(path.get(i));
      }
    }
    return out;
  }

  /** The copath child of each node of {@code filteredDirectPath(leafIndex)}, in the same order. */
  public List<Integer> filteredCopath(long leafIndex) {
    checkLeaf(leafIndex);
    int x = TreeMath.leafToNode(leafIndex);
    List<Integer> out = new ArrayList<>();
    for (int p : filteredDirectPath(leafIndex)) {
      int l = TreeMath.left(p);
      out.add(TreeMath.isInSubtree(x, l) ? TreeMath.right(p) : l);
    }
    return out;
  }

  /**
   * Applies an Add (RFC 9420 §12.1.1): the leftmost blank leaf, or a new one after extending the
   * tree, receives {@code leaf}; it joins the unmerged leaves of every non-blank node above it.
   */
  public Added withAdd(LeafNode leaf) {
    int leaves = leafCount();
    int target = -1;
    for (int i = 0; i < leaves; i++) {
      if (nodes[2 * i] == null) {
        target = i;
        break;
      }
    }
    Node[] next;
    if (target < 0) {
      if (leaves >= TreeMath.MAX_LEAVES) {
        throw new IllegalStateException("tree is full: " + leaves + " leaves");
      }
      next = Arrays.copyOf(nodes, TreeMath.nodeWidth(2 * leaves));
      target = leaves;
    } else {
      next = nodes.clone();
    }
    int x = TreeMath.leafToNode(target);
    for (int p : TreeMath.directPath(x, (next.length + 1) / 2)) {
      if (next[p] != null) {
        ParentNode old = ((Node.Parent) next[p]).parentNode();
        List<Long> unmerged = new ArrayList<>(old.unmergedLeaves());
        unmerged.add((long) target);
        next[p] = Node.parent(new ParentNode(old.encryptionKey(), old.parentHash(), unmerged));
      }
    }
    next[x] = Node.leaf(leaf);
    return new Added(new RatchetTree(next, this), target);
  }

  /** The result of {@link #withAdd}: the new tree and the new member's leaf index. */
  public record Added(RatchetTree tree, long leafIndex) {}

  /**
   * Applies an Update (RFC 9420 §12.1.2): replaces the sender's leaf and blanks its direct path.
   *
   * @param sender the leaf index of the Update's sender, as read from the wire
   * @throws ProtocolException (§12.1.2) if the sender's leaf is blank or outside the tree
   */
  public RatchetTree withUpdate(long sender, LeafNode leaf) throws ProtocolException {
    requireMember(sender, "RFC 9420 §12.1.2", "Update sender");
    Node[] next = nodes.clone();
    int x = TreeMath.leafToNode(sender);
    next[x] = Node.leaf(leaf);
    for (int p : TreeMath.directPath(x, leafCount())) {
      next[p] = null;
    }
    return new RatchetTree(next, this);
  }

  /**
   * Applies a Remove (RFC 9420 §12.1.3): blanks the leaf and its direct path, then truncates the
   * tree while its right half is blank.
   *
   * @param removed the leaf index named by the Remove proposal, as read from the wire
   * @throws ProtocolException (§12.1.3) if the removed leaf is blank or outside the tree
   */
  public RatchetTree withRemove(long removed) throws ProtocolException {
    requireMember(removed, "RFC 9420 §12.1.3", "Remove target");
    Node[] next = nodes.clone();
    int x = TreeMath.leafToNode(removed);
    next[x] = null;
    for (int p : TreeMath.directPath(x, leafCount())) {
      next[p] = null;
    }
    return new RatchetTree(next, this).truncated();
  }

  /** This tree without the right halves that hold only blank nodes. */
  RatchetTree truncated() {
    int leaves = leafCount();
    while (leaves > 1 && allBlank(leaves, 2 * leaves - 1)) {
      leaves /= 2;
    }
    return leaves == leafCount() ? this
        : new RatchetTree(Arrays.copyOf(nodes, TreeMath.nodeWidth(leaves)), this);
  }

  private boolean allBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (nodes[i] != null) {
        return false;
      }
    }
    return true;
  }

  /** A copy of the node array for building a modified tree inside this package. */
  Node[] copyNodes() {
    return nodes.clone();
  }

  /** For indices the caller chose: throws {@link IllegalArgumentException} if not a member. */
  void requireOccupied(long leafIndex) {
    checkLeaf(leafIndex);
    if (nodes[TreeMath.leafToNode(leafIndex)] == null) {
      throw new IllegalArgumentException("leaf " + leafIndex + " is blank");
    }
  }

  /**
   * For indices read from the wire: throws {@link ProtocolException} citing {@code section} unless
   * {@code leafIndex} is a non-blank leaf of this tree.
   */
  void requireMember(long leafIndex, String section, String role) throws ProtocolException {
    if (leafIndex < 0 || leafIndex >= leafCount()) {
      throw new ProtocolException(section, role + " leaf " + Long.toUnsignedString(leafIndex)
          + " is outside a tree of " + leafCount() + " leaves");
    }
    if (nodes[TreeMath.leafToNode(leafIndex)] == null) {
      throw new ProtocolException(section, role + " leaf " + leafIndex + " is blank");
    }
  }

  private void checkLeaf(long leafIndex) {
    if (leafIndex < 0 || leafIndex >= leafCount()) {
      throw new IllegalArgumentException(
          "leaf " + leafIndex + " outside a tree of " + leafCount() + " leaves");
    }
  }

  private void checkNode(int nodeIndex) {
    if (nodeIndex < 0 || nodeIndex >= nodes.length) {
      throw new IllegalArgumentException(
          "node " + nodeIndex + " outside a tree of " + nodes.length + " nodes");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RatchetTree t && Arrays.equals(encode(), t.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "RatchetTree[" + leafCount() + " leaves, " + occupiedLeaves().size() + " members]";
  }
}
