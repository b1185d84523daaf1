package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.HpkeCiphertext;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.message.UpdatePathNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TreeKEM generation and processing (RFC 9420 §7.4–§7.6) in a simulated suite-1 group. */
class TreeKemTest {

  private static TreeKem.Generated commit(TestGroup g, long sender, List<Long> excluded)
      throws Exception {
    return new TreeKem(g.suite).generate(g.tree, sender, g.tree.leaf(sender).orElseThrow(),
        g.signatureKeys.get(sender), g.context(), excluded, g.random);
  }

  @Test
  void generate_everyOtherMember_derivesTheSameCommitSecret() throws Exception {
    TestGroup g = TestGroup.of(5);
    TreeKem kem = new TreeKem(g.suite);
    TreeKem.Generated generated = commit(g, 1, List.of());
    RatchetTree merged = kem.merge(g.tree, 1, generated.path());
    assertThat(merged).isEqualTo(generated.tree());
    byte[] treeHash = new TreeHashes(g.suite).rootHash(merged);
    assertThat(generated.groupContext().treeHash()).isEqualTo(treeHash);
    new TreeValidator(g.suite).validate(merged, TestGroup.GROUP_ID, treeHash);
    generated.privateKeys().requireConsistentWith(g.suite, merged);
    for (long j : List.of(0L, 2L, 3L, 4L)) {
      TreeKem.Processed p = kem.decrypt(g.tree, 1, generated.path(), g.privates.get(j),
          generated.groupContext(), List.of());
      assertThat(p.commitSecret().equalsSecret(generated.commitSecret())).isTrue();
      p.privateKeys().requireConsistentWith(g.suite, merged);
      assertThat(p.privateKeys().nodes()).contains(merged.root());
    }
  }

