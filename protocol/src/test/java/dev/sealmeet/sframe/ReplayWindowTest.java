package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ReplayException;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {
  private final ReplayWindow window = new ReplayWindow(64);

  private void receive(long ctr) throws ReplayException {
    window.check(7, ctr);
    window.accept(ctr);
  }

  @Test
  void check_beforeAnyFrame_acceptsAnyCounter() {
    assertThatCode(() -> window.check(7, -1L)).doesNotThrowAnyException();
    assertThat(window.hasAccepted()).isFalse();
  }

  @Test
  void check_duplicate_isRejected() throws ReplayException {
    receive(5);
    assertThatThrownBy(() -> window.check(7, 5))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("CTR 5 was already accepted");
  }

  @Test
  void check_oldestInWindow_isAccepted() throws ReplayException {
    receive(100);
    receive(100 - 63);
    assertThat(window.highest()).isEqualTo(100);
  }

  @Test
  void check_justOutsideWindow_isRejectedAsTooOld() throws ReplayException {
    receive(100);
    assertThatThrownBy(() -> window.check(7, 100 - 64))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("older than the replay window");
  }

  @Test
  void check_reorderedWithinWindow_eachAcceptedOnce() throws ReplayException {
    long[] order = {10, 3, 7, 12, 4, 11, 5};
    for (long ctr : order) {
      receive(ctr);
    }
    for (long ctr : order) {
      assertThatThrownBy(() -> window.check(7, ctr)).isInstanceOf(ReplayException.class);
    }
    assertThatCode(() -> window.check(7, 6)).doesNotThrowAnyException();
  }

  @Test
  void accept_slideByOne_clearsReusedSlot() throws ReplayException {
    receive(0);
    receive(64); // same bitmap slot as 0
    assertThatThrownBy(() -> window.check(7, 0)).hasMessageContaining("older");
    assertThatCode(() -> window.check(7, 1)).doesNotThrowAnyException();
    assertThatThrownBy(() -> window.check(7, 64)).hasMessageContaining("already accepted");
  }

  @Test
  void accept_jumpBeyondWindow_forgetsEverything() throws ReplayException {
    receive(1);
    receive(2);
    receive(1000);
    assertThatCode(() -> window.check(7, 1000 - 63)).doesNotThrowAnyException();
    assertThatThrownBy(() -> window.check(7, 2)).hasMessageContaining("older");
  }

  @Test
  void check_unsignedCountersNearMax_compareUnsigned() throws ReplayException {
    receive(-2L);
    receive(-1L);
    assertThatThrownBy(() -> window.check(7, -1L)).hasMessageContaining("already accepted");
    assertThatCode(() -> window.check(7, -3L)).doesNotThrowAnyException();
    // 0 is far below 2^64-1 unsigned: too old, not "newer".
    assertThatThrownBy(() -> window.check(7, 0)).hasMessageContaining("older");
  }

  @Test
  void check_rejection_hasNoStackTrace() throws ReplayException {
    receive(1);
    assertThatThrownBy(() -> window.check(7, 1))
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }
}
