package dev.sealmeet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The steady-state detector on made-up batch scores (no clock involved). */
class SteadyStateTest {

  @Test
  void aPlateauBeforeTheJitFinishes_isNotSteady_theCompiledPlateauIs() {
    SteadyState s = new SteadyState(5, 0.05);
    long compile = 100;
    // 5.7 µs per op for a while, flat, but the JIT is compiling (the quick-mode trap)
    for (int i = 0; i < 20; i++) {
      compile += 3;
      assertThat(s.add(5_700 + (i % 2) * 40, compile)).as("batch %d", i).isFalse();
    }
    // the intrinsic is in: 650 ns, the JIT idle
    boolean steady = false;
    for (int i = 0; i < 5; i++) {
      steady = s.add(650 + i, compile);
    }
    assertThat(steady).isTrue();
    assertThat(s.median()).isEqualTo(652);
    assertThat(s.batches()).isEqualTo(25);
  }

  @Test
  void scoresStillFalling_orSpreadBeyondTheTolerance_areNotSteady() {
    SteadyState falling = new SteadyState(5, 0.05);
    double score = 1_000;
    for (int i = 0; i < 30; i++) {
      score *= 0.9;
      assertThat(falling.add(score, 7)).isFalse();
    }
    SteadyState noisy = new SteadyState(5, 0.05);
    for (int i = 0; i < 30; i++) {
      assertThat(noisy.add(i % 2 == 0 ? 1_000 : 1_120, 7)).isFalse();
    }
    SteadyState within = new SteadyState(5, 0.05);
    boolean steady = false;
    for (int i = 0; i < 5; i++) {
      steady = within.add(i % 2 == 0 ? 1_000 : 1_040, 7);
    }
    assertThat(steady).isTrue();
  }

  @Test
  void fewerBatchesThanTheWindow_areNotSteady_andBadSettingsAreRefused() {
    SteadyState s = new SteadyState(3, 0.1);
    assertThat(s.add(10, 0)).isFalse();
    assertThat(s.add(10, 0)).isFalse();
    assertThat(s.add(10, 0)).isTrue();
    assertThatThrownBy(() -> new SteadyState(1, 0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SteadyState(3, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
