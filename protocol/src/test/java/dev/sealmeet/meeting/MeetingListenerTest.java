package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each {@link MeetingListener} event fires exactly when its change happens, and only then. */
class MeetingListenerTest {
  private final RecordingListener heard = new RecordingListener();
  private final MeetingFixtures f = new MeetingFixtures(MeetingOptions.defaults()
      .withRuntime(MeetingRuntime.defaults().withListener(heard)));

  @Test
  @DisplayName("roster changes: once per epoch per member, with verified members and the code")
  void rosterChanged_oncePerEpoch_withIdentitiesEpochAndCode() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    assertThat(heard.eventsOf("host"))
        .containsExactly("roster", "knock", "roster", "knock", "roster");
    assertThat(heard.eventsOf("ann")).containsExactly("roster", "roster", "knock");
    assertThat(heard.eventsOf("ben")).containsExactly("roster");
    RosterChange last = heard.details("host", "roster", RosterChange.class).get(2);
    assertThat(last.epoch()).isEqualTo(2);
    assertThat(last.securityCode()).isEqualTo(m.get(0).securityCode());
    assertThat(last.members().values()).extracting(VerifiedIdentity::account)
        .containsExactly("host", "ann", "ben");
    assertThat(last.events()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(RosterEvent.Kind.JOINED);
      assertThat(e.identity().account()).isEqualTo("ben");
    });
    assertThat(heard.details("ben", "roster", RosterChange.class).get(0).events())
        .extracting(RosterEvent::kind).containsExactly(RosterEvent.Kind.OPENED);

    heard.clear();
    m.get(0).remove("ben");
    MeetingInternals.pollAll(m);
    MeetingInternals.pollAll(m);
    assertThat(heard.eventsOf("host")).containsExactly("roster");
    assertThat(heard.eventsOf("ann")).containsExactly("roster");
    assertThat(heard.details("ann", "roster", RosterChange.class).get(0).events())
        .extracting(RosterEvent::kind).containsExactly(RosterEvent.Kind.REMOVED);
    assertThat(heard.eventsOf("ben")).containsExactly("gone");
  }

  @Test
  @DisplayName("a rejected commit: rejected with its rule, stalled once, no roster change")
  void rejectedCommit_reportsRejectionAndStall_once_andNoRosterChange() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    heard.clear();
    f.submitUnchecked(m.get(1), CommitRequest.empty().remove(0));
    m.get(2).poll();
    m.get(2).poll();
    assertThat(heard.eventsOf("ben")).containsExactly("rejected", "stalled");
    Rejection rejection = heard.details("ben", "rejected", Rejection.class).get(0);
    assertThat(rejection.rule()).isEqualTo(MeetingRule.REMOVE_WITHOUT_RIGHT.name());
    assertThat(rejection.type()).isEqualTo("MeetingRuleException");
    assertThat(rejection.epoch()).isEqualTo(2);
    assertThat(heard.details("ben", "stalled", Stall.class).get(0).claimedCommitter())
        .isEqualTo(m.get(1).ownLeaf());
    // A second rejected envelope is reported; the stall is not told again.
    MeetingInternals.submit(f.ds,
        ProtoEnvelopes.media(m.get(0).id(), MediaKind.AUDIO, new byte[] {0, 1, 2}));
    m.get(2).poll();
    assertThat(heard.eventsOf("ben")).containsExactly("rejected", "stalled", "rejected");
  }

  @Test
  @DisplayName("ended: once, with the successor's invitation after a restart")
  void ended_once_withSuccessor() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    heard.clear();
    Meeting next = m.get(0).restart();
    m.get(1).poll();
    m.get(1).poll();
    m.get(1).close();
    assertThat(heard.eventsOf("ann")).containsExactly("ended");
    assertThat(heard.details("ann", "ended", Optional.class).get(0))
        .contains(next.invitation());
    assertThat(heard.eventsOf("host")).containsExactly("roster", "ended");
  }

  @Test
  @DisplayName("a knock at the lobby reaches the members once, at their next poll")
  void lobbyKnock_reachesMembersOnce() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    heard.clear();
    LobbyGuest.enter(f.client("zoe"), f.ds, m.get(0).invitation());
    assertThat(heard.eventsOf("host")).isEmpty();
    MeetingInternals.pollAll(m);
    MeetingInternals.pollAll(m);
    assertThat(heard.details("host", "knock", String.class)).containsExactly("zoe");
    assertThat(heard.details("ann", "knock", String.class)).containsExactly("zoe");
  }

  @Test
  @DisplayName("a Welcome not signed by the invitation's admitter is skipped, with why")
  void welcomeSkipped_notSignedByAdmitter_andNotAMeeting() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    m.get(0).assignRole(m.get(1).ownLeaf(), Role.MODERATOR);
    m.get(1).poll();
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), f.ds, m.get(0).invitation());
    m.get(1).admit("zoe");
    assertThat(zoe.poll()).isEmpty();
    assertThat(heard.details("zoe", "welcomeSkipped", WelcomeSkip.class))
        .singleElement().extracting(WelcomeSkip::reason)
        .isEqualTo(WelcomeSkip.Reason.NOT_SIGNED_BY_ADMITTER);
    assertThat(heard.eventsOf("zoe")).containsExactly("welcomeSkipped");

    RecordingListener weakHeard = new RecordingListener();
    // A meeting in a provisional SFrame suite, which eve's options refuse (spec §2.1).
    Meeting provisional = Meeting.open(f.client("pat", f.suite, MeetingOptions.defaults()
        .withSframeSuite(SframeSuite.fromId(6, true))
        .withSframeOptions(SframeOptions.defaults().withProvisionalSuites(true))), f.ds);
    MeetingClient eve = f.client("eve", f.suite, MeetingOptions.defaults()
        .withRuntime(MeetingRuntime.defaults().withListener(weakHeard)));
    LobbyGuest eveWaiting = LobbyGuest.enter(eve, f.ds, provisional.invitation());
    provisional.admit("eve");
    assertThat(eveWaiting.poll()).isEmpty();
    assertThat(weakHeard.details("eve", "welcomeSkipped", WelcomeSkip.class)).singleElement()
        .satisfies(skip -> {
          assertThat(skip.reason()).isEqualTo(WelcomeSkip.Reason.NOT_A_MEETING);
          assertThat(skip.detail()).isEqualTo("MeetingRuleException");
        });
  }

  @Test
  @DisplayName("a listener that throws is counted and logged; the meeting goes on")
  void throwingListener_isCountedAndLogged_meetingGoesOn() throws SealmeetException {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    MeetingListener broken = new MeetingListener() {
      @Override
      public void rosterChanged(Meeting meeting, RosterChange change) {
        throw new IllegalStateException("listener bug");
      }
    };
    MeetingFixtures g = new MeetingFixtures(MeetingOptions.defaults().withRuntime(
        MeetingRuntime.defaults().withListener(broken)
            .withLog((level, message) -> lines.add(level + " " + message.get()))));
    List<Meeting> m = g.meeting("host", "ann", "ben");
    for (Meeting member : m) {
      assertThat(member.epoch()).isEqualTo(2);
      assertThat(member.securityCode()).isEqualTo(m.get(0).securityCode());
      assertThat(member.rejected()).isEmpty();
    }
    assertThat(m.get(0).metrics().snapshot().listenerFailures()).isEqualTo(3);
    assertThat(m.get(2).metrics().snapshot().listenerFailures()).isEqualTo(1);
    assertThat(lines).contains("WARNING the meeting listener threw java.lang.IllegalStateException");
  }
}
