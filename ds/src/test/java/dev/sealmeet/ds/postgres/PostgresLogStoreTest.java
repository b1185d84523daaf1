package dev.sealmeet.ds.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.LogStoreContract;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.meeting.KeyPackageEntry;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The PostgreSQL store keeps every rule of {@link LogStore} against a real PostgreSQL (one server
 * for the class, a fresh database per test; a restart reopens the store on the same database),
 * and the rules that only a shared store has: two store objects ("nodes") agree.
 */
class PostgresLogStoreTest extends LogStoreContract {
  private static PostgresServer server;
  private String url;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected LogStore open() throws Exception {
    url = server.createDatabase();
    return PostgresLogStore.open(url, server.user(), server.password(), 4);
  }

  @Override
  protected Optional<LogStore> reopen() throws Exception {
    return Optional.of(PostgresLogStore.open(url, server.user(), server.password(), 4));
  }

  private PostgresLogStore secondNode() throws StoreException {
    return PostgresLogStore.open(url, server.user(), server.password(), 4);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void serverIdentity_isMadeOnce_andSharedByEveryNode() throws Exception {
    AtomicInteger made = new AtomicInteger();
    byte[] first = store.serverIdentity(() -> bytes("identity " + made.incrementAndGet()));
    try (PostgresLogStore other = secondNode()) {
      assertThat(other.serverIdentity(() -> bytes("identity " + made.incrementAndGet())))
          .isEqualTo(first);
    }
    assertThat(first).isEqualTo(bytes("identity 1"));
    assertThat(made).hasValue(1);
  }

  @Test
  void nodesStartingTogetherOnAnEmptyDatabase_migrateOnce_andAgreeOnTheIdentity()
      throws Exception {
    String fresh = server.createDatabase();
    List<PostgresLogStore> nodes = new CopyOnWriteArrayList<>();
    Set<String> identities = ConcurrentHashMap.newKeySet();
    try {
      race(6, i -> {
        PostgresLogStore node = PostgresLogStore.open(fresh, server.user(), server.password(), 2);
        nodes.add(node);
        identities.add(new String(node.serverIdentity(() -> bytes("identity of node " + i)),
            StandardCharsets.UTF_8));
      });
    } finally {
      for (PostgresLogStore node : nodes) {
        node.close();
      }
    }
    assertThat(nodes).hasSize(6);
    assertThat(identities).hasSize(1);
  }

  @Test
  void theDatabaseItself_refusesASecondCommitOfAnEpoch() throws Exception {
    byte[] meeting = bytes("meeting");
    store.createMeeting(meeting, 0, bytes("gi 0"), "host");
    store.append(AppendRequest.entry(meeting, new byte[0], bytes("d"), 0, s -> bytes("commit"),
        bytes("gi 1"), false));
    try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO commits (meeting, epoch, seq) VALUES (?, 0, 2)")) {
      insert.setBytes(1, meeting);
      assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
    }
  }

