package dev.sealmeet.attacks;

import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.MediaKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A removed member keeps its client running (issue 17, findings 6 and 7): its last epoch's media
 * keys must not outlive the grace in its own view, and the frames it still sends under that epoch
 * must not be accepted by the members who removed it, even while they keep that epoch's keys for
 * the frames of the others in flight.
 */
class RemovedMemberAttackTest {
  private final AtomicLong clock = new AtomicLong();
  private final AttackFixtures f = new AttackFixtures(clock::get);

  @Test
  @DisplayName("a removed member's last epoch keys are erased after the grace [SM-REKEY-4]")
  void removedMember_losesItsLastEpochKeys_afterTheGrace() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ben = m.get(2);
    long last = ben.epoch();
    m.get(0).remove(ben.ownLeaf());
    ben.poll();
    assertThat(ben.status()).isEqualTo(Meeting.Status.GONE);
    assertThat(ben.media().heldEpochs()).contains(last);
    clock.addAndGet(3_000_000_000L);
    ben.poll();
    assertThat(ben.media().heldEpochs()).isEmpty();
  }

  @Test
  @DisplayName("frames a removed member sends after its removal are refused [SM-REKEY-4]")
  void removedMembersFrames_areRefused_duringTheGrace() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    Meeting ben = m.get(2);
    long old = ann.epoch();
    m.get(0).send(MediaKind.AUDIO, new byte[] {1});
    m.get(0).remove(ben.ownLeaf());
    ben.send(MediaKind.AUDIO, new byte[] {2}); // ben has not read its removal yet
    List<Envelope> log = MeetingInternals.fetch(f.ds, ann.id(), ann.nextSequence());
    assertThat(MeetingInternals.process(ann, log.get(0))).hasValueSatisfying(
        frame -> assertThat(frame.epoch()).isEqualTo(old));
    MeetingInternals.process(ann, log.get(1));
    assertThat(ann.media().heldEpochs()).contains(old);
    assertThat(catchThrowable(() -> MeetingInternals.process(ann, log.get(2))))
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_SENDER));
  }
}
