package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The delivery-service contract and role enforcement: several members committing at once, one
 * commit per epoch, losers re-committing later, reconnection from a sequence number, the
 * KeyPackage directory, and adds or removes committed without the right rejected by everyone.
 */
class MeetingContractTest {
  private final MeetingFixtures f = new MeetingFixtures();

  @Test
  @DisplayName("one commit per epoch wins and every member converges [SM-DS-2]")
  void concurrentCommits_oneWinsPerEpoch_allConverge_nothingLost() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben", "cat", "dan");
    long start = m.get(0).epoch();
    ExecutorService pool = Executors.newFixedThreadPool(m.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (Meeting member : m) {
      done.add(pool.submit(() -> {
        go.await();
        member.update();
        return null;
      }));
    }
    go.countDown();
    for (Future<?> d : done) {
      d.get();
    }
    pool.shutdown();
    MeetingInternals.pollAll(m);
    long end = start + m.size();
    for (Meeting member : m) {
      assertThat(member.epoch()).isEqualTo(end);
      assertThat(member.securityCode()).isEqualTo(m.get(0).securityCode());
      assertThat(member.rejected()).isEmpty();
    }
    List<Handshake> commits = MeetingInternals.recorded(f.ds, m.get(0).id()).stream()
        .filter(Envelope::hasHandshake).map(Envelope::getHandshake)
        .filter(h -> h.getKind() == Handshake.Kind.COMMIT && h.getEpoch() >= start)
        .collect(Collectors.toList());
    assertThat(commits).extracting(Handshake::getEpoch)
        .containsExactlyElementsOf(java.util.stream.LongStream.range(start, end).boxed()
            .collect(Collectors.toList()));
    Map<Long, Long> bySender = commits.stream().collect(Collectors.groupingBy(h -> {
      try {
        return ((dev.sealmeet.mls.message.PublicMessage) MlsMessage.fromBytes(
            h.getMlsMessage().toByteArray()).body()).content().sender().index();
      } catch (SealmeetException e) {
        throw new AssertionError(e);
      }
    }, Collectors.counting()));
    assertThat(bySender).hasSize(m.size()).allSatisfy((leaf, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  @DisplayName("a commit for a past epoch is refused and not stored [SM-DS-2]")
  void staleCommit_isRefused_andNotStored() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    long epoch = m.get(1).epoch();
    CommitResult late = m.get(1).group().commit(CommitRequest.empty());
    m.get(0).update();
    SubmitResult result = MeetingInternals.submit(f.ds, ProtoEnvelopes.handshake(m.get(1).id(),
        Handshake.Kind.COMMIT,
        epoch, late.commit()));
    assertThat(result.status()).isEqualTo(SubmitStatus.STALE_EPOCH);
    assertThat(result.epoch()).isEqualTo(epoch + 1);
    m.get(1).group().discardPendingCommit();
    m.get(1).poll();
    assertThat(m.get(1).epoch()).isEqualTo(epoch + 1);
  }

  @Test
  @DisplayName("a member reconnects from a sequence number [SM-DS-5]")
  void reconnection_fromSequenceNumber_catchesUp() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ben = m.get(2);
    long resumeAt = ben.nextSequence();
    m.get(0).update();
    m.get(0).send(MediaKind.VIDEO, new byte[] {4, 5});
    m.get(1).update();
    List<Envelope> missed = MeetingInternals.fetch(f.ds, ben.id(), resumeAt);
    assertThat(missed).extracting(Envelope::getSequence).first().isEqualTo(resumeAt);
    assertThat(missed).hasSize(3);
    List<ReceivedFrame> frames = ben.poll();
    assertThat(frames).hasSize(1);
    assertThat(ben.epoch()).isEqualTo(m.get(1).epoch());
    assertThat(ben.securityCode()).isEqualTo(m.get(1).securityCode());
    assertThat(ben.nextSequence()).isEqualTo(resumeAt + 3);
  }

  @Test
  @DisplayName("each KeyPackage is handed out once, a last-resort one stays [SM-DS-3]")
  void keyPackageDirectory_handsOutEachOnce_lastResortStays() {
    byte[] lobby = {7, 7, 7};
    MeetingClient zoe = f.client("zoe");
    f.ds.publishKeyPackage(lobby, zoe.upload(zoe.newKeyPackage(true), true));
    f.ds.publishKeyPackage(lobby, zoe.upload(zoe.newKeyPackage(false), false));
    KeyPackageEntry first = f.ds.claimKeyPackage(lobby, "zoe").orElseThrow();
    KeyPackageEntry second = f.ds.claimKeyPackage(lobby, "zoe").orElseThrow();
    KeyPackageEntry third = f.ds.claimKeyPackage(lobby, "zoe").orElseThrow();
    assertThat(first.lastResort()).isFalse();
    assertThat(second.lastResort()).isTrue();
    assertThat(third).isEqualTo(second);
    assertThat(f.ds.claimKeyPackage(lobby, "nobody")).isEmpty();
  }

  @Test
  @DisplayName("KeyPackages are scoped to a lobby: one account waits in two, neither hands out the other's [SM-DS-3]")
  void keyPackageDirectory_isScopedToALobby() {
    byte[] first = {1};
    byte[] second = {2};
    MeetingClient zoe = f.client("zoe");
    KeyPackageEntry forFirst = zoe.upload(zoe.newKeyPackage(false), false);
    KeyPackageEntry forSecond = zoe.upload(zoe.newKeyPackage(false), false);
    f.ds.publishKeyPackage(first, forFirst);
    f.ds.publishKeyPackage(second, forSecond);
    assertThat(f.ds.claimKeyPackage(second, "zoe").orElseThrow().keyPackage())
        .isEqualTo(forSecond.keyPackage());
    assertThat(f.ds.claimKeyPackage(second, "zoe")).isEmpty();
    assertThat(f.ds.claimKeyPackage(first, "zoe").orElseThrow().keyPackage())
        .isEqualTo(forFirst.keyPackage());
  }

  @Test
  @DisplayName("an Add by a participant is rejected by every member [SM-ROLE-2]")
  void addCommittedByParticipant_isRejectedByEveryMember() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    MeetingClient zoe = f.client("zoe");
    KeyPackage kp = zoe.newKeyPackage(false).keyPackage();
    long epoch = f.submitUnchecked(m.get(1), CommitRequest.empty().add(kp));
    MeetingFixtures.assertAllReject(List.of(m.get(0), m.get(2)), epoch,
        MeetingRule.ADD_WITHOUT_RIGHT);
    assertThat(m.get(0).roster()).hasSize(3);
    assertThat(m.get(2).roster()).hasSize(3);
  }

