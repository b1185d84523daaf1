package dev.sealmeet.mls.tree;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Node;
import dev.sealmeet.mls.message.ParentNode;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a ratchet tree as a joiner must (RFC 9420 §12.4.3.1): tree hash, parent hashes
 * (§7.9.2), leaf nodes (§7.3), unmerged leaves and key uniqueness. Each failure is a {@link
 * ProtocolException} naming the rule's section.
 *
 * <p>Lifetimes are not checked against the clock: §7.3 only recommends it for received trees, and
 * the caller owns the notion of time.
 */
public final class TreeValidator {
  /** The leaf signature label of RFC 9420 §7.2. */
  public static final String LEAF_NODE_LABEL = "LeafNodeTBS";

  private final MlsSuite suite;
  private final TreeHashes hashes;

  /** A validator for trees of {@code suite}. */
  public TreeValidator(MlsSuite suite) {
    this.suite = java.util.Objects.requireNonNull(suite, "suite");
    this.hashes = new TreeHashes(suite);
  }

  /**
   * Runs every check of §12.4.3.1 on {@code tree}: tree hash, leaf nodes, unmerged leaves, key
   * uniqueness, then parent hashes (the costliest, and the least specific diagnosis, last).
   *
   * @param groupId the group id, context of the leaf signatures
   * @param expectedTreeHash the {@code tree_hash} of the GroupInfo's GroupContext
   * @throws ProtocolException naming the first violated rule
   */
  public void validate(RatchetTree tree, byte[] groupId, byte[] expectedTreeHash)
      throws ProtocolException {
    if (!MessageDigest.isEqual(hashes.rootHash(tree), expectedTreeHash)) {
      throw new ProtocolException("RFC 9420 §12.4.3.1",
          "tree hash of the ratchet tree does not match the GroupContext tree_hash");
    }
    verifyLeafNodes(tree, groupId);
    verifyUnmergedLeaves(tree);
    verifyKeyUniqueness(tree);
    verifyParentHashes(tree);
  }

  /**
   * Verifies that every non-blank parent node is parent-hash valid (§7.9.2), top down: exactly one
   * descendant D per parent P carries P's parent hash with P's unmerged leaves matching.
   *
   * @throws ProtocolException (§7.9.2) naming the first parent node that is not covered
   */
  public void verifyParentHashes(RatchetTree tree) throws ProtocolException {
    byte[][] treeHashes = hashes.all(tree);
    for (int p = 1; p < tree.nodeWidth(); p += 2) {
      Optional<ParentNode> parent = tree.parent(p);
      if (parent.isEmpty()) {
        continue;
      }
      int matches = matchesBelow(tree, treeHashes, p, parent.get(), TreeMath.left(p),
          TreeMath.right(p)) + matchesBelow(tree, treeHashes, p, parent.get(), TreeMath.right(p),
          TreeMath.left(p));
      if (matches != 1) {
        throw new ProtocolException("RFC 9420 §7.9.2", "parent node " + p
            + " is not parent-hash valid: " + matches + " descendants chain to it, expected 1");
      }
    }
  }

  private int matchesBelow(RatchetTree tree, byte[][] treeHashes, int p, ParentNode parent, int c,
      int s) {
    Set<Long> unmerged = new HashSet<>(parent.unmergedLeaves());
    Set<Integer> unmergedInC = new HashSet<>();
    boolean touchesS = false;
    for (long u : unmerged) {
      if (u >= tree.leafCount()) {
        continue;
      }
      int x = TreeMath.leafToNode(u);
      if (TreeMath.isInSubtree(x, c)) {
        unmergedInC.add(x);
      } else if (TreeMath.isInSubtree(x, s)) {
        touchesS = true;
      }
    }
    byte[] siblingHash = touchesS ? hashes.originalTreeHash(tree, s, unmerged) : treeHashes[s];
    byte[] expected = hashes.parentHash(parent.encryptionKey(), parent.parentHash(), siblingHash);
    List<Integer> resolution = tree.resolution(c);
    int matches = 0;
    for (int d : resolution) {
      Optional<Node> node = tree.node(d);
      if (node.isEmpty()) {
        // A blank unmerged leaf (rejected by verifyUnmergedLeaves) cannot carry a parent hash.
        continue;
      }
      Optional<byte[]> field = parentHashField(node.get());
      if (field.isEmpty() || !MessageDigest.isEqual(field.get(), expected)) {
        continue;
      }
      Set<Integer> rest = new HashSet<>(resolution);
      rest.remove(d);
      if (rest.equals(unmergedInC)) {
        matches++;
      }
    }
    return matches;
  }

  private static Optional<byte[]> parentHashField(Node node) {
    if (node instanceof Node.Parent parent) {
      return Optional.of(parent.parentNode().parentHash());
    }
    LeafNode leaf = ((Node.Leaf) node).leafNode();
    return leaf.source() == LeafNodeSource.COMMIT ? leaf.parentHash() : Optional.empty();
  }

