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

/** A hash ratchet (RFC 9420 §9.1) gives the same keys whatever order messages arrive in. */
class HashRatchetProperties {
  private static final MlsSuite SUITE = Suites.suite1();

  private static HashRatchet ratchet() {
    return new SecretTree(SUITE, Suites.secret(9, 32), 1).ratchet(0, RatchetType.HANDSHAKE);
  }

  @Test
  void take_anyDeliveryOrder_givesTheInOrderKeys() {
    qt().withExamples(50)
        .forAll(Gens.ints(1, 40), Gens.anyLong())
        .checkAssert(Checked.of(HashRatchetProperties::deliverShuffled));
  }

  /** Sends {@code count} messages, takes their keys in an order shuffled by {@code seed}. */
  private static void deliverShuffled(int count, long seed) throws Exception {
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
