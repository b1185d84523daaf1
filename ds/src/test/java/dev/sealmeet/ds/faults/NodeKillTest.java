package dev.sealmeet.ds.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.ds.postgres.PostgresServer;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes, each its own JVM, over one PostgreSQL; five real {@code Meeting}s in this JVM
 * commit continuously through clients that know both nodes, while the node they use is killed
 * with SIGKILL, again and again (each killed node is started again on its port before the next
 * kill, and the next kill is of the other one). After: every commit a client was told was
 * ACCEPTED is in the log at its sequence, the log and the database's commits table hold exactly
 * one commit per epoch, and the members converge. {@code -Dsealmeet.nodeKills=N} (default 3)
 * kills more.
 */
class NodeKillTest {
  private static final int KILLS = Integer.getInteger("sealmeet.nodeKills", 3);
  private static PostgresServer postgres;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void killingTheNodeInUse_losesNoAcceptedCommit_andOrdersOneCommitPerEpoch() throws Exception {
    String url = postgres.createDatabase();
    try (Fleet f = new Fleet(dir, "host", "ann", "ben", "cat", "dan")) {
      Map<String, String> env = Map.of("SEALMEET_PG_PASSWORD", postgres.password());
      String[] args = {"--postgres", url, "--user", postgres.user(), "--poll-ms", "100",
          "--maintenance-ms", "3600000"};
      NodeProcess[] nodes = {f.node(env, args), f.node(env, args)};
      int[] ports = {nodes[0].port(), nodes[1].port()};
      List<Meeting> m = new ArrayList<>(f.meeting(ports, "host", "ann", "ben", "cat"));
      long firstEpoch = 0;
      LobbyGuest dan = LobbyGuest.enter(f.client("dan"), f.ds("dan", ports),
          m.get(0).invitation());
      List<Committer> committers = new ArrayList<>();
      for (Meeting member : m) {
        committers.add(new Committer(member, 0.3).start());
      }

      List<Long> failovers = new ArrayList<>();
      for (int kill = 0; kill < KILLS; kill++) {
        Thread.sleep(1_500);
        if (kill == 1) { // a removal and an admit, ordered between kills
          committers.get(0).act(h -> h.leafOf("cat").isEmpty() || remove(h, "cat"))
              .get(60, TimeUnit.SECONDS);
          committers.get(0).act(h -> h.leafOf("dan").isPresent() || admit(h, "dan"))
              .get(60, TimeUnit.SECONDS);
          Meeting joined = pollUntilWelcomed(dan);
          m.add(joined);
          committers.add(new Committer(joined, 0.3).start());
        }
        int victim = kill % 2;
        long killedAt = System.nanoTime();
        nodes[victim].kill();
        long resumed = awaitAccepted(f.acks, f.acks.accepted.size());
        failovers.add(TimeUnit.NANOSECONDS.toMillis(resumed - killedAt));
        nodes[victim] = f.node(env, withPort(args, ports[victim]));
      }
      Thread.sleep(1_000);
      for (Committer c : committers) {
        c.stop();
      }
      List<Meeting> present = m.stream().filter(x -> x.status() == Meeting.Status.ACTIVE)
          .toList();
      Fleet.converge(present);

      assertThat(m.get(3).status()).as("cat, removed").isEqualTo(Meeting.Status.GONE);
      assertThat(present).hasSize(4);
      long lastEpoch = present.get(0).epoch();
      Map<Long, Long> commits = LogCheck.verify(
          f.log("host", m.get(0).id(), 1, ports), f.acks, firstEpoch, lastEpoch);
      assertThat(commitsTable(url, m.get(0).id())).isEqualTo(commits);
      Convergence.assertConverged(present);
      assertThat(present.get(0).roster()).hasSize(4);
      long failures = committers.stream().mapToLong(c -> c.transportFailures.get()).sum();
      long lost = committers.stream().mapToLong(c -> c.lostRaces.get()).sum();
      long longest = committers.stream().mapToLong(c -> c.longestStepNanos.get()).max()
          .orElse(0);
      System.out.printf("node kills: %d kills, failover (kill to next ACCEPTED) %s ms; "
          + "%d commits (epochs %d..%d), %d entries acknowledged, %d calls failed, %d updates "
          + "lost every race, longest member step %d ms%n", KILLS, failovers, commits.size(),
          firstEpoch, lastEpoch, f.acks.accepted.size(), failures, lost,
          TimeUnit.NANOSECONDS.toMillis(longest));
    }
  }

  private static boolean remove(Meeting host, String account) throws SealmeetException {
    host.remove(account);
    return true;
  }

  private static boolean admit(Meeting host, String account) throws SealmeetException {
    host.admit(account);
    return true;
  }

  static Meeting pollUntilWelcomed(LobbyGuest guest) throws Exception {
    long until = System.nanoTime() + Fleet.PATIENCE.toNanos();
    while (System.nanoTime() < until) {
      try {
        java.util.Optional<Meeting> in = guest.poll();
        if (in.isPresent()) {
          return in.get();
        }
      } catch (dev.sealmeet.meeting.TransportException e) {
        // a node is down: again
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no Welcome");
  }

  /** When a submit was ACCEPTED after {@code count} had been; fails after the patience. */
  static long awaitAccepted(AckLog acks, int count) throws InterruptedException {
    long until = System.nanoTime() + Fleet.PATIENCE.toNanos();
    while (acks.accepted.size() <= count) {
      assertThat(System.nanoTime() - until).as("an ACCEPTED submit after the fault").isNegative();
      Thread.sleep(2);
    }
    return System.nanoTime();
  }

  private static String[] withPort(String[] args, int port) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--port", Integer.toString(port)));
    return all.toArray(String[]::new);
  }

  private static Map<Long, Long> commitsTable(String url, byte[] meetingId) throws Exception {
    Map<Long, Long> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password());
        PreparedStatement s = c.prepareStatement(
            "SELECT epoch, seq FROM commits WHERE meeting = ? ORDER BY epoch")) {
      s.setBytes(1, meetingId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getLong(1), r.getLong(2));
        }
      }
    }
    return rows;
  }
}
