package dev.sealmeet.mls.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.mls.crypto.MlsSuite;
import org.junit.jupiter.api.Test;

class SecretTreeTest {
  private final MlsSuite suite = Suites.suite1();

  private String key(SecretTree tree, int leaf, RatchetType type) throws Exception {
    return Suites.hex(tree.ratchet(leaf, type).peek(0).key().copyBytes());
  }

  @Test
  void ratchet_leafOutOfRange_isRejected() {
    SecretTree tree = new SecretTree(suite, Suites.secret(1, 32), 3);
    assertThatThrownBy(() -> tree.ratchet(3, RatchetType.HANDSHAKE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.ratchet(-1, RatchetType.HANDSHAKE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_zeroLeaves_isRejected() {
    assertThatThrownBy(() -> new SecretTree(suite, Suites.secret(1, 32), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ratchet_derivationOrder_doesNotChangeKeys() throws Exception {
    SecretTree a = new SecretTree(suite, Suites.secret(1, 32), 8);
    SecretTree b = new SecretTree(suite, Suites.secret(1, 32), 8);
    String a0 = key(a, 0, RatchetType.APPLICATION);
    String a7 = key(a, 7, RatchetType.HANDSHAKE);
    assertThat(key(b, 7, RatchetType.HANDSHAKE)).isEqualTo(a7);
    assertThat(key(b, 0, RatchetType.APPLICATION)).isEqualTo(a0);
  }

  @Test
  void ratchet_nonPowerOfTwoLeafCount_sharesShapeOfPaddedTree() throws Exception {
    SecretTree three = new SecretTree(suite, Suites.secret(1, 32), 3);
    SecretTree four = new SecretTree(suite, Suites.secret(1, 32), 4);
    for (int leaf = 0; leaf < 3; leaf++) {
      assertThat(key(three, leaf, RatchetType.APPLICATION))
          .isEqualTo(key(four, leaf, RatchetType.APPLICATION));
    }
  }

  @Test
  void ratchet_handshakeAndApplication_differ() throws Exception {
    SecretTree tree = new SecretTree(suite, Suites.secret(1, 32), 2);
    assertThat(key(tree, 1, RatchetType.HANDSHAKE))
        .isNotEqualTo(key(tree, 1, RatchetType.APPLICATION));
    assertThat(tree.ratchet(1, RatchetType.HANDSHAKE))
        .isSameAs(tree.ratchet(1, RatchetType.HANDSHAKE));
  }

  @Test
  void toString_showsLeafCountOnly() {
    assertThat(new SecretTree(suite, Suites.secret(1, 32), 5)).hasToString("SecretTree[5 leaves]");
  }
}
