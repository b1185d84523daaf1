package dev.sealmeet.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The delivery core with real meetings over {@link CoreDeliveryService}, for any store: members
 * converge through every change, and the server refuses what it must.
 */
public abstract class DeliveryCoreContract extends CoreTestBase {

  @Test
  void membersConvergeThroughAdmitUpdateRemoveLeaveAndEnd() throws Exception {
    Meeting host = Meeting.open(f.client("host"), f.ds("host"));
    LobbyGuest ann = LobbyGuest.enter(f.client("ann"), f.ds("ann"), host.invitation());
    LobbyGuest ben = LobbyGuest.enter(f.client("ben"), f.ds("ben"), host.invitation());
    host.poll();
    host.admitAll(List.of("ann", "ben"));
    Meeting annM = ann.poll().orElseThrow();
    Meeting benM = ben.poll().orElseThrow();
    List<Meeting> all = List.of(host, annM, benM);
    CoreFixtures.pollAll(all);
    assertConverged(all);
    assertThat(host.roster()).hasSize(3);

    annM.update();
    CoreFixtures.pollAll(all);
    assertConverged(all);

    host.remove("ben");
    CoreFixtures.pollAll(all);
    assertThat(benM.status()).isEqualTo(Meeting.Status.GONE);
    assertConverged(List.of(host, annM));

    annM.leave();
    CoreFixtures.pollAll(List.of(host, annM));
    host.update();
    CoreFixtures.pollAll(List.of(host, annM));
    assertThat(annM.status()).isEqualTo(Meeting.Status.GONE);
    assertThat(host.roster()).hasSize(1);

    host.end();
    assertThat(f.store.head(host.id()).orElseThrow().ended()).isTrue();
    assertThat(f.ds("host").submitted).allSatisfy(
        s -> assertThat(s.result().status()).isEqualTo(SubmitStatus.ACCEPTED));
  }