  @Test
  void generate_excludedNewMember_receivesNoCiphertext() throws Exception {
    TestGroup g = TestGroup.of(3);
    TreeKem.Generated first = commit(g, 0, List.of());
    g.tree = first.tree();
    long added = g.add();
    TreeKem.Generated second = commit(g, 0, List.of(added));
    int ciphertexts = second.path().nodes().stream()
        .mapToInt(n -> n.encryptedPathSecret().size()).sum();
    TreeKem.Generated again = commit(g, 0, List.of());
    int withNewMember = again.path().nodes().stream()
        .mapToInt(n -> n.encryptedPathSecret().size()).sum();
    assertThat(ciphertexts).isEqualTo(withNewMember - 1);
    assertThatThrownBy(() -> new TreeKem(g.suite).decrypt(g.tree, 0, second.path(),
        g.privates.get(added), second.groupContext(), List.of(added)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void merge_leafParentHashAltered_isRejected() throws Exception {
    TestGroup g = TestGroup.of(4);
    TreeKem.Generated generated = commit(g, 2, List.of());
    LeafNode leaf = generated.path().leafNode();
    byte[] hash = leaf.parentHash().orElseThrow();
    hash[0] ^= 1;
    LeafNode altered = new LeafNode(leaf.encryptionKey(), leaf.signatureKey(), leaf.credential(),
        leaf.capabilities(), leaf.source(), leaf.lifetime(), Optional.of(hash), leaf.extensions(),
        leaf.signature());
    UpdatePath path = new UpdatePath(altered, generated.path().nodes());
    RatchetTree before = g.tree;
    assertThatThrownBy(() -> new TreeKem(g.suite).merge(g.tree, 2, path))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo("RFC 9420 §7.9.2"));
    assertThat(g.tree).isSameAs(before);
  }

  @Test
  void merge_missingPathNode_isRejected() throws Exception {
    TestGroup g = TestGroup.of(4);
    TreeKem.Generated generated = commit(g, 0, List.of());
    List<UpdatePathNode> nodes = generated.path().nodes().subList(1, 2);
    UpdatePath path = new UpdatePath(generated.path().leafNode(), nodes);
    assertThatThrownBy(() -> new TreeKem(g.suite).merge(g.tree, 0, path))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo("RFC 9420 §7.6"));
  }

  @Test
  void decrypt_tamperedCiphertext_isRejectedAndStateKept() throws Exception {
    TestGroup g = TestGroup.of(4);
    TreeKem.Generated generated = commit(g, 0, List.of());
    List<UpdatePathNode> nodes = new ArrayList<>(generated.path().nodes());
    UpdatePathNode top = nodes.get(1);
    HpkeCiphertext ct = top.encryptedPathSecret().get(0);
    byte[] body = ct.ciphertext();
    body[0] ^= 1;
    List<HpkeCiphertext> cts = new ArrayList<>(top.encryptedPathSecret());
    cts.set(0, new HpkeCiphertext(ct.kemOutput(), body));
    nodes.set(1, new UpdatePathNode(top.encryptionKey(), cts));
    UpdatePath path = new UpdatePath(generated.path().leafNode(), nodes);
    TreePrivateKeys receiver = g.privates.get(2L);
    GroupContext context = generated.groupContext();
    assertThatThrownBy(() -> new TreeKem(g.suite).decrypt(g.tree, 0, path, receiver, context,
        List.of())).isInstanceOf(AuthenticationException.class);
    assertThat(receiver.nodes()).containsExactly(4);
    receiver.requireConsistentWith(g.suite, g.tree);
  }

  @Test
  void decrypt_publicKeyNotDerivedFromSecret_isRejected() throws Exception {
    TestGroup g = TestGroup.of(4);
    TreeKem.Generated generated = commit(g, 0, List.of());
    List<UpdatePathNode> nodes = new ArrayList<>(generated.path().nodes());
    byte[] otherKey = g.suite.primitives().hpkeGenerateKeyPair().publicKey();
    nodes.set(1, new UpdatePathNode(otherKey, nodes.get(1).encryptedPathSecret()));
    UpdatePath path = new UpdatePath(generated.path().leafNode(), nodes);
    assertThatThrownBy(() -> new TreeKem(g.suite).decrypt(g.tree, 0, path, g.privates.get(2L),
        generated.groupContext(), List.of()))
        .isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.section()).isEqualTo("RFC 9420 §7.5"));
  }

  @Test
  void decrypt_otherGroupContext_isRejected() throws Exception {
    TestGroup g = TestGroup.of(3);
    TreeKem.Generated generated = commit(g, 0, List.of());
    GroupContext other = TreeKem.withTreeHash(generated.groupContext(), new byte[32]);
    assertThatThrownBy(() -> new TreeKem(g.suite).decrypt(g.tree, 0, generated.path(),
        g.privates.get(1L), other, List.of())).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void generate_blankSender_isMisuse() throws Exception {
    TestGroup g = TestGroup.of(3);
    LeafNode template = g.tree.leaf(1).orElseThrow();
    byte[] key = g.signatureKeys.get(1L);
    g.remove(1);
    assertThatThrownBy(() -> new TreeKem(g.suite).generate(g.tree, 1, template, key, g.context(),
        List.of(), g.random))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generate_singleMember_hasEmptyPathAndMerges() throws Exception {
    TestGroup g = TestGroup.of(1);
    TreeKem.Generated generated = commit(g, 0, List.of());
    assertThat(generated.path().nodes()).isEmpty();
    assertThat(generated.path().leafNode().parentHash()).hasValueSatisfying(
        h -> assertThat(h).isEmpty());
    assertThat(generated.commitSecret().length()).isEqualTo(g.suite.hashLength());
    assertThat(new TreeKem(g.suite).merge(g.tree, 0, generated.path()))
        .isEqualTo(generated.tree());
  }

  @Test
  void privateKeys_toString_namesNodesOnly() throws Exception {
    TestGroup g = TestGroup.of(2);
    assertThat(g.privates.get(1L).toString()).isEqualTo("TreePrivateKeys[leaf 1, nodes [2]]");
  }
}
