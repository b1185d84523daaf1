package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.testing.Gens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link KidMap} behaves like a {@link HashMap} under any sequence of puts and removes. */
class KidMapProperties {

  /** Operations: positive puts a KID, negative removes it; 41 KIDs force collisions. */
  @Test
  void kidMap_anyPutRemoveSequence_behavesLikeHashMap() {
    qt().withExamples(200)
        .forAll(Gens.lists(Gens.ints(-40, 40), 0, 300))
        .checkAssert(ops -> {
          KidMap<String> map = new KidMap<>();
          Map<Long, String> model = new HashMap<>();
          for (int op : ops) {
            long kid = Math.abs(op) * 0x1000_0000_0000L + Math.abs(op); // high and low bits
            if (op >= 0) {
              if (!model.containsKey(kid)) {
                map.put(kid, "v" + op);
                model.put(kid, "v" + op);
              }
            } else {
              assertThat(map.remove(kid)).isEqualTo(model.remove(kid));
            }
            assertThat(map.size()).isEqualTo(model.size());
          }
          for (int i = 0; i <= 40; i++) {
            long kid = i * 0x1000_0000_0000L + i;
            assertThat(map.get(kid)).isEqualTo(model.get(kid));
          }
        });
  }
}