  @Test
  void anOutsidersSubmitIsRefused() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    m.get(1).update();
    byte[] valid = f.ds("ann").last().envelope();
    SubmitResult result = f.core.submit(new Caller("mallory"),
        Wire.withSubmitId(valid, random(16)));
    assertThat(result.status()).isEqualTo(SubmitStatus.REFUSED);
    assertThat(result.reason()).isEqualTo("not a member of the meeting");
    // an account that waits in the lobby is a reader, not a member
    LobbyGuest.enter(f.client("zoe"), f.ds("zoe"), m.get(0).invitation());
    assertThat(f.core.submit(new Caller("zoe"), Wire.withSubmitId(valid, random(16))).reason())
        .isEqualTo("not a member of the meeting");
  }

  @Test
  void onlyReadersFetchOrSubscribe() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    Caller mallory = new Caller("mallory");
    assertThatThrownBy(() -> f.core.fetch(mallory, id, 1, 10))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> f.core.subscribe(mallory, id, 1, e -> { }))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> f.ds("mallory").fetch(id, 1))
        .isInstanceOf(IllegalStateException.class);
    assertThat(f.core.fetch(new Caller("ann"), id, 1, 10)).isNotEmpty();
    assertThat(f.core.fetch(new Caller("host"), id, 1, 10)).isNotEmpty();
    assertThatThrownBy(() -> f.core.fetch(mallory, random(16), 1, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noAccountPublishesForAnother_onlyAnAdmitterClaims() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    KeyPackageEntry annsName = new KeyPackageEntry("ann", false, random(32));
    assertThatThrownBy(() -> f.core.publishKeyPackage(new Caller("mallory"), id, annsName))
        .isInstanceOf(AccessDeniedException.class);
    LobbyGuest.enter(f.client("zoe"), f.ds("zoe"), m.get(0).invitation());
    assertThatThrownBy(() -> f.core.claimKeyPackage(new Caller("mallory"), id, "zoe"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> f.core.claimKeyPackage(new Caller("zoe"), id, "zoe"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> f.core.knocks(new Caller("zoe"), id, 0))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(f.core.knocks(new Caller("ann"), id, 0)).contains("zoe");
    assertThatThrownBy(() -> f.core.claimKeyPackage(new Caller("ann"), id, "zoe"))
        .as("a participant may not admit, so it may not drain the lobby")
        .isInstanceOf(AccessDeniedException.class);
    assertThat(f.core.claimKeyPackage(new Caller("host"), id, "zoe")).isPresent();
  }

  @Test
  void oneAccountWaitsInTwoLobbies() throws Exception {
    Meeting one = Meeting.open(f.client("host1"), f.ds("host1"));
    Meeting two = Meeting.open(f.client("host2"), f.ds("host2"));
    LobbyGuest inOne = LobbyGuest.enter(f.client("zoe"), f.ds("zoe"), one.invitation());
    LobbyGuest inTwo = LobbyGuest.enter(f.client("zoe"), f.ds("zoe"), two.invitation());
    two.admit("zoe");
    one.admit("zoe");
    Meeting zoeOne = inOne.poll().orElseThrow();
    Meeting zoeTwo = inTwo.poll().orElseThrow();
    CoreFixtures.pollAll(List.of(one, two, zoeOne, zoeTwo));
    assertConverged(List.of(one, zoeOne));
    assertConverged(List.of(two, zoeTwo));
    assertThat(zoeOne.id()).isNotEqualTo(zoeTwo.id());
  }

  @Test
  void aStaleCommitGetsStaleEpochAndItsAnswerIsKept() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    m.get(0).update();
    byte[] commit = f.ds("host").last().envelope();
    long epoch = m.get(0).epoch();
    byte[] submitId = random(16);
    SubmitResult stale = f.core.submit(new Caller("host"), Wire.withSubmitId(commit, submitId));
    assertThat(stale).isEqualTo(SubmitResult.staleEpoch(epoch));
    CoreFixtures.pollAll(m);
    m.get(1).update();
    assertThat(f.core.submit(new Caller("host"), Wire.withSubmitId(commit, submitId)))
        .isEqualTo(stale);
    long next = f.store.head(m.get(0).id()).orElseThrow().nextSequence();
    assertThat(f.core.submit(new Caller("host"), Wire.withSubmitId(commit, random(16))))
        .isEqualTo(SubmitResult.staleEpoch(epoch + 1));
    assertThat(f.store.head(m.get(0).id()).orElseThrow().nextSequence()).isEqualTo(next);
  }

  @Test
  void aMemberRemovedWhileItCommitsLearnsItWasRemoved() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    f.ds("ann").beforeNextSubmit(() -> m.get(0).remove("ann")); // ordered first
    assertThatThrownBy(ann::update).isInstanceOfSatisfying(MeetingRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(MeetingRule.NOT_IN_MEETING));
    assertThat(f.ds("ann").last().result().reason()).isEqualTo("not a member of the meeting");
    assertThat(ann.status()).isEqualTo(Meeting.Status.GONE);
    CoreFixtures.pollAll(List.of(m.get(0), m.get(2)));
    assertConverged(List.of(m.get(0), m.get(2)));
  }

  @Test
  void aRemovedMembersRetryGetsItsFirstAnswer() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(1).update();
    RecordingDeliveryService.Submitted first = f.ds("ann").last();
    assertThat(first.result().status()).isEqualTo(SubmitStatus.ACCEPTED);
    CoreFixtures.pollAll(m);
    m.get(0).remove("ann");
    assertThat(f.core.submit(new Caller("ann"), first.envelope())).isEqualTo(first.result());
    assertThat(f.core.submit(new Caller("ann"), Wire.withSubmitId(first.envelope(), random(16)))
        .reason()).isEqualTo("not a member of the meeting");
  }

  @Test
  void junkIsRefusedAndNotStored() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    long next = f.store.head(id).orElseThrow().nextSequence();
    Caller host = new Caller("host");
    SubmitResult notEnvelope = f.core.submit(host, random(40));
    assertThat(notEnvelope.status()).isEqualTo(SubmitStatus.REFUSED);
    assertThat(notEnvelope.reason()).isEqualTo("not a control envelope");
    SubmitResult junk = f.core.submit(host,
        Wire.junkCommit(id, random(16), m.get(0).epoch(), random(60)));
    assertThat(junk.status()).isEqualTo(SubmitStatus.REFUSED);
    assertThat(junk.reason()).isNotEmpty();
    assertThatThrownBy(() -> f.core.submit(host, Wire.junkCommit(random(16), random(16), 0,
        random(60)))).isInstanceOf(IllegalArgumentException.class);
    assertThat(f.store.head(id).orElseThrow().nextSequence()).isEqualTo(next);
    CoreFixtures.pollAll(m);
    assertConverged(m);
  }

  @Test
  void aRepeatedSubmitIdGetsTheFirstAnswer() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    m.get(1).update();
    RecordingDeliveryService.Submitted first = f.ds("ann").last();
    assertThat(first.result().status()).isEqualTo(SubmitStatus.ACCEPTED);
    long next = f.store.head(m.get(0).id()).orElseThrow().nextSequence();
    assertThat(f.core.submit(new Caller("ann"), first.envelope())).isEqualTo(first.result());
    assertThat(f.store.head(m.get(0).id()).orElseThrow().nextSequence()).isEqualTo(next);
    SubmitResult other = f.core.submit(new Caller("ann"), Wire.junkCommit(m.get(0).id(),
        Wire.submitId(first.envelope()), m.get(0).epoch(), random(60)));
    assertThat(other.status()).isEqualTo(SubmitStatus.REFUSED);
    assertThat(other.reason()).isEqualTo("submit id reused for other bytes");
  }

  @Test
  void mediaIsRefusedAndNeverStored() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    long next = f.store.head(m.get(0).id()).orElseThrow().nextSequence();
    m.get(0).send(MediaKind.AUDIO, "hello".getBytes(StandardCharsets.UTF_8));
    SubmitResult result = f.ds("host").last().result();
    assertThat(result.status()).isEqualTo(SubmitStatus.REFUSED);
    assertThat(result.reason())
        .isEqualTo("media goes over the media plane (an SFU), not the delivery service");
    byte[] submitId = random(16);
    assertThat(f.core.submit(new Caller("host"), Wire.media(m.get(0).id(), submitId,
        random(30))).status()).isEqualTo(SubmitStatus.REFUSED);
    assertThat(f.store.answer(m.get(0).id(), submitId)).isEmpty();
    assertThat(f.store.head(m.get(0).id()).orElseThrow().nextSequence()).isEqualTo(next);
  }

  @Test
  void signatureFramesAreOrdered_theirMediaIsNot() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    long next = f.store.head(m.get(0).id()).orElseThrow().nextSequence();
    for (int i = 0; i < SenderAuthParams.defaults().framesPerSignature(); i++) {
      m.get(0).send(MediaKind.AUDIO, new byte[] {(byte) i});
    }
    // the 16th frame made a signature frame due (spec §2.7): refused media, then it, ordered
    assertThat(f.ds("host").last().result().status()).isEqualTo(SubmitStatus.ACCEPTED);
    assertThat(f.store.head(m.get(0).id()).orElseThrow().nextSequence()).isEqualTo(next + 1);
    assertThat(m.get(1).poll()).isEmpty();
    assertThat(m.get(1).rejected()).isEmpty(); // it verified: no frame it covers came this way
  }

  @Test
  void pushesDeliverInOrderOnceAndResumeWithoutLoss() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    List<Long> seen = new CopyOnWriteArrayList<>();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    Subscription first = f.core.subscribe(new Caller("ann"), id, 1, e -> {
      seen.add(e.sequence());
      threads.add(Thread.currentThread());
    });
    for (int i = 0; i < 3; i++) {
      m.get(0).update();
      CoreFixtures.pollAll(m);
    }
    long next = f.store.head(id).orElseThrow().nextSequence();
    await(() -> seen.size() == next - 1);
    first.cancel();
    long resumeFrom = seen.get(seen.size() - 1) + 1;
    for (int i = 0; i < 2; i++) {
      m.get(1).update();
      CoreFixtures.pollAll(m);
    }
    List<Long> resumed = new CopyOnWriteArrayList<>();
    f.core.subscribe(new Caller("ann"), id, resumeFrom, e -> resumed.add(e.sequence()));
    m.get(0).update();
    long end = f.store.head(id).orElseThrow().nextSequence();
    await(() -> resumed.size() == end - resumeFrom);
    Thread.sleep(150);
    List<Long> all = new java.util.ArrayList<>(seen);
    all.addAll(resumed);
    assertThat(all).isEqualTo(java.util.stream.LongStream.range(1, end).boxed().toList());
    assertThat(threads).doesNotContain(Thread.currentThread());
  }

  @Test
  void aListenerThatThrowsIsNotCalledAgain() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    List<Long> calls = new CopyOnWriteArrayList<>();
    f.core.subscribe(new Caller("host"), m.get(0).id(), 1, e -> {
      calls.add(e.sequence());
      throw new IllegalStateException("listener fails");
    });
    await(() -> calls.size() == 1);
    m.get(0).update();
    Thread.sleep(300);
    assertThat(calls).containsExactly(1L);
  }

  @Test
  void aMeetingRunsOnPushesAlone() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    Meeting ann = m.get(1);
    List<SequencedEnvelope> pushed = new CopyOnWriteArrayList<>();
    f.ds("ann").subscribe(ann.id(), ann.nextSequence(), pushed::add);
    m.get(0).update();
    long next = f.store.head(ann.id()).orElseThrow().nextSequence();
    await(() -> !pushed.isEmpty() && pushed.get(pushed.size() - 1).sequence() == next - 1);
    for (SequencedEnvelope e : pushed) {
      ann.process(e.bytes());
    }
    assertConverged(m);
  }

  @Test
  void theServersRemoveOfADroppedClientIsCommittedByAMember() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    SubmitResult proposal = f.core.proposeRemove(m.get(0).id(), "host");
    assertThat(proposal.status()).isEqualTo(SubmitStatus.ACCEPTED);
    assertThat(m.get(1).commitPending()).isTrue();
    CoreFixtures.pollAll(m);
    assertThat(m.get(0).status()).isEqualTo(Meeting.Status.GONE);
    assertConverged(m.subList(1, 3));
    assertThat(m.get(2).roster()).hasSize(2);
    assertThatThrownBy(() -> f.core.proposeRemove(m.get(1).id(), "nobody"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoNodesOnOneStoreOrderOneCommitPerEpoch() throws Exception {
    ForwardingLogStore shared = new ForwardingLogStore(f.store);
    try (DeliveryCore nodeB = new DeliveryCore(shared, f.suite,
        CoreOptions.defaults().withPollInterval(Duration.ofMillis(50)))) {
      assertThat(nodeB.externalSender()).isEqualTo(f.core.externalSender());
      Meeting host = Meeting.open(f.client("host"), f.ds("host"));
      RecordingDeliveryService annDs = new RecordingDeliveryService(
          new CoreDeliveryService(nodeB, new Caller("ann")));
      LobbyGuest guest = LobbyGuest.enter(f.client("ann"), annDs, host.invitation());
      host.admit("ann");
      Meeting ann = guest.poll().orElseThrow();
      List<Meeting> m = List.of(host, ann);
      CoreFixtures.pollAll(m);
      long start = host.epoch();
      java.util.concurrent.atomic.AtomicBoolean armed =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      shared.beforeAppend = request -> {
        if (request.nextGroupInfo().isPresent() && armed.getAndSet(false)) {
          host.update(); // node A orders a commit of the same epoch first
        }
      };
      ann.update();
      CoreFixtures.pollAll(m);
      assertConverged(m);
      assertThat(host.epoch()).isEqualTo(start + 2);
      assertThat(annDs.submitted).extracting(s -> s.result().status())
          .contains(SubmitStatus.STALE_EPOCH);
    }
  }

  @Test
  void concurrentCommitsOnTwoNodesConverge() throws Exception {
    try (DeliveryCore nodeB = new DeliveryCore(new ForwardingLogStore(f.store), f.suite,
        CoreOptions.defaults().withPollInterval(Duration.ofMillis(50)))) {
      Meeting host = Meeting.open(f.client("host"), f.ds("host"));
      List<Meeting> m = new java.util.ArrayList<>(List.of(host));
      for (String name : List.of("ann", "ben", "cat")) {
        RecordingDeliveryService ds = name.equals("ben") ? f.ds(name)
            : new RecordingDeliveryService(new CoreDeliveryService(nodeB, new Caller(name)));
        LobbyGuest guest = LobbyGuest.enter(f.client(name), ds, host.invitation());
        host.admit(name);
        m.add(guest.poll().orElseThrow());
        CoreFixtures.pollAll(m);
      }
      long start = host.epoch();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(m.size());
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (Meeting member : m) {
        done.add(pool.submit(() -> {
          go.await();
          member.update();
          return null;
        }));
      }
      go.countDown();
      for (java.util.concurrent.Future<?> d : done) {
        d.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      CoreFixtures.pollAll(m);
      assertConverged(m);
      assertThat(host.epoch()).isEqualTo(start + m.size());
    }
  }

  @Test
  void meetingsGoOnAfterTheServerRestarts() throws Exception {
    assumeThat(durable()).as("a durable store").isTrue();
    List<Meeting> m = f.meeting("host", "ann", "ben");
    dev.sealmeet.mls.group.ExternalSender before = f.core.externalSender();
    RecordingDeliveryService.Submitted last = f.ds("host").last();
    f.restart(() -> reopen().orElseThrow());
    assertThat(f.core.externalSender()).isEqualTo(before);
    assertThat(f.core.submit(new Caller("host"), last.envelope())).isEqualTo(last.result());
    m.get(1).update();
    CoreFixtures.pollAll(m);
    assertConverged(m);
    // the server's identity survived: the group's external sender still verifies
    assertThat(f.core.proposeRemove(m.get(0).id(), "ben").status())
        .isEqualTo(SubmitStatus.ACCEPTED);
    assertThat(m.get(1).commitPending()).isTrue();
    CoreFixtures.pollAll(m);
    assertThat(m.get(2).status()).isEqualTo(Meeting.Status.GONE);
    assertConverged(m.subList(0, 2));
  }

  @Test
  void onlyTheSignerOfAVerifiedGroupInfoOpensAMeetingOnce() throws Exception {
    Meeting host = Meeting.open(f.client("host"), f.ds("host"));
    byte[] groupInfo = f.ds("host").opened.get(0);
    assertThatThrownBy(() -> f.core.openMeeting(new Caller("host"), host.id(), groupInfo))
        .isInstanceOf(IllegalStateException.class);
    f.store.drop(host.id());
    assertThatThrownBy(() -> f.core.openMeeting(new Caller("mallory"), host.id(), groupInfo))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> f.core.openMeeting(new Caller("host"), random(16), groupInfo))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] tampered = groupInfo.clone();
    tampered[tampered.length - 5] ^= 1;
    assertThatThrownBy(() -> f.core.openMeeting(new Caller("host"), host.id(), tampered))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.core.openMeeting(new Caller("host"), host.id(), random(50)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(f.store.head(host.id())).isEmpty();
    f.core.openMeeting(new Caller("host"), host.id(), groupInfo);
    assertThat(f.store.head(host.id()).orElseThrow().epoch()).isEqualTo(host.epoch());
  }
}
