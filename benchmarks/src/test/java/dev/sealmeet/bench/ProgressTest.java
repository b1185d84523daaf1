package dev.sealmeet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines of a quick run on an injected clock. */
class ProgressTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void eachCell_countsAndEstimatesTheRestFromTheMeanSoFar() {
    AtomicLong now = new AtomicLong(100 * SECOND);
    Progress p = new Progress(4, now::get);
    now.addAndGet(2 * SECOND);
    assertThat(p.finished("JoinBenchmark.sealmeet members=10", "1.234 ms/op"))
        .isEqualTo(
            "[1/4] JoinBenchmark.sealmeet members=10: 1.234 ms/op (2 s so far, about 6 s left)");
    now.addAndGet(4 * SECOND); // slower cell: the mean is now 3 s
    assertThat(p.finished("b", "2 ms/op"))
        .isEqualTo("[2/4] b: 2 ms/op (6 s so far, about 6 s left)");
    now.addAndGet(SECOND);
    p.finished("c", "x");
    now.addAndGet(SECOND);
    assertThat(p.finished("d", "y")).isEqualTo("[4/4] d: y (8 s so far, done)");
  }

  @Test
  void countsAreAlignedToTheTotalsWidth() {
    Progress p = new Progress(120, () -> 0L);
    assertThat(p.finished("a", "1 ns/op"))
        .startsWith("[  1/120] a: 1 ns/op (0 s so far, about 0 s");
  }

  @Test
  void nothingExpected_isRejected() {
    assertThatThrownBy(() -> new Progress(0, () -> 0L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
