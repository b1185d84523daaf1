package dev.sealmeet.ds.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.ds.Caller;
import dev.sealmeet.ds.CoreDeliveryService;
import dev.sealmeet.ds.CoreOptions;
import dev.sealmeet.ds.DeliveryCore;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real meetings over two server nodes, each a {@link DeliveryCore} on its own {@link
 * PostgresLogStore} over one database: members reach different nodes, and the nodes share
 * nothing but PostgreSQL. The cores poll once an hour, so a push that crosses nodes in time came
 * through LISTEN/NOTIFY.
 */
class PostgresTwoNodeMeetingTest {
  private static final Duration NO_POLLING = Duration.ofHours(1);
  private final PostgresServer server = PostgresServer.shared();

  private MlsSuite suite;
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  private PostgresLogStore storeA;
  private PostgresLogStore storeB;
  private DeliveryCore nodeA;
  private DeliveryCore nodeB;

  @BeforeEach
  void startNodes() throws Exception {
    suite = MlsSuite.of(1, new SecureRandom());
    String url = server.createDatabase();
    storeA = PostgresLogStore.open(url, server.user(), server.password());
    storeB = PostgresLogStore.open(url, server.user(), server.password());
    CoreOptions options = CoreOptions.defaults().withPollInterval(NO_POLLING)
        .withMaintenanceInterval(NO_POLLING);
    nodeA = new DeliveryCore(storeA, suite, options);
    nodeB = new DeliveryCore(storeB, suite, options);
    // Without polling, a push across nodes rests on LISTEN alone: an append notified before a
    // node listens is never pushed (a loaded machine starts the listening thread late).
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(storeA.listening() && storeB.listening()) && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(storeA.listening() && storeB.listening()).as("both nodes listen").isTrue();
  }

  @AfterEach
  void stopNodes() throws Exception {
    nodeA.close();
    nodeB.close();
    storeA.close();
    storeB.close();
  }

  private MeetingClient client(String account) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    accountKeys.put(account, identity.signaturePublicKey());
    IdentityVerifier verifier = (credential, key) ->
        IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
    return new MeetingClient(account, identity, suite, verifier, MeetingOptions.defaults());
  }

  private static CoreDeliveryService via(DeliveryCore node, String account) {
    return new CoreDeliveryService(node, new Caller(account));
  }

  /** The host on node A, then each guest through the node its index picks, admitted. */
  private List<Meeting> meeting(String... guests) throws Exception {
    Meeting host = Meeting.open(client("host"), via(nodeA, "host"));
    List<Meeting> all = new ArrayList<>(List.of(host));
    for (int i = 0; i < guests.length; i++) {
      DeliveryCore node = i % 2 == 0 ? nodeB : nodeA;
      LobbyGuest guest = LobbyGuest.enter(client(guests[i]), via(node, guests[i]),
          host.invitation());
      host.poll();
      host.admit(guests[i]);
      all.add(guest.poll().orElseThrow(() -> new AssertionError("no Welcome")));
      for (Meeting m : all) {
        m.poll();
      }
    }
    return all;
  }

  private static void assertConverged(List<Meeting> members) {
    for (Meeting member : members) {
      assertThat(member.status()).isEqualTo(Meeting.Status.ACTIVE);
      assertThat(member.epoch()).isEqualTo(members.get(0).epoch());
      assertThat(member.securityCode()).isEqualTo(members.get(0).securityCode());
      assertThat(member.rejected()).isEmpty();
    }
  }

  @Test
  void aCommitOrderedOnOneNode_isPushedToASubscriberOfTheOther() throws Exception {
    List<Meeting> m = meeting("ann");
    Meeting ann = m.get(1);
    List<SequencedEnvelope> pushed = new CopyOnWriteArrayList<>();
    CountDownLatch arrived = new CountDownLatch(1);
    try (Subscription subscription = via(nodeB, "ann").subscribe(ann.id(), ann.nextSequence(),
        e -> {
          pushed.add(e);
          arrived.countDown();
        })) {
      m.get(0).update();
      assertThat(arrived.await(10, TimeUnit.SECONDS)).as("pushed across nodes").isTrue();
      long last = storeA.head(ann.id()).orElseThrow().nextSequence() - 1;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (pushed.get(pushed.size() - 1).sequence() < last && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      for (SequencedEnvelope e : pushed) {
        ann.process(e.bytes());
      }
    }
    assertConverged(m);
  }

  @Test
  void membersCommittingAtOnceThroughBothNodes_converge() throws Exception {
    List<Meeting> m = meeting("ann", "ben", "cat");
    long start = m.get(0).epoch();
    ExecutorService pool = Executors.newFixedThreadPool(m.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (Meeting member : m) {
      done.add(pool.submit(() -> {
        go.await();
        member.update();
        return null;
      }));
    }
    go.countDown();
    for (Future<?> d : done) {
      d.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (Meeting member : m) {
      member.poll();
    }
    assertConverged(m);
    assertThat(m.get(0).epoch()).isEqualTo(start + m.size());
  }
}
