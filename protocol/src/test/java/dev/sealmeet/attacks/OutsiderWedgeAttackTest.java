package dev.sealmeet.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Someone who knows only the meeting id (issue 17, findings 5 and 8) tries to stall the meeting or
 * grow its members' heaps with envelopes of its own making.
 */
class OutsiderWedgeAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  @Test
  @DisplayName("junk envelopes keep a bounded rejection list [SM-CTRL-4]")
  void junkFlood_keepsRejectedBounded() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    for (int i = 0; i < 1000; i++) {
      f.ds.submit(Envelope.newBuilder().setMeetingId(ByteString.copyFrom(m.get(0).id()))
          .setMedia(MediaFrame.newBuilder().setKind(MediaFrame.Kind.VIDEO)
              .setSframe(ByteString.copyFrom(new byte[] {(byte) i, 1, 2, 3})))
          .build());
    }
    Meeting ann = m.get(1);
    ann.poll();
    assertThat(ann.rejectedCount()).isEqualTo(1000);
    assertThat(ann.rejected()).hasSize(Meeting.MAX_REJECTED);
  }
}
