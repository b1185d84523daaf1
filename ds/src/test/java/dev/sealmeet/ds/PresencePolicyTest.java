package dev.sealmeet.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.meeting.Meeting;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The presence policy on the core's clock: an account absent (no call, no open subscription) for
 * the drop time is proposed for removal once per drop time, a member commits the proposal, and an
 * open subscription or a call keeps an account present.
 */
class PresencePolicyTest {
  private static final Duration DROP = Duration.ofMinutes(2);

  @Test
  void anAccountAbsentForTheDropTime_isProposedOnce_andAMemberCommitsIt() throws Exception {
    try (CoreFixtures f = new CoreFixtures(new MemoryLogStore());
        PresencePolicy presence = new PresencePolicy(f.core, DROP, f.clock)) {
      List<Meeting> m = f.meeting("host", "ann", "ben");
      byte[] id = m.get(0).id();
      for (String account : List.of("host", "ann", "ben")) {
        presence.called(account, id);
      }
      f.clock.advance(Duration.ofMinutes(1));
      presence.called("host", id);
      presence.called("ann", null); // a call that names no meeting counts too
      assertThat(presence.sweep()).as("nobody absent for the drop time yet").isZero();

      f.clock.advance(Duration.ofSeconds(61));
      assertThat(presence.sweep()).as("ben, absent for 2 min 1 s").isEqualTo(1);
      assertThat(presence.sweep()).as("at most once per drop time").isZero();
      assertThat(m.get(0).commitPending()).isTrue();
      CoreFixtures.pollAll(m.subList(0, 2));
      assertThat(m.get(0).roster()).hasSize(2);
      assertThat(m.get(0).leafOf("ben")).isEmpty();

      f.clock.advance(DROP.plusSeconds(1));
      presence.called("host", id);
      presence.called("ann", id);
      assertThat(presence.sweep()).as("ben is no member any more: forgotten").isZero();
    }
  }

  @Test
  void anOpenSubscription_keepsAnAccountPresent_untilItCloses() throws Exception {
    try (CoreFixtures f = new CoreFixtures(new MemoryLogStore());
        PresencePolicy presence = new PresencePolicy(f.core, DROP, f.clock)) {
      List<Meeting> m = f.meeting("host", "ann");
      byte[] id = m.get(0).id();
      presence.opened("ann", id);
      f.clock.advance(Duration.ofMinutes(5));
      presence.called("host", id);
      assertThat(presence.sweep()).isZero();

      presence.closed("ann");
      f.clock.advance(DROP);
      presence.called("host", id);
      assertThat(presence.sweep()).isEqualTo(1);
      assertThat(m.get(0).commitPending()).isTrue();
      assertThat(m.get(0).roster()).hasSize(1);
    }
  }

  @Test
  void theDropTimeMustBePositive() throws Exception {
    try (CoreFixtures f = new CoreFixtures(new MemoryLogStore())) {
      assertThatThrownBy(() -> new PresencePolicy(f.core, Duration.ZERO, f.clock))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
