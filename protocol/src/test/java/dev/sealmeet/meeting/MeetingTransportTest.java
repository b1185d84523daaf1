package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.FaultyDeliveryService.Fault;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.mls.group.CommitRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The delivery-service contract's transport rules ({@link DeliveryService}): a lost answer never
 * stalls a member, the log settles a commit in flight, a retry re-sends the same submit id, and a
 * pushed envelope keeps {@link Meeting#nextSequence()} right.
 */
class MeetingTransportTest {
  private final MeetingFixtures f = new MeetingFixtures();
  private final FaultyDeliveryService faulty = new FaultyDeliveryService(f.ds, 1);

  private List<Meeting> meeting(String... accounts) throws SealmeetException {
    Meeting host = Meeting.open(f.client(accounts[0]), faulty);
    List<Meeting> all = new ArrayList<>(List.of(host));
    for (int i = 1; i < accounts.length; i++) {
      LobbyGuest guest = LobbyGuest.enter(f.client(accounts[i]), faulty, host.invitation());
      host.admit(accounts[i]);
      all.add(guest.poll().orElseThrow());
    }
    MeetingInternals.pollAll(all);
    return all;
  }

  private long commitsInLog(Meeting m) {
    return MeetingInternals.recorded(f.ds, m.id()).stream().filter(e -> e.hasHandshake()
        && e.getHandshake().getKind() == Handshake.Kind.COMMIT).count();
  }

  private static void assertAgree(List<Meeting> m) {
    for (Meeting member : m) {
      assertThat(member.epoch()).isEqualTo(m.get(0).epoch());
      assertThat(member.securityCode()).isEqualTo(m.get(0).securityCode());
      assertThat(member.stall()).isEmpty();
      assertThat(member.rejected()).isEmpty();
    }
  }

  @Test
  @DisplayName("a commit whose answer was lost is merged from the log, no stall [SM-DS-9]")
  void lostCommitAnswer_nextPoll_mergesOwnCommit_noStall() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting host = m.get(0);
    long epoch = host.epoch();
    faulty.plan("fetch", Optional.empty()).plan("submit", Optional.of(Fault.REPLY_DROPPED));
    assertThatThrownBy(host::update).isInstanceOfSatisfying(TransportException.class,
        e -> assertThat(e.retryable()).isTrue());
    assertThat(host.epoch()).isEqualTo(epoch);
    assertThat(host.stall()).isEmpty();

    host.poll();
    assertThat(host.epoch()).isEqualTo(epoch + 1);
    m.get(1).poll();
    assertAgree(m);
    host.update(); // the retry of the failed call: merged already, returns
    assertThat(host.epoch()).isEqualTo(epoch + 1);
    host.update(); // a new change: nothing is STALLED
    MeetingInternals.pollAll(m);
    assertThat(host.epoch()).isEqualTo(epoch + 2);
    assertAgree(m);
  }

  @Test
  void retryAfterLostAnswer_returnsWithoutSecondCommit() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting host = m.get(0);
    long epoch = host.epoch();
    long commits = commitsInLog(host);
    faulty.plan("fetch", Optional.empty()).plan("submit", Optional.of(Fault.REPLY_DROPPED));
    assertThatThrownBy(host::update).isInstanceOf(TransportException.class);
    host.update(); // the same call again: the log shows the commit, merged, done
    assertThat(host.epoch()).isEqualTo(epoch + 1);
    assertThat(commitsInLog(host)).isEqualTo(commits + 1);
    m.get(1).poll();
    assertAgree(m);
  }

  @Test
  @DisplayName("a retry after a dropped request re-sends the same submit id [SM-DS-8] [SM-DS-9]")
  void droppedRequest_retry_resubmitsSameSubmitId() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting host = m.get(0);
    long epoch = host.epoch();
    long commits = commitsInLog(host);
    int before = faulty.submitted.size();
    faulty.plan("fetch", Optional.empty()).plan("submit", Optional.of(Fault.REQUEST_DROPPED));
    assertThatThrownBy(host::update).isInstanceOf(TransportException.class);
    assertThat(commitsInLog(host)).isEqualTo(commits);
    host.update();
    assertThat(commitsInLog(host)).isEqualTo(commits + 1);
    assertThat(host.epoch()).isEqualTo(epoch + 1);
    List<byte[]> sent = faulty.submitted.subList(before, faulty.submitted.size());
    assertThat(sent).hasSize(2);
    assertThat(submitId(sent.get(1))).isEqualTo(submitId(sent.get(0)));
    m.get(1).poll();
    assertAgree(m);
  }

  private static byte[] submitId(byte[] envelope) throws SealmeetException {
    return ProtoEnvelopes.parse(envelope).getSubmitId().toByteArray();
  }

  @Test
  void anotherCommitWins_whileOwnInFlight_ownIsDiscarded_retryCommitsOnNewEpoch()
      throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting host = m.get(0);
    long epoch = host.epoch();
    faulty.plan("fetch", Optional.empty()).plan("submit", Optional.of(Fault.REQUEST_DROPPED));
    assertThatThrownBy(host::update).isInstanceOf(TransportException.class);
    m.get(1).update();
    host.poll();
    assertThat(host.epoch()).isEqualTo(epoch + 1);
    assertThat(MeetingInternals.group(host).hasPendingCommit()).isFalse();
    host.update();
    MeetingInternals.pollAll(m);
    assertThat(host.epoch()).isEqualTo(epoch + 2);
    assertAgree(m);
  }

  @Test
  void droppedWelcome_retryOfAdmit_sendsItOnce_guestJoins() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting host = m.get(0);
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), faulty, host.invitation());
    faulty.plan("submit", Optional.empty()).plan("submit", Optional.of(Fault.REQUEST_DROPPED));
    assertThatThrownBy(() -> host.admit("zoe")).isInstanceOf(TransportException.class);
    assertThat(zoe.poll()).isEmpty();
    host.admit("zoe"); // the retry: the commit is merged already, the Welcome goes out
    Meeting atZoe = zoe.poll().orElseThrow();
    List<Envelope> log = MeetingInternals.recorded(f.ds, host.id());
    assertThat(log.stream().filter(Envelope::hasWelcome)
        .filter(e -> e.getWelcome().getRecipientsList().contains("zoe"))).hasSize(1);
    List<Meeting> all = List.of(host, m.get(1), atZoe);
    MeetingInternals.pollAll(all);
    assertAgree(all);
    assertThat(host.roster()).hasSize(3);
  }

  @Test
  @DisplayName("a joiner whose Welcome comes late reads from its commit [SM-CTRL-5]")
  void welcomeAfterLaterCommit_joinerReadsFromItsCommit() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting host = m.get(0);
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), faulty, host.invitation());
    faulty.plan("submit", Optional.empty()).plan("submit", Optional.of(Fault.REQUEST_DROPPED));
    assertThatThrownBy(() -> host.admit("zoe")).isInstanceOf(TransportException.class);
    m.get(1).poll();
    m.get(1).update(); // ordered before the Welcome
    host.admit("zoe");
    Meeting atZoe = zoe.poll().orElseThrow();
    List<Meeting> all = List.of(host, m.get(1), atZoe);
    MeetingInternals.pollAll(all);
    assertAgree(all);
  }

  @Test
  void failedFetch_changesNothing_nextPollReads() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting ann = m.get(1);
    m.get(0).send(MediaKind.AUDIO, new byte[] {7});
    long next = ann.nextSequence();
    faulty.plan("fetch", Optional.of(Fault.REPLY_DROPPED));
    assertThatThrownBy(ann::poll).isInstanceOf(TransportException.class);
    assertThat(ann.nextSequence()).isEqualTo(next);
    assertThat(ann.poll()).singleElement()
        .satisfies(frame -> assertThat(frame.payload()).containsExactly(7));
  }

  @Test
  void lostLeaveAnswer_retry_ordersOneProposal() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting ann = m.get(1);
    faulty.plan("submit", Optional.of(Fault.REPLY_DROPPED));
    assertThatThrownBy(ann::leave).isInstanceOf(TransportException.class);
    ann.leave();
    assertThat(MeetingInternals.recorded(f.ds, ann.id()).stream().filter(e -> e.hasHandshake()
        && e.getHandshake().getKind() == Handshake.Kind.PROPOSAL)).hasSize(1);
    assertThat(m.get(0).commitPending()).isTrue();
    ann.poll();
    assertThat(ann.status()).isEqualTo(Meeting.Status.GONE);
  }

  @Test
  @DisplayName("an own commit ordered that this member no longer holds is a stall naming it [SM-DS-9]")
  void ownCommitNoLongerHeld_isAStallNamingItself() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting ann = m.get(1);
    long epoch = ann.epoch();
    var group = MeetingInternals.group(ann);
    var commit = group.commit(CommitRequest.empty().forcePath());
    MeetingInternals.submit(faulty, MeetingInternals.commit(ann, commit.commit()));
    group.discardPendingCommit();
    ann.poll();
    assertThat(ann.epoch()).isEqualTo(epoch);
    assertThat(ann.stall()).as("the group moved on to an epoch this member cannot reach")
        .hasValueSatisfying(stall -> {
          assertThat(stall.epoch()).isEqualTo(epoch);
          assertThat(stall.claimedCommitter()).isEqualTo(ann.ownLeaf());
        });
  }

  @Test
  @DisplayName("a pushed envelope: next processed, gap refused, repeat ignored [SM-DS-10]")
  void pushedEnvelopes_processedInOrder_pollReplaysNothing() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting ann = m.get(1);
    List<SequencedEnvelope> pushed = new ArrayList<>();
    try (Subscription subscription = f.ds.subscribe(ann.id(), ann.nextSequence(), pushed::add)) {
      m.get(0).send(MediaKind.AUDIO, new byte[] {1});
      m.get(0).send(MediaKind.VIDEO, new byte[] {2});
      assertThat(pushed).hasSize(2);
      long next = ann.nextSequence();
      assertThatThrownBy(() -> ann.process(pushed.get(1).bytes()))
          .isInstanceOfSatisfying(MeetingRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(MeetingRule.SEQUENCE_GAP));
      assertThat(ann.nextSequence()).isEqualTo(next);
      assertThat(ann.process(pushed.get(0).bytes())).hasValueSatisfying(
          frame -> assertThat(frame.payload()).containsExactly(1));
      assertThat(ann.process(pushed.get(1).bytes())).hasValueSatisfying(
          frame -> assertThat(frame.payload()).containsExactly(2));
      assertThat(ann.process(pushed.get(0).bytes())).isEmpty(); // processed already
      assertThat(ann.nextSequence()).isEqualTo(next + 2);
      assertThat(ann.poll()).isEmpty();
    }
  }

  @Test
  void pushedEnvelopeWithoutSequence_isRefused_nothingChanges() throws SealmeetException {
    List<Meeting> m = meeting("host", "ann");
    Meeting ann = m.get(1);
    byte[] frame = m.get(0).send(MediaKind.AUDIO, new byte[] {1});
    long next = ann.nextSequence();
    byte[] unordered = ProtoEnvelopes.media(ann.id(), MediaKind.AUDIO, frame).toByteArray();
    assertThatThrownBy(() -> ann.process(unordered))
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNEXPECTED_ENVELOPE));
    assertThat(ann.nextSequence()).isEqualTo(next);
    assertThat(ann.poll()).hasSize(1);
  }
}
