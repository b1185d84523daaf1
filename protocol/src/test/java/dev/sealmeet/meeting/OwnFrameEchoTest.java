package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The log echoes a member's own frames back to it. A sender still in its send delay can send
 * under an epoch that the commits it has not read yet push out of the grace: reading its own
 * frame back then is neither a frame nor a rejection (it was a flake of the crash test).
 */
class OwnFrameEchoTest {
  private final AtomicLong clock = new AtomicLong(); // stands still: delays and grace never end

  @Test
  void anOwnFrameOfAnEpochPastItsGrace_isSkipped_notRejected() throws Exception {
    MeetingFixtures f = new MeetingFixtures(MeetingOptions.defaults().withNanoTime(clock::get));
    List<Meeting> m = f.meeting("host", "ann");
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    long sending = host.epoch();
    ann.update();
    host.poll(); // an update: the host keeps sending under the previous epoch for the delay
    ann.update();
    ann.update(); // in the log, not read by the host: the frame goes after them
    host.send(MediaKind.AUDIO, new byte[] {1, 2, 3});
    List<ReceivedFrame> atHost = host.poll();

    assertThat(host.epoch()).isEqualTo(sending + 3);
    assertThat(atHost).isEmpty();
    assertThat(host.rejected()).isEmpty();
    assertThat(host.rejectedCount()).isZero();
    assertThat(ann.poll()).as("ann read it in time? the frame's epoch is past her grace too")
        .isEmpty();
    assertThat(ann.rejected()).singleElement().isInstanceOfSatisfying(MeetingRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH));
  }
}
