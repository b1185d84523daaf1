package dev.sealmeet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.testing.FuzzChecks.Budget;
import org.junit.jupiter.api.Test;

/** The fuzz invariant itself: what passes, what escapes, and that the allocation bound bites. */
class FuzzChecksTest {
  private static volatile byte[] sink;

  @Test
  void rejects_sealmeetException_isARejection() {
    assertThat(FuzzChecks.rejects(1, Budget.DECODE, () -> {
      throw new DecodeException("no");
    })).isTrue();
    assertThat(FuzzChecks.rejects(1, Budget.DECODE, () -> { })).isFalse();
  }

  @Test
  void rejects_otherThrowable_escapes() {
    assertThatThrownBy(() -> FuzzChecks.rejects(1, Budget.DECODE, () -> {
      throw new IllegalArgumentException("untyped");
    })).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejects_allocationBeyondBudget_fails() {
    FuzzChecks.Call allocate = () -> sink = new byte[1 << 20];
    // Once untimed, so that no class loading on the first run exempts the measured one.
    FuzzChecks.rejects(0, new Budget(0, 1L << 30), allocate);
    assertThatThrownBy(() -> FuzzChecks.rejects(100, Budget.DECODE, allocate))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("for 100 input bytes");
  }
}
