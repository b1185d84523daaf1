package dev.sealmeet.mls.tree;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Lifetime;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated group over suite 1 for TreeKEM tests: members with real keys, signed leaves, and each
 * member's private tree state. Self-generated: it checks consistency between our own sender and
 * receiver code, while the official vectors (spec module) check interoperability.
 */
final class TestGroup {
  static final byte[] GROUP_ID = "tree-test-group".getBytes(StandardCharsets.US_ASCII);
  final MlsSuite suite;
  final SecureRandom random;
  RatchetTree tree;
  final Map<Long, TreePrivateKeys> privates = new HashMap<>();
  final Map<Long, byte[]> signatureKeys = new HashMap<>();
  private int created;

  TestGroup(MlsSuite suite, SecureRandom random) {
    this.suite = suite;
    this.random = random;
  }

  static TestGroup of(int members) throws SealmeetException {
    SecureRandom random = new SecureRandom();
    TestGroup group = new TestGroup(MlsSuite.of(1, random), random);
    for (int i = 0; i < members; i++) {
      group.add();
    }
    return group;
  }

  /** Adds a fresh member at the leftmost blank leaf (a Commit of one Add without a path). */
  long add() throws SealmeetException {
    RawKeyPair signature = suite.primitives().signatureGenerateKeyPair();
    RawKeyPair encryption = suite.primitives().hpkeGenerateKeyPair();
    byte[] identity = ("member " + created++).getBytes(StandardCharsets.US_ASCII);
    LeafNode unsigned = new LeafNode(encryption.publicKey(), signature.publicKey(),
        new BasicCredential(identity), capabilities(), LeafNodeSource.KEY_PACKAGE,
        Optional.of(new Lifetime(0, Long.MAX_VALUE)), Optional.empty(), List.of(), new byte[0]);
    LeafNode leaf = unsigned.withSignature(suite.signWithLabel(signature.privateKey(),
        TreeValidator.LEAF_NODE_LABEL, unsigned.toBeSigned(GROUP_ID, 0)));
    long index;
    if (tree == null) {
      tree = RatchetTree.ofCreator(leaf);
      index = 0;
    } else {
      RatchetTree.Added added = tree.withAdd(leaf);
      tree = added.tree();
      index = added.leafIndex();
    }
    privates.put(index, TreePrivateKeys.ofLeaf(index, encryption.privateKey()));
    signatureKeys.put(index, signature.privateKey());
    return index;
  }

  void remove(long leaf) throws ProtocolException {
    tree = tree.withRemove(leaf);
    privates.remove(leaf).destroy();
    signatureKeys.remove(leaf);
    privates.replaceAll((i, keys) -> keys.prunedTo(tree));
  }

  GroupContext context() {
    return new GroupContext(ProtocolVersion.MLS10, suite.id(), GROUP_ID, 7,
        new TreeHashes(suite).rootHash(tree), new byte[] {1, 2, 3}, List.of());
  }

  static Capabilities capabilities() {
    return new Capabilities(List.of(ProtocolVersion.MLS10), List.of(1), List.of(), List.of(),
        List.of(1));
  }
}
