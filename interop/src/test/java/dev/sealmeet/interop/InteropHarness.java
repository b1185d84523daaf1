package dev.sealmeet.interop;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mls_client.MLSClientGrpc;
import mls_client.MlsClient.NameRequest;
import mls_client.MlsClient.SupportedCiphersuitesRequest;

/**
 * Interop-client servers on 127.0.0.1 (ephemeral ports) and runner clients that reach them over
 * real gRPC, as the working group's runner dials {@code host:port}.
 */
final class InteropHarness implements AutoCloseable {
  private final List<InteropServer> servers = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<RunnerClient> clients = new ArrayList<>();

  /** Starts {@code count} servers and connects to each. */
  static InteropHarness start(int count) throws IOException {
    InteropHarness harness = new InteropHarness();
    for (int i = 0; i < count; i++) {
      InteropServer server = InteropServer.start("127.0.0.1", 0);
      harness.servers.add(server);
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port())
          .usePlaintext().maxInboundMessageSize(InteropServer.MAX_MESSAGE_BYTES).build();
      harness.channels.add(channel);
      MLSClientGrpc.MLSClientBlockingStub stub = MLSClientGrpc.newBlockingStub(channel);
      RunnerClient probe = new RunnerClient("?", stub, List.of());
      String name = probe.rpc().name(NameRequest.getDefaultInstance()).getName();
      List<Integer> suites = probe.rpc()
          .supportedCiphersuites(SupportedCiphersuitesRequest.getDefaultInstance())
          .getCiphersuitesList();
      harness.clients.add(new RunnerClient(name + "#" + i, stub, suites));
    }
    return harness;
  }

  List<RunnerClient> clients() {
    return clients;
  }

  /** The suites every client supports. */
  List<Integer> commonSuites() {
    List<Integer> common = new ArrayList<>(clients.get(0).suites());
    clients.forEach(c -> common.retainAll(c.suites()));
    return common;
  }

  @Override
  public void close() throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    servers.forEach(InteropServer::close);
  }
}
