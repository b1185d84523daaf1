package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KidMapProperties {

  /** Operations: positive = put kid, negative = remove kid (few distinct KIDs to force collisions). */
  @Provide
  Arbitrary<List<Integer>> operations() {
    return Arbitraries.integers().between(-40, 40).list().ofMaxSize(300);
  }

  @Property(tries = 200)
  void kidMap_anyPutRemoveSequence_behavesLikeHashMap(@ForAll("operations") List<Integer> ops) {
    KidMap<String> map = new KidMap<>();
    Map<Long, String> model = new HashMap<>();
    for (int op : ops) {
      long kid = Math.abs(op) * 0x1000_0000_0000L + Math.abs(op); // spread over high and low bits
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
  }
}