  @Test
  @DisplayName("a commit every member rejects stalls them, says who sent it, and media still flows")
  void rejectedOrderedCommit_stallsMembers_namesCommitter_mediaStillFlows()
      throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    long epoch = f.submitUnchecked(ann, CommitRequest.empty().remove(0));
    // A commit for the epoch arriving outside the log (process) is only rejected, not a stall.
    List<Envelope> log = MeetingInternals.fetch(f.ds, ann.id(), 0);
    assertThatThrownBy(() -> MeetingInternals.process(m.get(2), log.get(log.size() - 1)))
        .isInstanceOf(MeetingRuleException.class);
    assertThat(m.get(2).stall()).isEmpty();
    for (Meeting other : List.of(m.get(0), m.get(2))) {
      assertThat(other.stall()).isEmpty();
      other.poll();
      assertThat(other.stall()).hasValueSatisfying(stall -> {
        assertThat(stall.epoch()).isEqualTo(epoch);
        assertThat(stall.claimedCommitter()).isEqualTo(ann.ownLeaf());
        assertThat(stall.reason()).isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.REMOVE_WITHOUT_RIGHT));
      });
    }
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), f.ds, m.get(0).invitation());
    MeetingFixtures.assertBreaks(MeetingRule.STALLED, () -> m.get(0).admit(zoe.account()));
    MeetingFixtures.assertBreaks(MeetingRule.STALLED, () -> m.get(2).leave());
    m.get(0).send(MediaKind.AUDIO, new byte[] {9});
    assertThat(m.get(2).poll()).singleElement()
        .satisfies(frame -> assertThat(frame.payload()).containsExactly(9));
  }

  @Test
  @DisplayName("after a full fork the host restarts; members follow, the committer is left out")
  void stalledHost_restarts_membersFollow_committerLeftOut() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    f.submitUnchecked(ann, CommitRequest.empty().remove(0));
    m.get(0).poll();
    m.get(2).poll();
    long culprit = m.get(0).stall().orElseThrow().claimedCommitter();
    assertThat(m.get(0).roster().get(culprit).account()).isEqualTo("ann");

    Meeting next = m.get(0).restart();
    assertThat(m.get(0).status()).isEqualTo(Meeting.Status.ENDED);
    m.get(2).poll();
    ann.poll();
    assertThat(m.get(2).status()).isEqualTo(Meeting.Status.ENDED);
    byte[] successor = m.get(2).successor().orElseThrow();
    assertThat(successor).isEqualTo(next.id());
    assertThat(ann.successor()).hasValueSatisfying(id -> assertThat(id).isEqualTo(next.id()));
    Invitation invitation = m.get(2).successorInvitation().orElseThrow();
    assertThat(invitation).isEqualTo(next.invitation());
    LobbyGuest benWaiting = LobbyGuest.enter(f.client("ben"), f.ds, invitation);
    LobbyGuest annWaiting = LobbyGuest.enter(f.client("ann"), f.ds,
        ann.successorInvitation().orElseThrow());
    next.admit("ben");
    Meeting ben = benWaiting.poll().orElseThrow();
    assertThat(annWaiting.poll()).isEmpty();
    next.send(MediaKind.AUDIO, new byte[] {4, 2});
    assertThat(ben.poll()).singleElement()
        .satisfies(frame -> assertThat(frame.payload()).containsExactly(4, 2));
    assertThat(ben.roster().values()).extracting(VerifiedIdentity::account)
        .containsExactly("host", "ben");
    assertThat(ben.securityCode()).isEqualTo(next.securityCode());
  }

  @Test
  void plainEnd_namesNoSuccessor_andOnlyAHostMayRestart() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    MeetingFixtures.assertBreaks(MeetingRule.END_WITHOUT_RIGHT, () -> m.get(1).restart());
    m.get(0).end();
    m.get(1).poll();
    assertThat(m.get(1).status()).isEqualTo(Meeting.Status.ENDED);
    assertThat(m.get(1).successor()).isEmpty();
  }

  @Test
  @DisplayName("a Remove by a participant is rejected by every member [SM-ROLE-3]")
  void removeCommittedByParticipant_isRejectedByEveryMember() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    long epoch = f.submitUnchecked(m.get(1), CommitRequest.empty().remove(0));
    MeetingFixtures.assertAllReject(List.of(m.get(0), m.get(2)), epoch,
        MeetingRule.REMOVE_WITHOUT_RIGHT);
  }

  @Test
  @DisplayName("a roles change by a participant is rejected by every member [SM-ROLE-4]")
  void rolesChangeByParticipant_isRejectedByEveryMember() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    Roles promoted = ann.roles().with(f.identities.get("ann").credential(), Role.HOST);
    long epoch = f.submitUnchecked(ann, CommitRequest.empty().groupContextExtensions(
        promoted.replaceIn(ann.group().context().extensions())));
    MeetingFixtures.assertAllReject(List.of(m.get(0), m.get(2)), epoch,
        MeetingRule.ROLES_CHANGE_WITHOUT_RIGHT);
  }
}
