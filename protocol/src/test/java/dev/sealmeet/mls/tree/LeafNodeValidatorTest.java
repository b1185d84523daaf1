package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Lifetime;
import java.util.List;
import java.util.Optional;
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

  /** A signed leaf at {@code leafIndex} with the given keys, signed by {@code signer}'s key. */
  private static LeafNode leaf(TestGroup g, LeafNodeSource source, byte[] encryptionKey,
      long signer, long leafIndex) throws Exception {
    LeafNode template = g.tree.leaf(signer).orElseThrow();
    boolean keyPackage = source == LeafNodeSource.KEY_PACKAGE;
    LeafNode unsigned = new LeafNode(encryptionKey, template.signatureKey(),
        template.credential(), TestGroup.capabilities(), source,
        keyPackage ? Optional.of(new Lifetime(0, Long.MAX_VALUE)) : Optional.empty(),
        Optional.empty(), List.of(), new byte[0]);
    return unsigned.withSignature(g.suite.signWithLabel(g.signatureKeys.get(signer),
        TreeValidator.LEAF_NODE_LABEL, unsigned.toBeSigned(TestGroup.GROUP_ID, leafIndex)));
  }

  @Test
  void validate_keyPackageLeafWithMembersSignatureKey_isRejected() throws Exception {
    TestGroup g = TestGroup.of(4);
    g.remove(1);
    byte[] fresh = g.suite.primitives().hpkeGenerateKeyPair().publicKey();
    LeafNode leaf = leaf(g, LeafNodeSource.KEY_PACKAGE, fresh, 2, 1);
    assertThatThrownBy(() -> new LeafNodeValidator(g.suite).validate(g.tree, leaf,
        LeafNodeSource.KEY_PACKAGE, TestGroup.GROUP_ID, 1, OptionalLong.empty()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("signature_key is already used by leaf 2");
  }

  @Test
  void validate_updateLeafKeepingItsEncryptionKey_isRejected() throws Exception {
    TestGroup g = TestGroup.of(3);
    LeafNodeValidator v = new LeafNodeValidator(g.suite);
    byte[] same = g.tree.leaf(1).orElseThrow().encryptionKey();
    LeafNode kept = leaf(g, LeafNodeSource.UPDATE, same, 1, 1);
    assertThatThrownBy(() -> v.validate(g.tree, kept, LeafNodeSource.UPDATE, TestGroup.GROUP_ID,
        1, OptionalLong.of(1))).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("encryption_key equals that of the leaf 1 it replaces");
    byte[] fresh = g.suite.primitives().hpkeGenerateKeyPair().publicKey();
    v.validate(g.tree, leaf(g, LeafNodeSource.UPDATE, fresh, 1, 1), LeafNodeSource.UPDATE,
        TestGroup.GROUP_ID, 1, OptionalLong.of(1));
  }
}
