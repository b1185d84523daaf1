package dev.sealmeet.ds.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.Meeting;
import java.util.List;

/** The members' common view after faults: one epoch, security code and roster, no rejection. */
final class Convergence {
  private Convergence() {}

  static void assertConverged(List<Meeting> members) {
    Meeting first = members.get(0);
    for (Meeting m : members) {
      assertThat(m.status()).as(m.account()).isEqualTo(Meeting.Status.ACTIVE);
      assertThat(m.epoch()).as(m.account()).isEqualTo(first.epoch());
      assertThat(m.securityCode()).as(m.account()).isEqualTo(first.securityCode());
      assertThat(m.roster().keySet()).as(m.account()).isEqualTo(first.roster().keySet());
      assertThat(m.rejected()).as(m.account()).isEmpty();
      assertThat(m.stall()).as(m.account()).isEmpty();
    }
  }
}
