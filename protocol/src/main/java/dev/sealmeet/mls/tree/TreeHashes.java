package dev.sealmeet.mls.tree;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Node;
import dev.sealmeet.mls.message.ParentNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tree hashes of RFC 9420 §7.8 and parent hashes of §7.9 for one cipher suite.
 *
 * <pre>
 * th(leaf i)   = Hash(TreeHashInput{leaf,   LeafNodeHashInput{i, optional&lt;LeafNode&gt;}})
 * th(parent P) = Hash(TreeHashInput{parent,
 *                  ParentNodeHashInput{optional&lt;ParentNode&gt;, th(L), th(R)}})
 * ph(P, S)     = Hash(ParentHashInput{P.encryption_key, P.parent_hash, original th(S)})
 * </pre>
 */
public final class TreeHashes {
  private static final int LEAF = 1;
  private static final int PARENT = 2;

  private final MlsSuite suite;

  /** Hashes with {@code suite}'s hash function. */
  public TreeHashes(MlsSuite suite) {
    this.suite = java.util.Objects.requireNonNull(suite, "suite");
  }

  /** The tree hash of the root: the {@code tree_hash} of the GroupContext (§8.1). */
  public byte[] rootHash(RatchetTree tree) {
    return treeHash(tree, tree.root());
  }

  /** The tree hash of node {@code nodeIndex} (§7.8). */
  public byte[] treeHash(RatchetTree tree, int nodeIndex) {
    synchronized (tree) {
      byte[][] cached = tree.hashes(suite.id());
      return compute(tree, nodeIndex, Set.of(), cached).clone();
    }
  }

  /**
   * The tree hash of every node, indexed by node index (§7.8). Hashes are cached in the tree (and
   * inherited by trees derived from it), so only changed subtrees are hashed again.
   */
  public byte[][] all(RatchetTree tree) {
    synchronized (tree) {
      byte[][] cached = tree.hashes(suite.id());
      compute(tree, tree.root(), Set.of(), cached);
      byte[][] out = new byte[cached.length][];
      for (int i = 0; i < cached.length; i++) {
        out[i] = cached[i].clone();
      }
      return out;
    }
  }

  /**
   * The tree hash of {@code nodeIndex} in the tree where the leaves in {@code removedLeaves} are
   * blank and dropped from every unmerged-leaves list: the "original sibling tree hash" of §7.9.
   */
  public byte[] originalTreeHash(RatchetTree tree, int nodeIndex, Set<Long> removedLeaves) {
    byte[][] out = new byte[tree.nodeWidth()][];
    return compute(tree, nodeIndex, removedLeaves, out);
  }

  /**
   * The parent hash of a parent node with copath child S (§7.9): Hash(ParentHashInput).
   *
   * @param encryptionKey the parent's HPKE public key
   * @param parentHash the parent's own {@code parent_hash} field
   * @param originalSiblingTreeHash the original tree hash of S
   */
  public byte[] parentHash(
      byte[] encryptionKey, byte[] parentHash, byte[] originalSiblingTreeHash) {
    TlsWriter w = new TlsWriter();
    w.writeOpaque(encryptionKey).writeOpaque(parentHash).writeOpaque(originalSiblingTreeHash);
    return suite.primitives().hash(w.toByteArray());
  }

  private byte[] compute(RatchetTree tree, int x, Set<Long> removed, byte[][] out) {
    if (out[x] != null) {
      return out[x];
    }
    Node node = tree.node(x).orElse(null);
    TlsWriter w = new TlsWriter();
    if (TreeMath.isLeaf(x)) {
      long leafIndex = TreeMath.nodeToLeaf(x);
      if (removed.contains(leafIndex)) {
        node = null;
      }
      w.writeUint8(LEAF).writeUint32(leafIndex);
      w.writePresence(node != null);
      if (node != null) {
        ((Node.Leaf) node).leafNode().encode(w);
      }
    } else {
      byte[] left = compute(tree, TreeMath.left(x), removed, out);
      byte[] right = compute(tree, TreeMath.right(x), removed, out);
      w.writeUint8(PARENT);
      w.writePresence(node != null);
      if (node != null) {
        ParentNode parent = ((Node.Parent) node).parentNode();
        if (!removed.isEmpty()) {
          List<Long> kept = new ArrayList<>(parent.unmergedLeaves());
          kept.removeAll(removed);
          parent = new ParentNode(parent.encryptionKey(), parent.parentHash(), kept);
        }
        parent.encode(w);
      }
      w.writeOpaque(left).writeOpaque(right);
    }
    byte[] hash = suite.primitives().hash(w.toByteArray());
    out[x] = hash;
    return hash;
  }
}
