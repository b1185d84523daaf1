package dev.sealmeet.attacks;

import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.MediaKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.Roles;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.mls.group.ExternalJoinResult;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 2020 weakness: participants in the waiting room already received the meeting key. Here the
 * attacker is a lobby guest: it reads the whole log while it waits (fan-out reaches it), keeps
 * every byte, and tries to let itself in.
 */
class WaitingRoomKeyAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  private List<byte[]> frames(byte[] meetingId) {
    return MeetingInternals.recorded(f.ds, meetingId).stream().filter(Envelope::hasMedia)
        .map(e -> e.getMedia().getSframe().toByteArray()).toList();
  }

  @Test
  @DisplayName("a guest holds no key and later reads nothing from before [SM-LOBBY-1] [SM-REKEY-1]")
  void waitingGuest_holdsNoKey_andReadsNothingFromBefore() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), f.ds, m.get(0).invitation());
    for (int i = 0; i < 5; i++) {
      m.get(0).send(MediaKind.AUDIO, new byte[] {(byte) i});
      m.get(1).send(MediaKind.VIDEO, new byte[] {(byte) i});
      assertThat(zoe.poll()).isEmpty();
    }
    List<byte[]> before = frames(m.get(0).id());
    assertThat(before).hasSize(10);
    assertThat(f.keysOf("zoe")).isEmpty();
    byte[] annKey = f.keysOf("ann").get(f.keysOf("ann").size() - 1).baseKey();
    assertThat(before).allMatch(frame -> AttackFixtures.opens(annKey, frame));

    m.get(0).admit("zoe");
    Meeting admitted = zoe.poll().orElseThrow();
    assertThat(f.keysOf("zoe")).singleElement()
        .satisfies(k -> assertThat(k.epoch()).isEqualTo(admitted.epoch()));
    for (AttackFixtures.InstalledKey key : f.keysOf("zoe")) {
      assertThat(before).noneMatch(frame -> AttackFixtures.opens(key.baseKey(), frame));
    }
    assertThat(admitted.media().heldEpochs()).containsExactly(admitted.epoch());
  }

  @Test
  @DisplayName("a guest committing its own join is refused [SM-ROLE-5] [SM-LOBBY-3]")
  void guestExternalCommit_isRefusedByEveryMember() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    LobbyGuest.enter(f.client("zoe"), f.ds, m.get(0).invitation());
    long epoch = m.get(0).epoch();
    ExternalJoinResult self = MlsGroup.joinExternal(
        MeetingInternals.group(m.get(1)).groupInfo(true), Optional.empty(),
        f.identities.get("zoe"),
        new Capabilities(List.of(ProtocolVersion.MLS10), List.of(f.suite.id()),
            List.of(Roles.EXTENSION_TYPE, 0xF0A2, 0xF0A3), List.of(), List.of(1, 2)),
        OptionalLong.empty(), List.of(), new PskStore(),
        GroupConfig.defaults().withEncryptHandshake(false));
    // The delivery service refuses it: no current member signed it. Members refuse it too.
    var envelope = MeetingInternals.handshake(m.get(0).id(), Handshake.Kind.COMMIT, epoch,
        self.commit());
    org.assertj.core.api.Assertions.assertThat(MeetingInternals.submit(f.ds, envelope).status())
        .isEqualTo(SubmitStatus.REFUSED);
    for (Meeting member : m) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> MeetingInternals.process(member,
          envelope))
          .isInstanceOfSatisfying(MeetingRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(MeetingRule.EXTERNAL_JOIN));
      member.poll();
      assertThat(member.epoch()).isEqualTo(epoch);
      assertThat(member.leafOf("zoe")).isEmpty();
      assertThat(member.rejected()).isEmpty();
    }
    self.group().close();
  }
}
