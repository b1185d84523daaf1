package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** LeafNode validation before a leaf enters the tree (RFC 9420 §7.3). */
class LeafNodeValidatorTest {

  @Test
  void validate_commitLeafFromTreeKem_passes() throws Exception {
    TestGroup g = TestGroup.of(3);
    TreeKem.Generated c = new TreeKem(g.suite).generate(g.tree, 1, g.tree.leaf(1).orElseThrow(),
        g.signatureKeys.get(1L), g.context(), List.of(), g.random);
    new LeafNodeValidator(g.suite).validate(g.tree, c.path().leafNode(), LeafNodeSource.COMMIT,
        TestGroup.GROUP_ID, 1, OptionalLong.of(1));
  }

  @Test
  void validate_wrongSourceOrPosition_isRejected() throws Exception {
    TestGroup g = TestGroup.of(3);
    TreeKem.Generated c = new TreeKem(g.suite).generate(g.tree, 1, g.tree.leaf(1).orElseThrow(),
        g.signatureKeys.get(1L), g.context(), List.of(), g.random);
    LeafNodeValidator v = new LeafNodeValidator(g.suite);
    LeafNode leaf = c.path().leafNode();
    assertThatThrownBy(() -> v.validate(g.tree, leaf, LeafNodeSource.UPDATE, TestGroup.GROUP_ID,
        1, OptionalLong.of(1))).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("leaf_node_source");
    assertThatThrownBy(() -> v.validate(g.tree, leaf, LeafNodeSource.COMMIT, TestGroup.GROUP_ID,
        2, OptionalLong.of(2))).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void validate_keyPackageLeafAlreadyInTree_isRejectedAsDuplicateKey() throws Exception {
    TestGroup g = TestGroup.of(3);
    LeafNode existing = g.tree.leaf(2).orElseThrow();
    assertThatThrownBy(() -> new LeafNodeValidator(g.suite).validate(g.tree, existing,
        LeafNodeSource.KEY_PACKAGE, TestGroup.GROUP_ID, 3, OptionalLong.empty()))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo("RFC 9420 §7.3"))
        .hasMessageContaining("already used by leaf 2");
  }
}
