package dev.sealmeet.ds.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.ds.grpc.proto.DeliveryGrpc;
import dev.sealmeet.ds.grpc.proto.Entry;
import dev.sealmeet.ds.grpc.proto.SubscribeRequest;
import dev.sealmeet.meeting.Meeting;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that stops reading does not make the server buffer its pushes without bound: past
 * the limit of unsent pushes its stream ends with {@code RESOURCE_EXHAUSTED} (it subscribes again
 * from where it is), while the meeting goes on.
 */
class SlowSubscriberTest {
  @Test
  void subscriberThatStopsReading_isCutOff_meetingGoesOn() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      w.token("host");
      Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(ServerInterceptors.intercept(new DeliveryGrpcService(w.core(), 8),
              new AuthenticatingInterceptor(w.bearerTokens())))
          .build().start();
      w.closeLater(() -> server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
      Meeting host = Meeting.open(w.client("host"), w.connect("host", server.getPort()));

      // A fixed 64 KiB window: unread pushes soon fill it, and the server's buffer after it.
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
          .initialFlowControlWindow(65_535).usePlaintext().build();
      w.closeLater(channel::shutdownNow);
      ClientCall<SubscribeRequest, Entry> call =
          channel.newCall(DeliveryGrpc.getSubscribeMethod(), CallOptions.DEFAULT);
      Metadata headers = new Metadata();
      headers.put(BearerTokens.AUTHORIZATION, BearerTokens.SCHEME + w.token("host"));
      AtomicInteger received = new AtomicInteger();
      CompletableFuture<Status> closed = new CompletableFuture<>();
      call.start(new ClientCall.Listener<>() {
        @Override
        public void onMessage(Entry message) {
          received.incrementAndGet();
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
          closed.complete(status);
        }
      }, headers);
      call.sendMessage(SubscribeRequest.newBuilder()
          .setMeetingId(com.google.protobuf.ByteString.copyFrom(host.id()))
          .setFromSequence(1).build());
      call.halfClose();
      call.request(1); // the "subscribed" marker, then nothing more is read

      int updates = 200; // the cut comes after some 110 (measured)
      for (int i = 0; i < updates; i++) {
        host.update(); // the meeting goes on
      }
      call.request(Integer.MAX_VALUE); // read what was buffered, then the end
      assertThat(closed.get(20, TimeUnit.SECONDS).getCode())
          .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(received.get()).isLessThan(updates + 1);
      assertThat(host.epoch()).isEqualTo(updates); // the meeting went on
    }
  }
}
