package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.ParentNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Add, Update and Remove on the public tree (RFC 9420 §12.1.1–§12.1.3) and resolutions (§4.1.1).
 */
class RatchetTreeTest {

  @Test
  void withAdd_fullTree_extendsToTheRight() throws Exception {
    TestGroup g = TestGroup.of(2);
    assertThat(g.tree.leafCount()).isEqualTo(2);
    long third = g.add();
    assertThat(third).isEqualTo(2);
    assertThat(g.tree.leafCount()).isEqualTo(4);
    assertThat(g.tree.toNodes()).hasSize(5);
  }

  @Test
  void withAdd_blankLeaf_takesTheLeftmostAndJoinsUnmergedLeaves() throws Exception {
    TestGroup g = TestGroup.of(3);
    TreeKem.Generated c = new TreeKem(g.suite).generate(g.tree, 0, g.tree.leaf(0).orElseThrow(),
        g.signatureKeys.get(0L), g.context(), List.of(), g.random);
    g.tree = c.tree();
    assertThat(g.tree.isBlank(1)).isFalse();
    long added = g.add();
    assertThat(added).isEqualTo(3);
    assertThat(g.tree.leafCount()).isEqualTo(4);
    ParentNode root = g.tree.parent(3).orElseThrow();
    assertThat(root.unmergedLeaves()).containsExactly(3L);
    assertThat(g.tree.parent(1).orElseThrow().unmergedLeaves()).isEmpty();
    assertThat(g.tree.parent(5)).isEmpty();
    assertThat(g.tree.resolution(3)).containsExactly(3, 6);
    assertThat(g.tree.resolution(5)).containsExactly(4, 6);
    new TreeValidator(g.suite).validate(g.tree, TestGroup.GROUP_ID,
        new TreeHashes(g.suite).rootHash(g.tree));
  }

  @Test
  void withRemove_rightmostMember_truncates() throws Exception {
    TestGroup g = TestGroup.of(5);
    assertThat(g.tree.leafCount()).isEqualTo(8);
    g.remove(4);
    assertThat(g.tree.leafCount()).isEqualTo(4);
    g.remove(1);
    assertThat(g.tree.leafCount()).isEqualTo(4);
    g.remove(3);
    assertThat(g.tree.leafCount()).isEqualTo(4);
    g.remove(2);
    assertThat(g.tree.leafCount()).isEqualTo(1);
  }

  @Test
  void withUpdate_blanksTheDirectPath() throws Exception {
    TestGroup g = TestGroup.of(4);
    TreeKem.Generated c = new TreeKem(g.suite).generate(g.tree, 0, g.tree.leaf(0).orElseThrow(),
        g.signatureKeys.get(0L), g.context(), List.of(), g.random);
    RatchetTree updated = c.tree().withUpdate(1, g.tree.leaf(1).orElseThrow());
    assertThat(c.tree().isBlank(1)).isFalse();
    assertThat(updated.isBlank(1)).isTrue();
    assertThat(updated.isBlank(3)).isTrue();
    assertThat(updated.leaf(1)).isEqualTo(g.tree.leaf(1));
  }

  @Test
  void withRemove_blankOrOutsideLeaf_isProtocolViolation() throws Exception {
    TestGroup g = TestGroup.of(3);
    g.remove(1);
    assertThatThrownBy(() -> g.tree.withRemove(1)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("§12.1.3");
    assertThatThrownBy(() -> g.tree.withRemove(7)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void filteredDirectPath_skipsNodesWithEmptyCopathResolution() throws Exception {
    TestGroup g = TestGroup.of(3);
    assertThat(g.tree.filteredDirectPath(0)).containsExactly(1, 3);
    assertThat(g.tree.filteredDirectPath(2)).containsExactly(3);
    assertThat(g.tree.filteredCopath(2)).containsExactly(1);
  }
}
