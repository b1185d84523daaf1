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

class HashRatchetProperties {
  private static final MlsSuite SUITE = Suites.suite1();

  private static HashRatchet ratchet() {
    return new SecretTree(SUITE, Suites.secret(9, 32), 1).ratchet(0, RatchetType.HANDSHAKE);
  }

  @Property(tries = 50)
  void take_anyDeliveryOrder_givesTheInOrderKeys(
      @ForAll @IntRange(min = 1, max = 40) int count, @ForAll long seed) throws Exception {
    HashRatchet inOrder = ratchet();
    List<String> expected = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      MessageKey k = inOrder.nextForSending();
      expected.add(Suites.hex(k.key().copyBytes()) + Suites.hex(k.nonce().copyBytes()));
    }
    List<Integer> order = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      order.add(g);
    }
    Collections.shuffle(order, new Random(seed));
    HashRatchet receiver = ratchet();
    for (int g : order) {
      MessageKey k = receiver.take(g);
      assertThat(Suites.hex(k.key().copyBytes()) + Suites.hex(k.nonce().copyBytes()))
          .isEqualTo(expected.get(g));
    }
    assertThat(receiver.skippedKeyCount()).isZero();
  }
}