  /**
   * Verifies every non-blank leaf (§7.3): its signature over LeafNodeTBS, its extensions listed in
   * its capabilities, and its credential type supported by every member.
   *
   * @throws ProtocolException (§7.3) naming the first bad leaf
   */
  public void verifyLeafNodes(RatchetTree tree, byte[] groupId) throws ProtocolException {
    List<Long> members = tree.occupiedLeaves();
    long badSignature = firstBadSignature(tree, groupId, members);
    if (badSignature >= 0) {
      throw new ProtocolException("RFC 9420 §7.3",
          "signature of leaf " + badSignature + " does not verify");
    }
    Set<Integer> usedTypes = new java.util.TreeSet<>();
    for (long i : members) {
      LeafNode leaf = tree.leaf(i).orElseThrow();
      for (Extension e : leaf.extensions()) {
        int type = e.extensionType();
        if (type > 5 && !leaf.capabilities().extensions().contains(type)) {
          throw new ProtocolException("RFC 9420 §7.3", "leaf " + i + " carries extension " + type
              + " that its capabilities do not list");
        }
      }
      usedTypes.add(leaf.credential().credentialType());
    }
    // Every credential type in use must be supported by every member: O(members x types).
    for (long j : members) {
      List<Integer> supported = tree.leaf(j).orElseThrow().capabilities().credentials();
      for (int type : usedTypes) {
        if (!supported.contains(type)) {
          long user = firstLeafWithCredentialType(tree, members, type);
          throw new ProtocolException("RFC 9420 §7.3", "credential type " + type
              + " of leaf " + user + " is not supported by leaf " + j);
        }
      }
    }
  }

  /**
   * The lowest leaf whose signature does not verify, or -1. The signatures are independent, so
   * they are checked in parallel on the common pool (the costliest step of a join, §12.4.3.1).
   */
  private long firstBadSignature(RatchetTree tree, byte[] groupId, List<Long> members) {
    return members.parallelStream()
        .filter(i -> !leafSignatureValid(tree.leaf(i).orElseThrow(), groupId, i))
        .mapToLong(Long::longValue)
        .min()
        .orElse(-1);
  }

  private static long firstLeafWithCredentialType(RatchetTree tree, List<Long> members,
      int type) {
    for (long i : members) {
      if (tree.leaf(i).orElseThrow().credential().credentialType() == type) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code leaf}'s signature verifies as leaf {@code leafIndex} of group {@code groupId}.
   */
  public boolean leafSignatureValid(LeafNode leaf, byte[] groupId, long leafIndex) {
    return suite.verifyWithLabel(leaf.signatureKey(), LEAF_NODE_LABEL,
        leaf.toBeSigned(groupId, leafIndex), leaf.signature());
  }

  /**
   * Verifies the unmerged leaves of every parent (§12.4.3.1, §7.9.2): each names a non-blank
   * descendant leaf, listed also by every non-blank node between that leaf and the parent.
   *
   * @throws ProtocolException (§12.4.3.1) naming the first inconsistency
   */
  public void verifyUnmergedLeaves(RatchetTree tree) throws ProtocolException {
    for (int p = 1; p < tree.nodeWidth(); p += 2) {
      Optional<ParentNode> parent = tree.parent(p);
      if (parent.isEmpty()) {
        continue;
      }
      for (long u : parent.get().unmergedLeaves()) {
        if (u >= tree.leafCount() || tree.leaf(u).isEmpty()) {
          throw new ProtocolException("RFC 9420 §12.4.3.1",
              "parent node " + p + " lists unmerged leaf " + u + " which is blank or absent");
        }
        int x = TreeMath.leafToNode(u);
        if (x == p || !TreeMath.isInSubtree(x, p)) {
          throw new ProtocolException("RFC 9420 §12.4.3.1",
              "parent node " + p + " lists unmerged leaf " + u + " which is not its descendant");
        }
        for (int q : TreeMath.directPath(x, tree.leafCount())) {
          if (q == p) {
            break;
          }
          Optional<ParentNode> between = tree.parent(q);
          if (between.isPresent() && !between.get().unmergedLeaves().contains(u)) {
            throw new ProtocolException("RFC 9420 §12.4.3.1", "unmerged leaf " + u + " of parent "
                + p + " is missing from the unmerged leaves of node " + q + " below it");
          }
        }
      }
    }
  }

  /**
   * Verifies that no HPKE encryption key appears in two nodes (§12.4.3.1, §7.3) and no signature
   * key in two leaves (§7.3).
   *
   * @throws ProtocolException naming the two nodes
   */
  public void verifyKeyUniqueness(RatchetTree tree) throws ProtocolException {
    Map<ByteBuffer, Integer> encryptionKeys = new HashMap<>();
    Map<ByteBuffer, Long> signatureKeys = new HashMap<>();
    for (int x = 0; x < tree.nodeWidth(); x++) {
      Optional<byte[]> key = tree.encryptionKey(x);
      if (key.isEmpty()) {
        continue;
      }
      Integer earlier = encryptionKeys.putIfAbsent(ByteBuffer.wrap(key.get()), x);
      if (earlier != null) {
        throw new ProtocolException(TreeMath.isLeaf(x) ? "RFC 9420 §7.3" : "RFC 9420 §12.4.3.1",
            "nodes " + earlier + " and " + x + " share an encryption key");
      }
      if (TreeMath.isLeaf(x)) {
        long leaf = TreeMath.nodeToLeaf(x);
        byte[] sig = tree.leaf(leaf).orElseThrow().signatureKey();
        Long other = signatureKeys.putIfAbsent(ByteBuffer.wrap(sig), leaf);
        if (other != null) {
          throw new ProtocolException("RFC 9420 §7.3",
              "leaves " + other + " and " + leaf + " share a signature key");
        }
      }
    }
  }
}