  @Test
  void knocksRacingOnTwoNodes_neverOverfillTheLobby() throws Exception {
    int max = 5;
    try (PostgresLogStore other = secondNode()) {
      for (int round = 0; round < 10; round++) {
        byte[] meeting = bytes("lobby " + round);
        AtomicInteger admitted = new AtomicInteger();
        race(24, i -> {
          LogStore node = i % 2 == 0 ? store : other;
          if (node.knock(meeting, "guest-" + i, max)) {
            admitted.incrementAndGet();
          }
        });
        assertThat(admitted).as("round " + round).hasValue(max);
        assertThat(store.knocks(meeting, 0)).hasSize(max).doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void claimsRacingOnTwoNodes_handEachKeyPackageOutOnce_thenTheLastResort() throws Exception {
    byte[] meeting = bytes("claims");
    int packages = 40;
    store.publishKeyPackage(meeting, new KeyPackageEntry("guest", true, bytes("last")));
    for (int i = 0; i < packages; i++) {
      store.publishKeyPackage(meeting, new KeyPackageEntry("guest", false, bytes("kp-" + i)));
    }
    Set<String> handedOut = ConcurrentHashMap.newKeySet();
    AtomicInteger plain = new AtomicInteger();
    AtomicInteger lastResort = new AtomicInteger();
    try (PostgresLogStore other = secondNode()) {
      race(16, i -> {
        LogStore node = i % 2 == 0 ? store : other;
        for (int k = 0; k < 4; k++) {
          KeyPackageEntry entry = node.claimKeyPackage(meeting, "guest").orElseThrow();
          String tag = new String(entry.keyPackage(), StandardCharsets.UTF_8);
          if (entry.lastResort()) {
            assertThat(tag).isEqualTo("last");
            lastResort.incrementAndGet();
          } else {
            assertThat(handedOut.add(tag)).as("handed out once: " + tag).isTrue();
            plain.incrementAndGet();
          }
        }
      });
    }
    assertThat(plain).hasValue(packages);
    assertThat(lastResort).hasValue(16 * 4 - packages);
  }

  @Test
  void open_withNoDatabaseListening_failsWithStoreException_namingNoSecret() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String nowhere = "jdbc:postgresql://127.0.0.1:" + port + "/none?password=secret-in-url";
    assertThatThrownBy(() -> PostgresLogStore.open(nowhere, "u", null))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("secret-in-url");
          }
        });
    assertThatThrownBy(() -> PostgresLogStore.open(nowhere, "u", "secret-password"))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("secret-password");
          }
        });
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void open_againstAServerThatNeverAnswers_failsInsteadOfHanging() throws Exception {
    List<java.net.Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket tarpit = new ServerSocket(0, 50,
        java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(tarpit.accept());
          }
        } catch (java.io.IOException e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String silent = "jdbc:postgresql://127.0.0.1:" + tarpit.getLocalPort() + "/none";
      long start = System.nanoTime();
      assertThatThrownBy(() -> PostgresLogStore.open(silent, "u", "p"))
          .isInstanceOf(StoreException.class);
      assertThat(System.nanoTime() - start).as("bounded by the login timeout")
          .isLessThan(TimeUnit.SECONDS.toNanos(30));
      assertThat(held).as("it did connect, and then waited").isNotEmpty();
    } finally {
      for (java.net.Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void aStoppedDatabase_failsCallsWithStoreException_andTheStoreRecovers() throws Exception {
    byte[] meeting = bytes("outage");
    store.createMeeting(meeting, 0, bytes("gi"), "host");
    server.stop();
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> store.head(meeting)).isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> store.knock(meeting, "private-account-name", 10))
          .isInstanceOf(StoreException.class).hasMessageNotContaining("private-account-name")
          .satisfies(e -> assertThat(e.getCause().getMessage())
              .doesNotContain("private-account-name"));
      assertThat(System.nanoTime() - start).as("fails, never hangs")
          .isLessThan(TimeUnit.SECONDS.toNanos(30));
    } finally {
      server.startAgain();
    }
    assertThat(store.head(meeting)).isPresent();
  }

  @Test
  void aNodeThatHangsInsideAnAppend_losesItsLock_andOtherNodesGoOn() throws Exception {
    assertThat(((PostgresLogStore) store).sessionSetting("idle_in_transaction_session_timeout"))
        .isEqualTo(PostgresLogStore.IDLE_IN_TRANSACTION_MILLIS / 1000 + "s");
    byte[] meeting = bytes("hang");
    store.createMeeting(meeting, 0, bytes("gi"), "host");
    String quick = url + "?options=-c%20idle_in_transaction_session_timeout%3D1000";
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (PostgresLogStore hanging = PostgresLogStore.open(quick, server.user(), server.password());
        PostgresLogStore other = secondNode()) {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<?> stuck = pool.submit(() -> hanging.append(AppendRequest.entry(meeting,
          new byte[0], bytes("d"), 0, seq -> {
            locked.countDown();
            try {
              release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return bytes("from the hung node");
          }, null, false)));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      long start = System.nanoTime();
      assertThat(other.append(AppendRequest.entry(meeting, new byte[0], bytes("d"), 0,
          seq -> bytes("from the other node"), null, false)))
          .isEqualTo(new dev.sealmeet.ds.AppendOutcome.Appended(1));
      long waited = System.nanoTime() - start;
      release.countDown();
      assertThatThrownBy(() -> stuck.get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(StoreException.class);
      pool.shutdown();
      assertThat(waited).as("the lock was freed by the server, not by the hung node")
          .isLessThan(TimeUnit.SECONDS.toNanos(15));
    }
    assertThat(store.read(meeting, 1, 10)).singleElement()
        .satisfies(e -> assertThat(e.bytes()).isEqualTo(bytes("from the other node")));
  }

  @Test
  @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFrozenDatabase_failsCallsWithinTheSocketTimeout_andTheStoreRecovers() throws Exception {
    byte[] meeting = bytes("frozen");
    store.createMeeting(meeting, 0, bytes("gi"), "host");
    try (PostgresLogStore node = PostgresLogStore.open(url + "?socketTimeout=2", server.user(),
        server.password(), 1)) {
      assertThat(node.head(meeting)).isPresent();
      server.freeze();
      try {
        long start = System.nanoTime();
        assertThatThrownBy(() -> node.head(meeting)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> node.head(meeting)).isInstanceOf(StoreException.class);
        assertThat(System.nanoTime() - start).as("bounded by the socket and login timeouts")
            .isLessThan(TimeUnit.SECONDS.toNanos(30));
      } finally {
        server.thaw();
      }
      assertThat(node.head(meeting)).isPresent();
    }
  }

  /** What one racer does. */
  interface Racer {
    void run(int index) throws Exception;
  }

  static void race(int threads, Racer racer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        done.add(pool.submit(() -> {
          go.await();
          racer.run(index);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
