package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.Node;
import dev.sealmeet.mls.message.ParentNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Joiner validation (RFC 9420 §12.4.3.1) on a valid official tree, then on copies broken one rule
 * at a time. The tree is tree-validation.json case 13 (suite 1): eight leaves, unmerged leaf 5 at
 * nodes 7 and 11, blanks skipped in parent-hash links (test-vectors.md, "Origins of Test Trees").
 */
class RatchetTreeValidationTest {
  private static TreeVectors.Case vector;
  private static MlsSuite suite;
  private static RatchetTree valid;

  @BeforeAll
  static void load() throws Exception {
    vector = TreeVectors.validationCase(13);
    assertThat(vector.suite()).isEqualTo(1);
    suite = MlsSuite.of(1, new SecureRandom());
    valid = RatchetTree.decode(vector.tree());
  }

  private static byte[] rootHashFromVector() {
    return vector.treeHashes().get(valid.root());
  }

  private static void assertRejected(RatchetTree broken, String section, String messagePart) {
    byte[] hash = new TreeHashes(suite).rootHash(broken);
    assertThatThrownBy(() -> new TreeValidator(suite).validate(broken, vector.groupId(), hash))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo(section))
        .hasMessageContaining(messagePart);
  }

  private static RatchetTree withNode(int index, UnaryOperator<Node> change) throws Exception {
    List<Optional<Node>> nodes = new ArrayList<>(valid.toNodes());
    nodes.set(index, Optional.of(change.apply(nodes.get(index).orElseThrow())));
    return RatchetTree.fromNodes(nodes);
  }

  private static Node withUnmerged(Node node, List<Long> unmerged) {
    ParentNode p = ((Node.Parent) node).parentNode();
    return Node.parent(new ParentNode(p.encryptionKey(), p.parentHash(), unmerged));
  }

  @Test
  void validate_officialTree_passes() throws Exception {
    assertThat(valid.parent(7).orElseThrow().unmergedLeaves()).containsExactly(5L);
    assertThat(valid.parent(11).orElseThrow().unmergedLeaves()).containsExactly(5L);
    new TreeValidator(suite).validate(valid, vector.groupId(), rootHashFromVector());
  }

  @Test
  void validate_wrongTreeHash_isRejected() {
    byte[] wrong = rootHashFromVector().clone();
    wrong[0] ^= 1;
    assertThatThrownBy(() -> new TreeValidator(suite).validate(valid, vector.groupId(), wrong))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo("RFC 9420 §12.4.3.1"))
        .hasMessageContaining("tree hash");
  }

  @Test
  void validate_badParentHash_isRejected() throws Exception {
    RatchetTree broken = withNode(11, node -> {
      ParentNode p = ((Node.Parent) node).parentNode();
      byte[] hash = p.parentHash();
      hash[0] ^= 1;
      return Node.parent(new ParentNode(p.encryptionKey(), hash, p.unmergedLeaves()));
    });
    assertRejected(broken, "RFC 9420 §7.9.2", "parent-hash valid");
  }

  @Test
  void validate_replacedParentKey_breaksTheChain() throws Exception {
    RatchetTree broken = withNode(3, node -> {
      ParentNode p = ((Node.Parent) node).parentNode();
      byte[] key = p.encryptionKey();
      key[key.length - 1] ^= 1;
      return Node.parent(new ParentNode(key, p.parentHash(), p.unmergedLeaves()));
    });
    assertRejected(broken, "RFC 9420 §7.9.2", "node");
  }

  @Test
  void validate_badLeafSignature_isRejected() throws Exception {
    RatchetTree broken = withNode(4, node -> {
      LeafNode leaf = ((Node.Leaf) node).leafNode();
      byte[] sig = leaf.signature();
      sig[sig.length - 1] ^= 1;
      return Node.leaf(leaf.withSignature(sig));
    });
    assertRejected(broken, "RFC 9420 §7.3", "signature of leaf 2");
  }

  @Test
  void verifyLeafNodes_otherGroupId_isRejected() {
    assertThatThrownBy(() -> new TreeValidator(suite).verifyLeafNodes(valid, new byte[] {1, 2}))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo("RFC 9420 §7.3"));
  }

  @Test
  void validate_unmergedLeafOutsideTree_isRejected() throws Exception {
    RatchetTree broken = withNode(7, node -> withUnmerged(node, List.of(5L, 99L)));
    assertRejected(broken, "RFC 9420 §12.4.3.1", "unmerged leaf 99 which is blank or absent");
  }

  @Test
  void validate_unmergedLeafNotADescendant_isRejected() throws Exception {
    RatchetTree broken = withNode(3, node -> withUnmerged(node, List.of(5L)));
    assertRejected(broken, "RFC 9420 §12.4.3.1", "not its descendant");
  }

  @Test
  void validate_unmergedLeafMissingBelow_isRejected() throws Exception {
    RatchetTree broken = withNode(11, node -> withUnmerged(node, List.of()));
    assertRejected(broken, "RFC 9420 §12.4.3.1", "missing from the unmerged leaves of node 11");
  }

  @Test
  void validate_unmergedLeafOnlyBelow_failsParentHash() throws Exception {
    RatchetTree broken = withNode(7, node -> withUnmerged(node, List.of()));
    assertRejected(broken, "RFC 9420 §7.9.2", "parent-hash valid");
  }

  @Test
  void validate_duplicateEncryptionKey_isRejected() throws Exception {
    byte[] leafKey = valid.leaf(0).orElseThrow().encryptionKey();
    RatchetTree broken = withNode(3, node -> {
      ParentNode p = ((Node.Parent) node).parentNode();
      return Node.parent(new ParentNode(leafKey, p.parentHash(), p.unmergedLeaves()));
    });
    assertRejected(broken, "RFC 9420 §12.4.3.1", "share an encryption key");
  }

  @Test
  void decode_trailingBlank_isRejected() {
    List<Optional<Node>> nodes = new ArrayList<>(valid.toNodes());
    nodes.add(Optional.empty());
    nodes.add(Optional.empty());
    assertThatThrownBy(() -> RatchetTree.fromNodes(nodes))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo("RFC 9420 §12.4.3.3"));
  }

  @Test
  void decode_nodeTypeAtWrongPosition_isRejected() {
    List<Optional<Node>> nodes = new ArrayList<>(valid.toNodes());
    nodes.set(1, nodes.get(0));
    assertThatThrownBy(() -> RatchetTree.fromNodes(nodes))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo("RFC 9420 §7.8"));
  }

  @Test
  void encode_roundTripsTheVectorBytes() {
    assertThat(valid.encode()).isEqualTo(vector.tree());
  }
}
