package dev.sealmeet.mls.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.mls.crypto.MlsSuite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SecretTreeProperties {
  private static final MlsSuite SUITE = Suites.suite1();

  @Property(tries = 40)
  void ratchet_anyLeafOrder_givesSameKeys(
      @ForAll @IntRange(min = 1, max = 20) int leaves, @ForAll long seed) throws Exception {
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
