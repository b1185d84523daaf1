package dev.sealmeet.mls.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The secret tree (RFC 9420 §9) derives the same leaf keys whatever order leaves are used in. */
class SecretTreeProperties {
  private static final MlsSuite SUITE = Suites.suite1();

  @Test
  void ratchet_anyLeafOrder_givesSameKeys() {
    qt().withExamples(40)
        .forAll(Gens.ints(1, 20), Gens.anyLong())
        .checkAssert(Checked.of(SecretTreeProperties::sameKeysInAnyOrder));
  }

  /** Derives every leaf's first key in order, then in an order shuffled by {@code seed}. */
  private static void sameKeysInAnyOrder(int leaves, long seed) throws Exception {
    SecretTree inOrder = new SecretTree(SUITE, Suites.secret(5, 32), leaves);
    List<String> expected = new ArrayList<>();
    for (int leaf = 0; leaf < leaves; leaf++) {
      expected.add(Suites.hex(
          inOrder.ratchet(leaf, RatchetType.APPLICATION).peek(0).nonce().copyBytes()));
    }
    List<Integer> order = new ArrayList<>();
    for (int leaf = 0; leaf < leaves; leaf++) {
      order.add(leaf);
    }
    Collections.shuffle(order, new Random(seed));
    SecretTree shuffled = new SecretTree(SUITE, Suites.secret(5, 32), leaves);
    for (int leaf : order) {
      assertThat(Suites.hex(
          shuffled.ratchet(leaf, RatchetType.APPLICATION).peek(0).nonce().copyBytes()))
          .isEqualTo(expected.get(leaf));
    }
    assertThat(new java.util.HashSet<>(expected)).hasSize(leaves);
  }
}
