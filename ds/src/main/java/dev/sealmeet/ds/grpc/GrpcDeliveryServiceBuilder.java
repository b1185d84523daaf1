package dev.sealmeet.ds.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Configures a {@link GrpcDeliveryService}: one or more targets ({@code host:port}, tried in
 * order, the next on a failure), a credential (a bearer token, or a client certificate for mutual
 * TLS), trust (CA roots, the JDK's default roots, or plaintext, which is allowed for loopback
 * targets only), a per-call deadline and a {@link RetryPolicy}.
 */
public final class GrpcDeliveryServiceBuilder {
  /** Largest answer taken (a page of the log). */
  public static final int MAX_INBOUND_BYTES = 16 << 20;

  private final List<String> targets = new ArrayList<>();
  private String bearerToken;
  private Path clientCertificate;
  private Path clientKey;
  private Path trustRoots;
  private boolean plaintext;
  private Duration deadline = Duration.ofSeconds(10);
  private RetryPolicy retry = RetryPolicy.defaults();

  GrpcDeliveryServiceBuilder() {}

  /** Adds a server node, {@code host:port}; the first added is tried first. */
  public GrpcDeliveryServiceBuilder target(String hostAndPort) {
    targets.add(Objects.requireNonNull(hostAndPort, "hostAndPort"));
    return this;
  }

  /** Authenticates with a bearer token (the server's tokens file holds its SHA-256). */
  public GrpcDeliveryServiceBuilder bearerToken(String token) {
    this.bearerToken = Objects.requireNonNull(token, "token");
    return this;
  }

  /** Authenticates with a client certificate chain and its PKCS#8 key, as PEM (mutual TLS). */
  public GrpcDeliveryServiceBuilder clientCertificate(Path certificateChainPem,
      Path privateKeyPem) {
    this.clientCertificate = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
    this.clientKey = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    return this;
  }

  /** Trusts the CA certificates of a PEM file for the servers' certificates. */
  public GrpcDeliveryServiceBuilder trustRoots(Path caPem) {
    this.trustRoots = Objects.requireNonNull(caPem, "caPem");
    return this;
  }

  /** Speaks plaintext HTTP/2: for loopback targets only. */
  public GrpcDeliveryServiceBuilder plaintext() {
    this.plaintext = true;
    return this;
  }

  /** The deadline of each call, and of the start of a subscription (default 10 s). */
  public GrpcDeliveryServiceBuilder deadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("a deadline is positive");
    }
    this.deadline = deadline;
    return this;
  }

  /** How idempotent calls are retried (default {@link RetryPolicy#defaults()}). */
  public GrpcDeliveryServiceBuilder retry(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /**
   * Makes the channels (they connect on the first call).
   *
   * @throws IllegalStateException without a target, with plaintext to a target that is not
   *     loopback, or with both plaintext and TLS settings
   * @throws IOException if a PEM file cannot be read
   */
  public GrpcDeliveryService build() throws IOException {
    if (targets.isEmpty()) {
      throw new IllegalStateException("no target");
    }
    if (plaintext && (trustRoots != null || clientCertificate != null)) {
      throw new IllegalStateException("plaintext with TLS settings");
    }
    SslContext ssl = null;
    if (plaintext) {
      for (String target : targets) {
        if (!loopback(target)) {
          throw new IllegalStateException("plaintext to a target that is not loopback");
        }
      }
    } else {
      SslContextBuilder tls = GrpcSslContexts.forClient();
      if (trustRoots != null) {
        tls.trustManager(trustRoots.toFile());
      }
      if (clientCertificate != null) {
        tls.keyManager(clientCertificate.toFile(), clientKey.toFile());
      }
      ssl = tls.build();
    }
    List<ManagedChannel> channels = new ArrayList<>();
    for (String target : targets) {
      NettyChannelBuilder channel = NettyChannelBuilder.forTarget(target)
          .maxInboundMessageSize(MAX_INBOUND_BYTES)
          .keepAliveTime(30, TimeUnit.SECONDS);
      if (ssl == null) {
        channel.usePlaintext();
      } else {
        channel.sslContext(ssl);
      }
      if (bearerToken != null) {
        channel.intercept(new BearerCredential(bearerToken));
      }
      channels.add(channel.build());
    }
    return new GrpcDeliveryService(targets, channels, deadline, retry);
  }

  /** Whether {@code hostAndPort} names this machine: {@code localhost} or a loopback literal. */
  static boolean loopback(String hostAndPort) {
    String host = hostAndPort;
    int colon = host.lastIndexOf(':');
    if (host.startsWith("[")) {
      host = host.substring(1, Math.max(1, host.indexOf(']')));
    } else if (colon >= 0 && host.indexOf(':') == colon) {
      host = host.substring(0, colon);
    }
    if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: not resolved here
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Sends {@code authorization: Bearer <token>} with every call; never prints the token. */
  private static final class BearerCredential implements ClientInterceptor {
    private final String value;

    BearerCredential(String token) {
      this.value = BearerTokens.SCHEME + token;
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method,
        CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<A> listener, Metadata headers) {
          headers.put(BearerTokens.AUTHORIZATION, value);
          super.start(listener, headers);
        }
      };
    }

    @Override
    public String toString() {
      return "BearerCredential[…]";
    }
  }
}
