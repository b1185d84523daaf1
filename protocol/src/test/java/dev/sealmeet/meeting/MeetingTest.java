package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A meeting's life: lobby, admission, media, removal, leaving, end, security codes. */
class MeetingTest {
  private final MeetingFixtures f = new MeetingFixtures();

  @Test
  @DisplayName("members of one epoch show one code, each epoch a new one [SM-SEC-2] [SM-ID-2]")
  void admittedMembers_shareEpoch_securityCode_andVerifiedRoster() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    for (Meeting member : m) {
      assertThat(member.epoch()).isEqualTo(2);
      assertThat(member.securityCode()).isEqualTo(m.get(0).securityCode());
      assertThat(member.roster().values().stream().map(VerifiedIdentity::account))
          .containsExactly("host", "ann", "ben");
    }
    assertThat(m.get(0).securityCodes().get(1L)).isNotEqualTo(m.get(0).securityCode());
    assertThat(m.get(0).roleOf(0)).isEqualTo(Role.HOST);
    assertThat(m.get(1).roleOf(1)).isEqualTo(Role.PARTICIPANT);
    assertThat(m.get(0).events()).extracting(RosterEvent::kind)
        .containsExactly(RosterEvent.Kind.OPENED, RosterEvent.Kind.JOINED,
            RosterEvent.Kind.JOINED);
    assertThat(m.get(0).events().get(2).identity().account()).isEqualTo("ben");
  }

  @Test
  @DisplayName("media reaches members, never the lobby guest [SM-LOBBY-1]")
  void media_flowsToMembers_andNotToTheLobbyGuest() throws SealmeetException {
    java.util.Map<String, List<Long>> installed = new java.util.concurrent.ConcurrentHashMap<>();
    MeetingFixtures audited = new MeetingFixtures(MeetingOptions.defaults().withAudit(
        (account, epoch, key) -> installed.computeIfAbsent(account, a ->
            new java.util.concurrent.CopyOnWriteArrayList<>()).add(epoch)));
    List<Meeting> m = audited.meeting("host", "ann");
    LobbyGuest waiting = LobbyGuest.enter(audited.client("zoe"), audited.ds, m.get(0).invitation());
    m.get(0).send(MediaKind.AUDIO, new byte[] {1, 2, 3});
    List<ReceivedFrame> atAnn = m.get(1).poll();
    assertThat(atAnn).hasSize(1);
    assertThat(atAnn.get(0).payload()).containsExactly(1, 2, 3);
    assertThat(waiting.poll()).isEmpty();
    assertThat(installed).containsKeys("host", "ann").doesNotContainKey("zoe");
    Meeting zoe = audited.admit(m.get(0), waiting);
    assertThat(installed.get("zoe")).containsExactly(zoe.epoch());
  }

  @Test
  @DisplayName("a removed member gets no key of the next epoch [SM-REKEY-2]")
  void removedMember_getsNoKeyOfTheNextEpoch() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(0).remove(m.get(0).leafOf("ben").getAsLong());
    MeetingInternals.pollAll(m);
    assertThat(m.get(2).status()).isEqualTo(Meeting.Status.GONE);
    assertThat(m.get(2).media().heldEpochs()).doesNotContain(m.get(0).epoch());
    m.get(0).send(MediaKind.AUDIO, new byte[] {7});
    assertThat(m.get(1).poll()).hasSize(1);
    assertThat(m.get(2).poll()).isEmpty();
    assertThat(m.get(2).rejected()).last().isInstanceOfSatisfying(MeetingRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH));
    assertThat(m.get(1).events()).last().extracting(RosterEvent::kind)
        .isEqualTo(RosterEvent.Kind.REMOVED);
  }

  @Test
  @DisplayName("leaving is a self-Remove another member commits [SM-ROLE-7]")
  void leaving_isASelfRemoveCommittedByAnother() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(1).leave();
    assertThat(m.get(0).commitPending()).isTrue();
    MeetingInternals.pollAll(m);
    assertThat(m.get(1).status()).isEqualTo(Meeting.Status.GONE);
    assertThat(m.get(2).roster().values()).extracting(VerifiedIdentity::account)
        .containsExactly("host", "ben");
    assertThat(m.get(2).events()).last().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(RosterEvent.Kind.LEFT);
      assertThat(e.identity().account()).isEqualTo("ann");
    });
  }

  @Test
  @DisplayName("a DS Remove is committed by a participant [SM-ROLE-7] [SM-DS-4]")
  void deliveryServiceRemove_ofDroppedClient_isCommittedByAParticipant()
      throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    f.ds.proposeRemove(m.get(0).id(), m.get(0).leafOf("host").getAsLong());
    assertThat(m.get(1).commitPending()).isTrue();
    MeetingInternals.pollAll(m);
    assertThat(m.get(2).roster().values()).extracting(VerifiedIdentity::account)
        .containsExactly("ann", "ben");
    assertThat(m.get(0).status()).isEqualTo(Meeting.Status.GONE);
  }

  @Test
  void participant_mayNotAdmitOrRemove_locally() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    LobbyGuest.enter(f.client("zoe"), f.ds, m.get(0).invitation());
    MeetingFixtures.assertBreaks(MeetingRule.ADD_WITHOUT_RIGHT, () -> m.get(1).admit("zoe"));
    MeetingFixtures.assertBreaks(MeetingRule.REMOVE_WITHOUT_RIGHT, () -> m.get(1).remove(0));
  }

  @Test
  @DisplayName("a host promotes a moderator, who then may admit and remove; every member agrees")
  void host_assignsRoles_andEveryMemberAppliesThem() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    long ann = m.get(0).leafOf("ann").getAsLong();
    m.get(0).assignRole(ann, Role.MODERATOR);
    MeetingInternals.pollAll(m);
    for (Meeting member : m) {
      assertThat(member.roleOf(ann)).isEqualTo(Role.MODERATOR);
      assertThat(member.securityCode()).isEqualTo(m.get(0).securityCode());
      assertThat(member.rejected()).isEmpty();
    }
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), f.ds, m.get(1).invitation());
    Meeting admitted = f.admit(m.get(1), zoe);
    MeetingInternals.pollAll(m);
    assertThat(m.get(2).roster().values()).extracting(VerifiedIdentity::account)
        .contains("zoe");
    assertThat(admitted.roleOf(ann)).isEqualTo(Role.MODERATOR);
    // A moderator may not assign roles; demoting the only host is refused before any commit.
    long epoch = m.get(0).epoch();
    MeetingFixtures.assertBreaks(MeetingRule.ROLES_CHANGE_WITHOUT_RIGHT,
        () -> m.get(1).assignRole(ann, Role.HOST));
    MeetingFixtures.assertBreaks(MeetingRule.NO_HOST_LEFT,
        () -> m.get(0).assignRole(0, Role.PARTICIPANT));
    MeetingInternals.pollAll(m);
    assertThat(m.get(2).epoch()).isEqualTo(epoch);
    m.get(0).assignRole(ann, Role.PARTICIPANT);
    MeetingInternals.pollAll(m);
    assertThat(m.get(2).roleOf(ann)).isEqualTo(Role.PARTICIPANT);
    MeetingFixtures.assertBreaks(MeetingRule.REMOVE_WITHOUT_RIGHT,
        () -> m.get(1).remove(m.get(1).leafOf("ben").getAsLong()));
  }

  @Test
  @DisplayName("the only host present hands the role on before leaving")
  void onlyHost_mayNotLeave_untilAnotherHostIsAssigned() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    MeetingFixtures.assertBreaks(MeetingRule.NO_HOST_LEFT, () -> m.get(0).leave());
    long ann = m.get(0).leafOf("ann").getAsLong();
    m.get(0).assignRole(ann, Role.HOST);
    MeetingInternals.pollAll(m);
    m.get(0).leave();
    assertThat(m.get(1).commitPending()).isTrue();
    MeetingInternals.pollAll(m);
    assertThat(m.get(0).status()).isEqualTo(Meeting.Status.GONE);
    assertThat(m.get(2).roleOf(m.get(2).leafOf("ann").getAsLong())).isEqualTo(Role.HOST);
    MeetingFixtures.assertBreaks(MeetingRule.NO_HOST_LEFT, () -> m.get(1).leave());
  }

  @Test
  @DisplayName("a host ends the meeting and every member erases every key [SM-END-1]")
  void end_erasesEveryKeyEverywhere() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(0).end();
    MeetingInternals.pollAll(m);
    for (Meeting member : m) {
      assertThat(member.status()).isEqualTo(Meeting.Status.ENDED);
      assertThat(member.media().isClosed()).isTrue();
    }
  }

  @Test
  @DisplayName("hostile envelopes are rejected and change nothing [SM-CTRL-1]")
  void hostileEnvelopes_throwSealmeetExceptions_andChangeNothing() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    m.get(0).send(MediaKind.AUDIO, new byte[] {1});
    List<Envelope> log = MeetingInternals.recorded(f.ds, m.get(0).id());
    Meeting ann = m.get(1);
    long epoch = ann.epoch();
    String code = ann.securityCode();
    java.util.Random random = new java.util.Random(7);
    for (Envelope envelope : log) {
      byte[] bytes = envelope.toByteArray();
      for (int i = 0; i < 200; i++) {
        byte[] tampered = bytes.clone();
        int at = random.nextInt(tampered.length);
        tampered[at] ^= (byte) (1 + random.nextInt(255));
        try {
          ann.process(tampered);
        } catch (SealmeetException expected) {
          // the only allowed failure
        }
        assertThat(ann.epoch()).isEqualTo(epoch);
        assertThat(ann.securityCode()).isEqualTo(code);
      }
    }
    assertThatThrownBy(() -> ann.process(new byte[] {(byte) 0xff, 0x01}))
        .isInstanceOf(SealmeetException.class);
    assertThat(ann.status()).isEqualTo(Meeting.Status.ACTIVE);
    assertThat(m.get(0).securityCode()).isEqualTo(ann.securityCode());
    assertThat(ann.toString() + ann.roles() + ann.media()).doesNotContain("ann");
    assertThat(log.stream().map(e -> e.getBodyCase().name()).collect(Collectors.toSet()))
        .contains("HANDSHAKE", "WELCOME", "MEDIA");
  }
}
