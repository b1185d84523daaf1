package dev.sealmeet.attacks;

import dev.sealmeet.meeting.MediaKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 2020 weakness: meeting recordings kept by the vendor leaked. Here the attacker holds the
 * relay's complete recording (every envelope, in order), then obtains a member's device after the
 * meeting ended, or the device of a member removed halfway, or of one admitted late.
 */
class RecordingLeakAttackTest {
  private static final byte[] WORDS = "quarterly numbers".getBytes(StandardCharsets.US_ASCII);
  private final AttackFixtures f = new AttackFixtures();

  private List<byte[]> recordedFrames(byte[] meetingId) {
    return MeetingInternals.recorded(f.ds, meetingId).stream().filter(Envelope::hasMedia)
        .filter(e -> e.getMedia().getKind() != MediaFrame.Kind.SIGNATURE) // not media (spec §2.7)
        .map(e -> e.getMedia().getSframe().toByteArray()).toList();
  }

  @Test
  @DisplayName("after the end no device holds a key for the recording [SM-END-1]")
  void recording_afterEnd_opensWithNothingLeftOnAnyDevice() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    for (Meeting member : m) {
      member.send(MediaKind.AUDIO, WORDS);
    }
    List<byte[]> recording = f.wire(m.get(0).id());
    assertThat(recording).noneMatch(b -> AttackFixtures.contains(b, WORDS));
    m.get(0).end();
    MeetingInternals.pollAll(m);
    for (Meeting member : m) {
      assertThat(member.status()).isEqualTo(Meeting.Status.ENDED);
      assertThat(member.media().heldEpochs()).isEmpty();
      assertThat(member.media().canSend()).isFalse();
      assertThat(MeetingInternals.group(member).status())
          .isEqualTo(dev.sealmeet.mls.group.MlsGroup.Status.CLOSED);
      for (byte[] frame : recordedFrames(m.get(0).id())) {
        assertThatThrownBy(() -> member.media().unprotect(null, frame))
            .isInstanceOf(IllegalStateException.class);
      }
    }
  }

  @Test
  @DisplayName("a removed member's keys open nothing recorded after its removal [SM-REKEY-2]")
  void removedMembersKeys_openNothingAfterTheRemoval() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(0).send(MediaKind.AUDIO, WORDS);
    int before = recordedFrames(m.get(0).id()).size();
    m.get(0).remove(m.get(0).leafOf("ben").getAsLong());
    MeetingInternals.pollAll(m);
    m.get(0).send(MediaKind.AUDIO, WORDS);
    m.get(1).send(MediaKind.AUDIO, WORDS);
    List<byte[]> frames = recordedFrames(m.get(0).id());
    List<byte[]> after = frames.subList(before, frames.size());
    assertThat(after).hasSize(2);
    List<AttackFixtures.InstalledKey> bens = f.keysOf("ben");
    assertThat(frames.subList(0, before))
        .allMatch(frame -> bens.stream().anyMatch(k -> AttackFixtures.opens(k.baseKey(), frame)));
    for (AttackFixtures.InstalledKey key : bens) {
      assertThat(after).noneMatch(frame -> AttackFixtures.opens(key.baseKey(), frame));
    }
  }

  @Test
  @DisplayName("a latecomer's keys open nothing recorded before it joined [SM-REKEY-1]")
  void latecomersKeys_openNothingFromBefore() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    m.get(0).send(MediaKind.AUDIO, WORDS);
    m.get(1).update();
    MeetingInternals.pollAll(m);
    m.get(1).send(MediaKind.AUDIO, WORDS);
    List<byte[]> before = recordedFrames(m.get(0).id());
    LobbyGuest late = LobbyGuest.enter(f.client("late"), f.ds, m.get(0).invitation());
    m.get(0).admit("late");
    Meeting joined = late.poll().orElseThrow();
    for (byte[] frame : before) {
      assertThatThrownBy(() -> joined.media().unprotect(null, frame))
          .isInstanceOf(SealmeetException.class);
    }
    for (AttackFixtures.InstalledKey key : f.keysOf("late")) {
      assertThat(before).noneMatch(frame -> AttackFixtures.opens(key.baseKey(), frame));
    }
  }
}
