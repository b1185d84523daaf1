package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.DeliveryCore;
import dev.sealmeet.ds.PresencePolicy;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The delivery service's gRPC server: a {@link DeliveryGrpcService} over a {@link DeliveryCore},
 * behind the {@link RequestLogInterceptor} and an {@link AuthenticatingInterceptor}, on Netty.
 * TLS is required outside loopback: a server bound to any other address without a certificate
 * refuses to start unless {@link Builder#insecure} says so. With a client CA it asks for client
 * certificates (mutual TLS) and refuses a connection without one chained to that CA. With
 * {@link Builder#dropAfter} it proposes the removal of clients that dropped ({@link
 * PresencePolicy}).
 *
 * <pre>{@code
 * try (DeliveryServer server = DeliveryServer.builder()
 *     .core(core).authenticator(BearerTokens.fromFile(tokens))
 *     .bind("0.0.0.0").port(7443).tls(certPem, keyPem).start()) {
 *   server.awaitTermination();
 * }
 * }</pre>
 */
public final class DeliveryServer implements AutoCloseable {
  /** Largest request taken (an envelope, a GroupInfo with its ratchet tree). */
  public static final int MAX_INBOUND_BYTES = 16 << 20;

  /** How long {@link #close} lets calls in flight finish before it cancels them. */
  public static final long GRACE_MILLIS = 2_000;

  private final Server server;
  private final String bind;
  private final int port;
  private final boolean tls;
  private final Optional<PresencePolicy> presence;

  private DeliveryServer(Server server, String bind, boolean tls,
      Optional<PresencePolicy> presence) {
    this.server = server;
    this.bind = bind;
    this.port = server.getPort();
    this.tls = tls;
    this.presence = presence;
  }

  /** The policy that removes dropped clients, if {@link Builder#dropAfter} turned it on. */
  public Optional<PresencePolicy> presence() {
    return presence;
  }

  /** A builder; bind address 127.0.0.1, port 0 (any free one), no TLS. */
  public static Builder builder() {
    return new Builder();
  }

  /** The port the server listens (or listened) on. */
  public int port() {
    return port;
  }

  /** Whether connections use TLS. */
  public boolean tls() {
    return tls;
  }

  /** Blocks until the server stopped. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Stops taking calls, lets those in flight finish for up to {@link #GRACE_MILLIS}, then cancels
   * the rest (subscriptions end: their clients subscribe again elsewhere). The core stays open.
   */
  @Override
  public void close() {
    presence.ifPresent(PresencePolicy::close);
    server.shutdown();
    try {
      if (!server.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        server.shutdownNow().awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops at once, cancelling every call in flight (what a crashed node looks like). */
  public void kill() {
    presence.ifPresent(PresencePolicy::close);
    server.shutdownNow();
    try {
      server.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Address, port and TLS only. */
  @Override
  public String toString() {
    return "DeliveryServer[" + bind + ":" + port() + (tls ? ", TLS" : ", plaintext") + "]";
  }

  /** Configures a {@link DeliveryServer}. */
  public static final class Builder {
    private String bind = "127.0.0.1";
    private int port;
    private Path certificate;
    private Path privateKey;
    private Path clientCa;
    private boolean insecure;
    private Authenticator authenticator;
    private DeliveryCore core;
    private Duration dropAfter = Duration.ZERO;

    private Builder() {}

    /**
     * Proposes the removal of a client whose account had no open subscription and made no call
     * for {@code time} ({@link PresencePolicy}); zero (the default) turns this off.
     */
    public Builder dropAfter(Duration time) {
      if (Objects.requireNonNull(time, "time").isNegative()) {
        throw new IllegalArgumentException("dropAfter must not be negative");
      }
      this.dropAfter = time;
      return this;
    }

    /** The address to listen on (default 127.0.0.1). */
    public Builder bind(String address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The TCP port (0: any free one, see {@link DeliveryServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The server's certificate chain and its PKCS#8 private key, as PEM files: TLS on. */
    public Builder tls(Path certificateChainPem, Path privateKeyPem) {
      this.certificate = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
      this.privateKey = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
      return this;
    }

    /** The CA (PEM) client certificates must chain to: mutual TLS, needs {@link #tls}. */
    public Builder clientCa(Path caPem) {
      this.clientCa = Objects.requireNonNull(caPem, "caPem");
      return this;
    }

    /** Allows plaintext on an address other than loopback (a TLS-terminating proxy in front). */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /** Who may call ({@link BearerTokens}, {@link ClientCertificates}); required. */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /** The core to serve; required. Its owner closes it after the server. */
    public Builder core(DeliveryCore core) {
      this.core = Objects.requireNonNull(core, "core");
      return this;
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException if the core or authenticator is missing, a client CA is set
     *     without TLS, or the address is not loopback and neither TLS nor {@code insecure} is set
     * @throws IOException if the address cannot be bound or a PEM file cannot be read
     */
    public DeliveryServer start() throws IOException {
      if (core == null || authenticator == null) {
        throw new IllegalStateException("a server needs a core and an authenticator");
      }
      if (clientCa != null && certificate == null) {
        throw new IllegalStateException("mutual TLS needs the server's own certificate (tls)");
      }
      InetAddress address = InetAddress.getByName(bind);
      if (certificate == null && !address.isLoopbackAddress() && !insecure) {
        throw new IllegalStateException("refusing plaintext on " + bind
            + ", which is not loopback: give a TLS certificate and key, or say insecure");
      }
      NettyServerBuilder netty = NettyServerBuilder.forAddress(new InetSocketAddress(address, port))
          .maxInboundMessageSize(MAX_INBOUND_BYTES)
          .permitKeepAliveTime(10, TimeUnit.SECONDS)
          .permitKeepAliveWithoutCalls(true);
      if (certificate != null) {
        SslContextBuilder ssl =
            GrpcSslContexts.forServer(certificate.toFile(), privateKey.toFile());
        if (clientCa != null) {
          ssl.trustManager(clientCa.toFile()).clientAuth(ClientAuth.REQUIRE);
        }
        netty.sslContext(ssl.build());
      }
      Optional<PresencePolicy> presence = dropAfter.isZero() ? Optional.empty()
          : Optional.of(new PresencePolicy(core, dropAfter, Clock.systemUTC()));
      // The last interceptor runs first: the log, then authentication, then presence.
      netty.addService(presence.isEmpty()
          ? ServerInterceptors.intercept(new DeliveryGrpcService(core),
              new AuthenticatingInterceptor(authenticator), new RequestLogInterceptor())
          : ServerInterceptors.intercept(new DeliveryGrpcService(core),
              new PresenceInterceptor(presence.get()),
              new AuthenticatingInterceptor(authenticator), new RequestLogInterceptor()));
      Server server;
      try {
        server = netty.build().start();
      } catch (IOException | RuntimeException e) {
        presence.ifPresent(PresencePolicy::close);
        throw e;
      }
      return new DeliveryServer(server, bind, certificate != null, presence);
    }
  }
}
