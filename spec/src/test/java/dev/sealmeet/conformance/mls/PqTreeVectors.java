package dev.sealmeet.conformance.mls;

import static dev.sealmeet.conformance.mls.PqScheduleVectors.map;
import static dev.sealmeet.conformance.mls.PqVectorGenerator.hex;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.UpdateProposal;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeHashes;
import dev.sealmeet.mls.tree.TreeValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cases of {@code tree-operations.json} (test-vectors.md "Tree Operations") for one suite: a
 * three-member tree (creator and two added members, parents blank) to which an Add (by leaf 0), an
 * Update (by leaf 1) and a Remove (of leaf 2, by leaf 0) are applied (RFC 9420 §12.1.1-§12.1.3),
 * with the tree hashes before and after (§7.8).
 */
final class PqTreeVectors {
  private PqTreeVectors() {}

  /** Add, Update and Remove cases, in that order. */
  static List<Map<String, Object>> treeOperations(MlsSuite suite, SeededRandom r)
      throws SealmeetException {
    RatchetTree before = RatchetTree.ofCreator(member(suite, "member 0").leafNode());
    before = before.withAdd(member(suite, "member 1").leafNode()).tree();
    before = before.withAdd(member(suite, "member 2").leafNode()).tree();

    KeyPackage joiner = member(suite, "joiner");
    RatchetTree added = before.withAdd(joiner.leafNode()).tree();
    LeafNode updated = updateLeaf(suite, r.bytes(16), 1);
    RatchetTree afterUpdate = before.withUpdate(1, updated);
    RatchetTree afterRemove = before.withRemove(2);
    return List.of(
        operation(suite, before, new AddProposal(joiner), 0, added),
        operation(suite, before, new UpdateProposal(updated), 1, afterUpdate),
        operation(suite, before, new RemoveProposal(2), 0, afterRemove));
  }

  private static Map<String, Object> operation(MlsSuite suite, RatchetTree before,
      Proposal proposal, long sender, RatchetTree after) {
    TreeHashes hashes = new TreeHashes(suite);
    return map("cipher_suite", suite.id(), "tree_before", hex(before.encode()),
        "tree_hash_before", hex(hashes.rootHash(before)), "proposal", hex(proposal.toProposalBytes()),
        "proposal_sender", sender, "tree_after", hex(after.encode()),
        "tree_hash_after", hex(hashes.rootHash(after)));
  }

  /** A member's KeyPackage (its leaf node has source {@code key_package}). */
  private static KeyPackage member(MlsSuite suite, String name) throws SealmeetException {
    return PqFramingVectors.keyPackage(suite, name,
        suite.primitives().hpkeGenerateKeyPair().publicKey());
  }

  /**
   * A leaf node of source {@code update} for {@code leaf}, signed over {@code groupId} (RFC 9420
   * §7.2). The vector format has no group id, so a checker cannot verify this signature; the tree
   * operations do not need it.
   */
  private static LeafNode updateLeaf(MlsSuite suite, byte[] groupId, long leaf)
      throws SealmeetException {
    RawKeyPair encryption = suite.primitives().hpkeGenerateKeyPair();
    RawKeyPair signing = suite.primitives().signatureGenerateKeyPair();
    LeafNode unsigned = new LeafNode(encryption.publicKey(), signing.publicKey(),
        PqFramingVectors.credential("member " + leaf), PqFramingVectors.capabilities(suite),
        LeafNodeSource.UPDATE, Optional.empty(), Optional.empty(), List.of(), new byte[0]);
    return unsigned.withSignature(suite.signWithLabel(signing.privateKey(),
        TreeValidator.LEAF_NODE_LABEL, unsigned.toBeSigned(groupId, leaf)));
  }
}
