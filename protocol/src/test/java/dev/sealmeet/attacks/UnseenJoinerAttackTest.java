package dev.sealmeet.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.RosterEvent;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.ExternalProposals;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 2020 weakness: a server could put a participant into a meeting without the others seeing it.
 * Here the attacker is the delivery service (it proposes as external sender and chooses who sees
 * which part of the log) or a participant forging an Add.
 */
class UnseenJoinerAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  private KeyPackage keyPackageOf(byte[] meetingId, String account) throws SealmeetException {
    return (KeyPackage) MlsMessage.fromBytes(
        f.ds.claimKeyPackage(meetingId, account).orElseThrow().keyPackage()).body();
  }

  /** The server's signing identity: the attacker owns it (read by reflection in this test). */
  private SigningIdentity serverIdentity() throws ReflectiveOperationException {
    java.lang.reflect.Field field = InMemoryDeliveryService.class.getDeclaredField("identity");
    field.setAccessible(true);
    return (SigningIdentity) field.get(f.ds);
  }

  @Test
  @DisplayName("every admission is seen by all, verified, with a new code [SM-ROSTER-1] [SM-SEC-2]")
  void everyJoin_isSeenByEveryMember_andChangesTheCode() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    String before = m.get(0).securityCode();
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), f.ds, m.get(0).invitation());
    m.get(0).admit("zoe");
    Meeting joined = zoe.poll().orElseThrow();
    for (Meeting member : m) {
      member.poll();
      assertThat(member.events()).last().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(RosterEvent.Kind.JOINED);
        assertThat(e.identity().account()).isEqualTo("zoe");
        assertThat(e.byLeaf()).isEqualTo(m.get(0).ownLeaf());
      });
      assertThat(member.securityCode()).isNotEqualTo(before)
          .isEqualTo(joined.securityCode());
    }
  }

  /** A guest "ghost" waits in the lobby and the server proposes its Add, as external sender. */
  private void serverProposesGhostAdd(Meeting host) throws Exception {
    LobbyGuest.enter(f.client("ghost"), f.ds, host.invitation());
    MlsMessage add = ExternalProposals.fromExternalSender(f.suite, host.id(), host.epoch(), 0,
        serverIdentity(), new AddProposal(keyPackageOf(host.id(), "ghost")));
    MeetingInternals.submit(f.ds, MeetingInternals.handshake(host.id(), Handshake.Kind.PROPOSAL,
        host.epoch(),
        add));
  }

  @Test
  @DisplayName("an Add the server proposes is refused on receipt, never committed [SM-DS-4]")
  void serverProposedAdd_isNeverCommitted() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    serverProposesGhostAdd(m.get(0));
    // Every member refuses the server's Add as it arrives: there is nothing to flush.
    assertThat(m.get(0).commitPending()).isFalse();
    for (Meeting member : m) {
      member.poll();
      assertThat(member.leafOf("ghost")).isEmpty();
      assertThat(member.rejected()).singleElement().isInstanceOfSatisfying(
          MeetingRuleException.class,
          e -> assertThat(e.rule()).isEqualTo(MeetingRule.PROPOSAL_REFUSED));
    }
    assertThat(m.get(1).commitPending()).isFalse();
  }

  @Test
  @DisplayName("a participant's commit after a server-proposed Add leaves it out [SM-ROLE-2]")
  void participantCommit_afterServerAdd_leavesItOut_andStaysInStep() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    serverProposesGhostAdd(m.get(0));
    long before = m.get(1).epoch();
    m.get(1).update();
    for (Meeting member : m) {
      member.poll();
      assertThat(member.epoch()).isEqualTo(before + 1);
      assertThat(member.leafOf("ghost")).isEmpty();
      assertThat(member.securityCode()).isEqualTo(m.get(1).securityCode());
    }
  }

  @Test
  @DisplayName("a participant's Add is refused by every other member [SM-ROLE-2]")
  void participantAdd_isRefused() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    LobbyGuest.enter(f.client("ghost"), f.ds, m.get(0).invitation());
    long epoch = m.get(1).epoch();
    CommitResult forged = MeetingInternals.group(m.get(1))
        .commit(CommitRequest.empty().add(keyPackageOf(m.get(0).id(), "ghost")));
    MeetingInternals.submit(f.ds, MeetingInternals.commit(m.get(1), forged.commit()));
    for (Meeting other : List.of(m.get(0), m.get(2))) {
      other.poll();
      assertThat(other.epoch()).isEqualTo(epoch);
      assertThat(other.leafOf("ghost")).isEmpty();
      assertThat(other.rejected()).singleElement().isInstanceOfSatisfying(
          MeetingRuleException.class,
          e -> assertThat(e.rule()).isEqualTo(MeetingRule.ADD_WITHOUT_RIGHT));
    }
  }

  @Test
  @DisplayName("a withheld commit shows as different codes [SM-SEC-2]")
  void splitView_showsAsDifferentCodes() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    LobbyGuest ghost = LobbyGuest.enter(f.client("ghost"), f.ds, m.get(0).invitation());
    m.get(0).admit("ghost");
    ghost.poll();
    m.get(1).poll(); // the server shows the Add to ann only; ben is kept on the old epoch
    assertThat(m.get(1).leafOf("ghost")).isPresent();
    assertThat(m.get(2).leafOf("ghost")).isEmpty();
    assertThat(m.get(1).securityCode()).isNotEqualTo(m.get(2).securityCode());
  }
}
