package dev.sealmeet.ds.grpc;

import static dev.sealmeet.ds.grpc.PushedMember.assertConverged;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three {@code Meeting}s (a host and two admitted guests), each over its own {@link
 * GrpcDeliveryService} to a {@link DeliveryServer} on real loopback Netty, converge through
 * updates, a removal and the end: once reading the log by polling, once by pushes only.
 */
class MeetingOverGrpcTest {
  private static final Duration PATIENCE = GrpcWorld.patience();

  @Test
  void threeMembers_overGrpc_convergeByPolling() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host", "ann", "bob");
      List<Meeting> m = admitted(w, node);
      Meeting host = m.get(0);
      Meeting ann = m.get(1);
      Meeting bob = m.get(2);
      pollAll(m);
      assertConverged(m);
      assertThat(host.roster()).hasSize(3);

      ann.update();
      pollAll(m);
      assertConverged(m);
      bob.update();
      host.update();
      pollAll(m);
      assertConverged(m);

      long before = host.epoch();
      host.remove("bob");
      pollAll(m);
      assertThat(bob.status()).isEqualTo(Meeting.Status.GONE);
      assertConverged(List.of(host, ann));
      assertThat(host.epoch()).isEqualTo(before + 1);
      assertThat(host.roster()).hasSize(2);

      host.end();
      ann.poll();
      assertThat(ann.status()).isEqualTo(Meeting.Status.ENDED);
      assertThat(host.status()).isEqualTo(Meeting.Status.ENDED);
    }
  }

  @Test
  void threeMembers_overGrpc_convergeByPushes() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host", "ann", "bob");
      List<Meeting> m = admitted(w, node);
      pollAll(m);
      List<PushedMember> p = m.stream().map(PushedMember::new).toList();
      for (PushedMember member : p) {
        member.subscription = w.connect(member.meeting.account(), node).subscribe(
            member.meeting.id(), member.meeting.nextSequence(), member.pushed::add);
        w.closeLater(member);
      }
      PushedMember host = p.get(0);
      PushedMember ann = p.get(1);
      PushedMember bob = p.get(2);

      ann.meeting.update();
      host.catchUp(ann.meeting, PATIENCE);
      bob.catchUp(ann.meeting, PATIENCE);
      assertConverged(m);
      bob.meeting.update();
      host.catchUp(bob.meeting, PATIENCE);
      ann.catchUp(bob.meeting, PATIENCE);
      assertConverged(m);

      host.meeting.remove("bob");
      ann.catchUp(host.meeting, PATIENCE);
      bob.until(b -> b.status() == Meeting.Status.GONE, PATIENCE);
      assertConverged(List.of(host.meeting, ann.meeting));

      host.meeting.end();
      ann.until(a -> a.status() == Meeting.Status.ENDED, PATIENCE);
      // Everything the non-acting members learned after subscribing came by push.
      assertThat(host.processed + ann.processed + bob.processed).isGreaterThanOrEqualTo(6);
    }
  }

  /** The host opens, two guests knock and are admitted; their meetings as the host's order. */
  static List<Meeting> admitted(GrpcWorld w, DeliveryServer node) throws Exception {
    Meeting host = Meeting.open(w.client("host"), w.connect("host", node));
    LobbyGuest ann = LobbyGuest.enter(w.client("ann"), w.connect("ann", node),
        host.invitation());
    LobbyGuest bob = LobbyGuest.enter(w.client("bob"), w.connect("bob", node),
        host.invitation());
    host.admitAll(List.of("ann", "bob"));
    return List.of(host, ann.poll().orElseThrow(), bob.poll().orElseThrow());
  }

  static void pollAll(List<Meeting> members) throws Exception {
    for (int round = 0; round < 2; round++) {
      for (Meeting member : members) {
        if (member.status() == Meeting.Status.ACTIVE) {
          member.poll();
        }
      }
    }
  }
}
