package dev.sealmeet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peers' ratio table on made-up cells. */
class PeerRatiosTest {
  private static JmhResult cell(String method, String members, double score) {
    return new JmhResult("dev.sealmeet.bench.CommitCreateBenchmark." + method,
        Map.of("members", members, "op", "update", "tree", "realistic"), score, 0.5, "ms/op");
  }

  @Test
  void eachPeer_isDividedByTheSealmeetCellOfTheSameParams() {
    String md = PeerRatios.markdown(List.of(cell("sealmeet", "10", 2.0),
        cell("bouncycastle", "10", 50.0), cell("tsmls", "10", 123.0),
        cell("sealmeet", "1000", 4.0), cell("bouncycastle", "1000", 4000.0),
        cell("tsmls", "100", 9.0)));
    assertThat(md).contains("| `CommitCreateBenchmark` | members=10, op=update, tree=realistic"
        + " | 2.000 ± 0.500 | 50.00 ± 0.50 | 25.0× | 123.0 ± 0.5 | 61.5× |");
    // no ts-mls cell at 1,000 members: a dash, never another size's cell
    assertThat(md).contains("| members=1000, op=update, tree=realistic | 4.000 ± 0.500"
        + " | 4000 ± 0 | 1000× | – | – |");
    assertThat(md.lines().count()).isEqualTo(4);
  }

  @Test
  void withoutAnyPeerCell_thereIsNoTable() {
    assertThat(PeerRatios.markdown(List.of(cell("sealmeet", "10", 2.0)))).isEmpty();
    assertThat(PeerRatios.ratio(0.5)).isEqualTo("0.500×");
    assertThat(PeerRatios.ratio(Double.NaN)).isEqualTo("?");
  }
}
