package dev.sealmeet.ds.grpc;

import static dev.sealmeet.ds.grpc.PushedMember.assertConverged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lost replies, dead nodes and dropped streams: an idempotent submit retried after its answer was
 * lost gets the first answer and is stored once; a claim is not retried; a client fails over to
 * another node sharing the store; a resubscribing subscription continues there with nothing lost
 * or repeated.
 */
class FailuresOverGrpcTest {
  private static final Duration PATIENCE = GrpcWorld.patience();

  @Test
  void lostSubmitReply_retried_getsTheFirstAnswer_storedOnce() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DroppingNode node = w.droppingNode("host", "ann");
      GrpcDeliveryService hostDs = w.connect("host", node.port());
      Meeting host = Meeting.open(w.client("host"), hostDs);
      LobbyGuest guest = LobbyGuest.enter(w.client("ann"), w.connect("ann", node.port()),
          host.invitation());
      host.admit("ann");
      Meeting ann = guest.poll().orElseThrow();
      host.poll();
      long logBefore = logLength(hostDs, host.id());
      int submitsBefore = node.calls("Submit");

      node.dropNextReply("Submit");
      ann.update(); // the answer to its commit is lost once; the retry gets it

      assertThat(node.dropped()).isEqualTo(1);
      assertThat(node.calls("Submit") - submitsBefore).isEqualTo(2);
      assertThat(logLength(hostDs, host.id())).isEqualTo(logBefore + 1);
      host.poll();
      ann.poll();
      assertConverged(List.of(host, ann));
    }
  }

  @Test
  void lostSubmitReply_atClientLevel_sameSequenceTwice() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DroppingNode node = w.droppingNode("host");
      GrpcDeliveryService hostDs = w.connect("host", node.port());
      List<byte[]> submitted = new ArrayList<>();
      Meeting host = Meeting.open(w.client("host"), new ForwardingDelivery(hostDs) {
        @Override
        public SubmitResult submit(byte[] envelope) throws TransportException {
          submitted.add(envelope);
          return super.submit(envelope);
        }
      });
      host.update();
      byte[] commit = submitted.get(submitted.size() - 1);
      assertThat(GrpcDeliveryService.hasSubmitId(commit)).isTrue();
      SubmitResult first = hostDs.submit(commit); // a repeat: the first answer
      node.dropNextReply("Submit");
      SubmitResult again = hostDs.submit(commit);
      assertThat(node.dropped()).isEqualTo(1);
      assertThat(again).isEqualTo(first);
      assertThat(first.status()).isEqualTo(SubmitStatus.ACCEPTED);
      assertThat(logLength(hostDs, host.id())).isEqualTo(first.sequence());
    }
  }

  @Test
  void lostClaimReply_isNotRetried_theKeyPackageIsUsed() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DroppingNode node = w.droppingNode("host", "ann");
      GrpcDeliveryService hostDs = w.connect("host", node.port());
      Meeting host = Meeting.open(w.client("host"), hostDs);
      LobbyGuest.enter(w.client("ann"), w.connect("ann", node.port()), host.invitation());
      int claimsBefore = node.calls("ClaimKeyPackage");

      node.dropNextReply("ClaimKeyPackage");
      assertThatThrownBy(() -> hostDs.claimKeyPackage(host.id(), "ann"))
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.retryable()).isTrue());
      assertThat(node.calls("ClaimKeyPackage") - claimsBefore).isEqualTo(1);
      assertThat(hostDs.claimKeyPackage(host.id(), "ann")).isEmpty();
    }
  }

  @Test
  void deadFirstNode_evenAClaimGoesToTheNext_forItWasNeverSent() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DroppingNode a = w.droppingNode("host", "ann");
      DroppingNode b = w.droppingNode();
      Meeting host = Meeting.open(w.client("host"), w.connect("host", b.port()));
      LobbyGuest.enter(w.client("ann"), w.connect("ann", b.port()), host.invitation());
      a.kill();
      GrpcDeliveryService hostDs = w.connect("host", a.port(), b.port());
      assertThat(hostDs.claimKeyPackage(host.id(), "ann")).isPresent();
      assertThat(b.calls("ClaimKeyPackage")).isEqualTo(1);
    }
  }

  @Test
  void deadNode_clientsFailOver_resubscribingPushesContinue_nothingLostOrRepeated()
      throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DroppingNode a = w.droppingNode("host", "ann", "bob");
      DroppingNode b = w.droppingNode();
      GrpcDeliveryService hostDs = w.connect("host", a.port(), b.port());
      GrpcDeliveryService annDs = w.connect("ann", a.port(), b.port());
      GrpcDeliveryService bobDs = w.connect("bob", a.port(), b.port());
      Meeting host = Meeting.open(w.client("host"), hostDs);
      LobbyGuest annGuest = LobbyGuest.enter(w.client("ann"), annDs, host.invitation());
      LobbyGuest bobGuest = LobbyGuest.enter(w.client("bob"), bobDs, host.invitation());
      host.admitAll(List.of("ann", "bob"));
      PushedMember ann = new PushedMember(annGuest.poll().orElseThrow());
      PushedMember bob = new PushedMember(bobGuest.poll().orElseThrow());
      host.poll();
      List<Long> annSequences = new java.util.concurrent.CopyOnWriteArrayList<>();
      ann.subscription = annDs.subscribeResubscribing(ann.meeting.id(),
          ann.meeting.nextSequence(), e -> {
            annSequences.add(e.sequence());
            ann.pushed.add(e);
          });
      bob.subscription = bobDs.subscribeResubscribing(bob.meeting.id(),
          bob.meeting.nextSequence(), bob.pushed::add);
      w.closeLater(ann);
      w.closeLater(bob);
      long firstPushed = ann.meeting.nextSequence();

      host.update();
      ann.catchUp(host, PATIENCE);
      bob.catchUp(host, PATIENCE);

      // Node a answers host's next commit, then dies before the answer is sent; node b serves
      // every subscription from sequence 1, whatever it asks (the client skips the repeats).
      b.rewindSubscriptions();
      long annNextAtKill = ann.meeting.nextSequence();
      a.dropNextReply("Submit");
      host.update();
      a.kill();
      assertThat(a.dropped()).isEqualTo(1);
      assertThat(b.calls("Submit")).isEqualTo(1); // the retry, answered from the store

      ann.meeting.update(); // through b
      bob.catchUp(ann.meeting, PATIENCE);
      ann.catchUp(host, PATIENCE);
      host.poll();
      assertConverged(List.of(host, ann.meeting, bob.meeting));
      assertThat(b.calls("Subscribe")).isGreaterThanOrEqualTo(2); // both resubscribed to b
      // They asked b to continue after what they had, not from the start.
      assertThat(b.subscribedFrom()).allSatisfy(from -> assertThat(from)
          .isGreaterThanOrEqualTo(annNextAtKill));

      // ann got each entry once, in order, without a gap, across the two nodes.
      long last = annDs.fetch(host.id(), 1).stream().mapToLong(SequencedEnvelope::sequence)
          .max().orElseThrow();
      List<Long> expected = new ArrayList<>();
      for (long s = firstPushed; s <= last; s++) {
        expected.add(s);
      }
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (annSequences.size() < expected.size() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(annSequences).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void droppedStream_endsAPlainSubscription_andAThrowingListenerIsNotCalledAgain()
      throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DroppingNode node = w.droppingNode("host");
      GrpcDeliveryService ds = w.connect("host", node.port());
      Meeting host = Meeting.open(w.client("host"), ds);
      host.update();
      host.update();
      List<Long> taken = new java.util.concurrent.CopyOnWriteArrayList<>();
      GrpcSubscription throwing = (GrpcSubscription) ds.subscribe(host.id(), 1, e -> {
        taken.add(e.sequence());
        throw new IllegalStateException("listener failure");
      });
      assertThat(throwing.awaitEnd(PATIENCE)).isTrue();
      host.update();
      assertThat(taken).containsExactly(1L);
      assertThat(throwing.active()).isFalse();

      GrpcSubscription plain = (GrpcSubscription) ds.subscribe(host.id(), 1, e -> { });
      assertThat(plain.active()).isTrue();
      node.kill();
      assertThat(plain.awaitEnd(PATIENCE)).isTrue();
      assertThat(plain.active()).isFalse();
    }
  }

  static long logLength(GrpcDeliveryService ds, byte[] meetingId) throws Exception {
    long last = 0;
    for (long from = 1; ; ) {
      List<SequencedEnvelope> page = ds.fetch(meetingId, from);
      if (page.isEmpty()) {
        return last;
      }
      last = page.get(page.size() - 1).sequence();
      from = last + 1;
    }
  }
}
