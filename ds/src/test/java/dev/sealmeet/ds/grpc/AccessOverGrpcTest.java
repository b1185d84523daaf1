package dev.sealmeet.ds.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.message.MlsMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Who may call: bearer tokens, readers, members, and the typed errors a client gets. */
class AccessOverGrpcTest {

  @Test
  void missingToken_isUnauthenticated_notRetryable() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host");
      Meeting host = Meeting.open(w.client("host"), w.connect("host", node));
      GrpcDeliveryService anonymous = GrpcDeliveryService.builder().plaintext()
          .target("127.0.0.1:" + node.port()).build();
      w.closeLater(anonymous);
      assertRefused(() -> anonymous.fetch(host.id(), 1),
          CallRefusedException.Reason.UNAUTHENTICATED);
    }
  }

  @Test
  void wrongToken_isUnauthenticated() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host");
      Meeting host = Meeting.open(w.client("host"), w.connect("host", node));
      GrpcDeliveryService guesser = GrpcDeliveryService.builder().plaintext()
          .target("127.0.0.1:" + node.port()).bearerToken(w.token("host") + "0").build();
      w.closeLater(guesser);
      assertRefused(() -> guesser.fetch(host.id(), 1), CallRefusedException.Reason.UNAUTHENTICATED);
      assertRefused(() -> guesser.subscribe(host.id(), 1, e -> { }),
          CallRefusedException.Reason.UNAUTHENTICATED);
    }
  }

  @Test
  void nonReader_fetchAndSubscribe_arePermissionDenied() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host", "eve");
      Meeting host = Meeting.open(w.client("host"), w.connect("host", node));
      GrpcDeliveryService eve = w.connect("eve", node);
      assertRefused(() -> eve.fetch(host.id(), 1), CallRefusedException.Reason.PERMISSION_DENIED);
      assertRefused(() -> eve.subscribe(host.id(), 1, e -> { }),
          CallRefusedException.Reason.PERMISSION_DENIED);
      // A non-member neither claims KeyPackages nor reads the knocks (which it gets as none).
      assertRefused(() -> eve.claimKeyPackage(host.id(), "host"),
          CallRefusedException.Reason.PERMISSION_DENIED);
      assertThat(eve.knocks(host.id(), 0)).isEmpty();
    }
  }

  @Test
  void knockingGuest_becomesReader_andMemberSeesTheKnock() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host", "ann");
      GrpcDeliveryService hostDs = w.connect("host", node);
      Meeting host = Meeting.open(w.client("host"), hostDs);
      GrpcDeliveryService annDs = w.connect("ann", node);
      LobbyGuest.enter(w.client("ann"), annDs, host.invitation());
      assertThat(annDs.fetch(host.id(), 1)).isNotNull();
      assertThat(hostDs.knocks(host.id(), 0)).containsExactly("ann");
    }
  }

  @Test
  void unknownMeeting_isIllegalArgument_andOpeningTwice_isIllegalState() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host");
      GrpcDeliveryService ds = w.connect("host", node);
      MlsMessage[] opened = new MlsMessage[1];
      DeliveryService recording = new ForwardingDelivery(ds) {
        @Override
        public void openMeeting(byte[] meetingId, MlsMessage groupInfo)
            throws TransportException {
          opened[0] = groupInfo;
          super.openMeeting(meetingId, groupInfo);
        }
      };
      Meeting host = Meeting.open(w.client("host"), recording);
      assertThatThrownBy(() -> ds.fetch(new byte[] {1, 2, 3}, 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOT_FOUND");
      assertThatThrownBy(() -> ds.subscribe(new byte[] {1, 2, 3}, 1, e -> { }))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ds.openMeeting(host.id(), opened[0]))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("ALREADY_EXISTS");
      assertThatThrownBy(() -> ds.openMeeting(new byte[] {9}, opened[0]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INVALID_ARGUMENT");
    }
  }

  @Test
  void unreachableServer_isRetryableTransportFailure() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host");
      int port = node.port();
      node.close();
      GrpcDeliveryService ds = GrpcDeliveryService.builder().plaintext()
          .target("127.0.0.1:" + port).bearerToken(w.token("host"))
          .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), 2.0)).build();
      w.closeLater(ds);
      assertThatThrownBy(() -> ds.fetch(new byte[] {1}, 1))
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.retryable()).isTrue());
    }
  }

  interface Call {
    void run() throws Exception;
  }

  static void assertRefused(Call call, CallRefusedException.Reason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(TransportException.class, e -> {
      assertThat(e.retryable()).isFalse();
      assertThat(CallRefusedException.in(e)).get()
          .extracting(CallRefusedException::reason).isEqualTo(reason);
    });
  }
}
