package dev.sealmeet.interop;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code MLSClient} gRPC server (plaintext HTTP/2, as the working group's runner dials
 * it) around one {@link MlsClientService}.
 *
 * <pre>
 * try (InteropServer server = InteropServer.start("127.0.0.1", 50051)) {
 *   server.awaitTermination();
 * }
 * </pre>
 */
public final class InteropServer implements AutoCloseable {
  /** Largest message accepted: deep_random's commits and Welcomes stay far below it. */
  public static final int MAX_MESSAGE_BYTES = 16 << 20;

  private final Server server;

  private InteropServer(Server server) {
    this.server = server;
  }

  /**
   * Starts a server on {@code host}:{@code port}; port 0 picks a free one (see {@link #port()}).
   *
   * @throws IOException if the address cannot be bound
   */
  public static InteropServer start(String host, int port) throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .addService(new MlsClientService())
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .build()
        .start();
    return new InteropServer(server);
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /** Blocks until the server shuts down. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** Stops accepting calls, waits up to five seconds for running ones, then stops hard. */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
