package dev.sealmeet.ds.faults;

import dev.sealmeet.ds.grpc.BearerTokens;
import dev.sealmeet.ds.grpc.GrpcDeliveryService;
import dev.sealmeet.ds.grpc.GrpcDeliveryServiceBuilder;
import dev.sealmeet.ds.grpc.RetryPolicy;
import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.MeetingPolicy;
import dev.sealmeet.meeting.MeetingRuntime;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The world of a fault test: accounts with bearer tokens (in a file the node processes read),
 * meeting clients whose keys a shared verifier knows, node processes, and gRPC clients of them
 * whose answers an {@link AckLog} records. Closes everything it made.
 */
final class Fleet implements AutoCloseable {
  /** How long a member waits for the others in a test (a hang fails, it does not wait). */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  final MlsSuite suite;
  final AckLog acks = new AckLog();
  final Path dir;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  /** Each account's latest client made by {@link #ds}. */
  final Map<String, GrpcDeliveryService> clients = new ConcurrentHashMap<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final MeetingPolicy policy;

  /** Accounts with tokens, under {@code dir}; members commit pending proposals after 300 ms. */
  Fleet(Path dir, String... accounts) throws Exception {
    this.dir = dir;
    suite = MlsSuite.of(1, random);
    policy = MeetingPolicy.none().withPendingCommits(Duration.ofMillis(300));
    List<String> lines = new ArrayList<>();
    for (String account : accounts) {
      byte[] secret = new byte[16];
      random.nextBytes(secret);
      tokens.put(account, HexFormat.of().formatHex(secret));
      lines.add(BearerTokens.line(account, tokens.get(account)));
    }
    Files.write(tokensFile(), lines, StandardCharsets.UTF_8);
  }

  Path tokensFile() {
    return dir.resolve("tokens");
  }

  /** A node process with {@code args} (its store, timers) and the tokens; closed at the end. */
  NodeProcess node(Map<String, String> env, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--tokens", tokensFile().toString()));
    NodeProcess node = NodeProcess.start(nodeLog(), env,
        all.toArray(String[]::new));
    closing.add(node);
    return node;
  }

  /** Where the nodes' standard error goes: under target/, so it outlives the test. */
  Path nodeLog() throws java.io.IOException {
    return Files.createDirectories(Path.of("target", "fault-nodes"))
        .resolve(dir.getFileName() + ".log");
  }

  /** A plaintext client of {@code account} to the loopback {@code ports}, in order. */
  GrpcDeliveryService connect(String account, int... ports) throws Exception {
    GrpcDeliveryServiceBuilder builder = GrpcDeliveryService.builder().plaintext()
        .bearerToken(tokens.get(account)).deadline(Duration.ofSeconds(5))
        .retry(new RetryPolicy(6, Duration.ofMillis(50), Duration.ofMillis(500), 2.0));
    for (int port : ports) {
      builder.target("127.0.0.1:" + port);
    }
    GrpcDeliveryService client = builder.build();
    closing.add(client);
    return client;
  }

  /** {@link #connect}, its answers recorded in {@link #acks}. */
  DeliveryService ds(String account, int... ports) throws Exception {
    GrpcDeliveryService client = connect(account, ports);
    clients.put(account, client);
    return acks.watch(account, client);
  }

  /** A meeting client of {@code account}, whose key the shared verifier knows. */
  MeetingClient client(String account) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    accountKeys.put(account, identity.signaturePublicKey());
    IdentityVerifier verifier =
        (credential, key) -> IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
    return new MeetingClient(account, identity, suite, verifier, MeetingOptions.defaults()
        .withRuntime(MeetingRuntime.defaults().withPolicy(policy)));
  }

  /** The host opens a meeting over {@code ports}; the guests knock and are admitted. */
  List<Meeting> meeting(int[] ports, String host, String... guests) throws Exception {
    Meeting opened = Meeting.open(client(host), ds(host, ports));
    List<LobbyGuest> waiting = new ArrayList<>();
    for (String guest : guests) {
      waiting.add(LobbyGuest.enter(client(guest), ds(guest, ports), opened.invitation()));
    }
    opened.admitAll(List.of(guests));
    List<Meeting> all = new ArrayList<>(List.of(opened));
    for (LobbyGuest guest : waiting) {
      all.add(guest.poll().orElseThrow(() -> new AssertionError("no Welcome")));
    }
    for (Meeting m : all) {
      m.poll();
    }
    return all;
  }

  /** Every entry of the meeting's log from {@code from} on, read by {@code account}. */
  List<SequencedEnvelope> log(String account, byte[] meetingId, long from, int... ports)
      throws Exception {
    GrpcDeliveryService reader = connect(account, ports);
    List<SequencedEnvelope> all = new ArrayList<>();
    long next = from;
    while (true) {
      List<SequencedEnvelope> page = reader.fetch(meetingId, next);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      next = page.get(page.size() - 1).sequence() + 1;
    }
  }

  /** Polls every active member until all are at one epoch, or fails after {@link #PATIENCE}. */
  static void converge(List<Meeting> members) throws Exception {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      for (Meeting m : members) {
        if (m.status() == Meeting.Status.ACTIVE) {
          try {
            m.poll();
          } catch (TransportException e) {
            // the next round tries again
          }
        }
      }
      if (members.stream().mapToLong(Meeting::epoch).distinct().count() == 1
          || System.nanoTime() > until) {
        return;
      }
      Thread.sleep(50);
    }
  }

  void closeLater(AutoCloseable resource) {
    closing.add(resource);
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (int i = closing.size() - 1; i >= 0; i--) {
      try {
        closing.get(i).close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
