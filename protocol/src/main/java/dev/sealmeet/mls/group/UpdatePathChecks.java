package dev.sealmeet.mls.group;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.message.UpdatePathNode;
import dev.sealmeet.mls.tree.RatchetTree;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a received UpdatePath that need no private key, so that every receiver runs them,
 * the one a commit removes included (RFC 9420 §12.4.2, §7.6, §16 "uniqueness of ratchet tree key
 * pairs"). The leaf is validated by {@link MemberChecks#leaf}, the parent hash by {@code
 * TreeKem.merge}; what only the receiver of a path secret can check (its decryption and the keys
 * derived from it) stays in {@code TreeKem.decrypt}.
 */
final class UpdatePathChecks {
  private UpdatePathChecks() {}

  /**
   * Rejects an UpdatePath whose public keys, leaf included, appear in the tree after the proposals
   * (§12.4.2) or twice in the path itself (§16).
   *
   * @param tree the tree after the proposals, before the path's leaf enters it
   */
  static void requireFreshKeys(RatchetTree tree, UpdatePath path) throws GroupRuleException {
    Set<ByteBuffer> inTree = new HashSet<>();
    for (int x = 0; x < tree.nodeWidth(); x++) {
      tree.encryptionKey(x).ifPresent(k -> inTree.add(ByteBuffer.wrap(k)));
    }
    Set<ByteBuffer> inPath = new HashSet<>();
    for (UpdatePathNode node : path.nodes()) {
      requireFresh(inTree, inPath, node.encryptionKey(), "an UpdatePath public key");
    }
    requireFresh(inTree, inPath, path.leafNode().encryptionKey(),
        "the UpdatePath leaf encryption key");
  }

  private static void requireFresh(Set<ByteBuffer> inTree, Set<ByteBuffer> inPath, byte[] key,
      String what) throws GroupRuleException {
    ByteBuffer wrapped = ByteBuffer.wrap(key);
    if (inTree.contains(wrapped)) {
      throw new GroupRuleException(GroupRule.PATH_KEY_REUSED, what + " is already in the tree");
    }
    if (!inPath.add(wrapped)) {
      throw new GroupRuleException(GroupRule.PATH_KEY_REUSED,
          what + " appears twice in the UpdatePath");
    }
  }

  /**
   * Rejects an UpdatePath whose length differs from the sender's filtered direct path, or one of
   * whose nodes has a different number of encrypted path secrets than its copath child's
   * resolution has members (§7.6). Every receiver checks every node, not only the one it decrypts.
   *
   * @param tree the tree the path was made for: after the proposals, with an external joiner's leaf
   * @param excluded leaves added by the same commit (they get the path secret by Welcome)
   */
  static void requireShape(RatchetTree tree, long sender, UpdatePath path,
      Collection<Long> excluded) throws ProtocolException {
    List<Integer> copath = tree.filteredCopath(sender);
    List<UpdatePathNode> nodes = path.nodes();
    if (nodes.size() != copath.size()) {
      throw new ProtocolException("RFC 9420 §7.6", "UpdatePath has " + nodes.size()
          + " nodes, the sender's filtered direct path has " + copath.size());
    }
    for (int i = 0; i < nodes.size(); i++) {
      int expected = tree.resolution(copath.get(i), excluded).size();
      int actual = nodes.get(i).encryptedPathSecret().size();
      if (actual != expected) {
        throw new ProtocolException("RFC 9420 §7.6", "UpdatePath node " + i + " has " + actual
            + " encrypted path secrets, its copath resolution has " + expected);
      }
    }
  }
}
