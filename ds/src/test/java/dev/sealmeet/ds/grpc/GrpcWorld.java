package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.DeliveryCore;
import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.MemoryLogStore;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts with bearer tokens and meeting clients, server nodes over one shared store on real
 * loopback Netty, and gRPC clients of them. Closes everything it made.
 */
final class GrpcWorld implements AutoCloseable {
  final MlsSuite suite;
  final LogStore store;
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final SecureRandom random = new SecureRandom();

  GrpcWorld() throws SealmeetException {
    this(new MemoryLogStore());
  }

  /** Nodes over {@code store}. */
  GrpcWorld(LogStore store) throws SealmeetException {
    this.store = store;
    suite = MlsSuite.of(1, random);
  }

  /** The bearer token of {@code account}, made on first use. */
  String token(String account) {
    return tokens.computeIfAbsent(account, a -> {
      byte[] secret = new byte[16];
      random.nextBytes(secret);
      return HexFormat.of().formatHex(secret);
    });
  }

  /** The server's tokens: every account a token was made for. */
  BearerTokens bearerTokens() {
    return BearerTokens.parse(tokens.entrySet().stream()
        .map(e -> BearerTokens.line(e.getKey(), e.getValue())).toList());
  }

  /** A meeting client of {@code account}, whose key the shared verifier knows. */
  MeetingClient client(String account) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    accountKeys.put(account, identity.signaturePublicKey());
    IdentityVerifier verifier =
        (credential, key) -> IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
    return new MeetingClient(account, identity, suite, verifier, MeetingOptions.defaults());
  }

  /** A core over the shared store (one node's). */
  DeliveryCore core() throws Exception {
    DeliveryCore core = new DeliveryCore(store, suite);
    closing.add(core);
    return core;
  }

  /** A plaintext loopback node over the shared store, authenticating the tokens made so far. */
  DeliveryServer node(String... accounts) throws Exception {
    for (String account : accounts) {
      token(account);
    }
    DeliveryServer server = DeliveryServer.builder().core(core()).authenticator(bearerTokens())
        .start();
    closing.add(server);
    return server;
  }

  /** A plaintext client of {@code account} to {@code servers}, in order. */
  GrpcDeliveryService connect(String account, DeliveryServer... servers) throws IOException {
    int[] ports = new int[servers.length];
    for (int i = 0; i < servers.length; i++) {
      ports[i] = servers[i].port();
    }
    return connect(account, ports);
  }

  /** A plaintext client of {@code account} to the loopback {@code ports}, in order. */
  GrpcDeliveryService connect(String account, int... ports) throws IOException {
    GrpcDeliveryServiceBuilder builder = GrpcDeliveryService.builder().plaintext()
        .bearerToken(token(account)).deadline(Duration.ofSeconds(5))
        .retry(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200), 2.0));
    for (int port : ports) {
      builder.target("127.0.0.1:" + port);
    }
    GrpcDeliveryService client = builder.build();
    closing.add(client);
    return client;
  }

  /** A node whose replies can be dropped after the core answered, over the shared store. */
  DroppingNode droppingNode(String... accounts) throws Exception {
    for (String account : accounts) {
      token(account);
    }
    DroppingNode node = new DroppingNode(core(), bearerTokens());
    closing.add(node);
    return node;
  }

  void closeLater(AutoCloseable resource) {
    closing.add(resource);
  }

  private boolean closed;

  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    store.close();
  }

  static Duration patience() {
    return Duration.ofSeconds(20);
  }
}
