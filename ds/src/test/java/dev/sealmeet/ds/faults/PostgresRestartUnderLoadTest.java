package dev.sealmeet.ds.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.ds.postgres.PostgresServer;
import dev.sealmeet.meeting.Meeting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL crashes (immediate shutdown) and starts again while four members commit over gRPC
 * through two node processes: during the outage the members' calls fail with a {@code
 * TransportException} (any other failure stops a member's thread and fails the test) and return
 * (no step hangs: each is bounded by the client's deadline and retries); after it the members
 * commit again, nothing acknowledged is lost, and they converge. The store level of the same
 * fault is {@code PostgresCommitRaceTest}.
 */
class PostgresRestartUnderLoadTest {
  private static final long STEP_BOUND_SECONDS = 30;
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
  void postgresRestartsUnderLoad_callsFailThenTheMeetingGoesOn() throws Exception {
    String url = postgres.createDatabase();
    try (Fleet f = new Fleet(dir, "host", "ann", "ben", "cat")) {
      Map<String, String> env = Map.of("SEALMEET_PG_PASSWORD", postgres.password());
      String[] args = {"--postgres", url, "--user", postgres.user(), "--poll-ms", "100",
          "--maintenance-ms", "3600000"};
      int[] ports = {f.node(env, args).port(), f.node(env, args).port()};
      List<Meeting> m = f.meeting(ports, "host", "ann", "ben", "cat");
      List<Committer> committers = new ArrayList<>();
      for (Meeting member : m) {
        committers.add(new Committer(member, 0.4).start());
      }
      Thread.sleep(1_500);
      int acknowledgedBefore = f.acks.accepted.size();
      long failuresBefore = f.acks.failures.get();
      long down = System.nanoTime();
      postgres.crash();
      Thread.sleep(2_000);
      postgres.startAgain();
      long up = System.nanoTime();
      long resumed = NodeKillTest.awaitAccepted(f.acks, f.acks.accepted.size());
      Thread.sleep(1_500);
      for (Committer c : committers) {
        c.stop();
      }
      Fleet.converge(m);

      assertThat(acknowledgedBefore).as("commits before the outage").isPositive();
      assertThat(f.acks.failures.get()).as("calls failed during the outage")
          .isGreaterThan(failuresBefore);
      long longest = committers.stream().mapToLong(c -> c.longestStepNanos.get()).max()
          .orElse(0);
      assertThat(longest).as("no member step hangs").isLessThan(
          TimeUnit.SECONDS.toNanos(STEP_BOUND_SECONDS));
      var commits = LogCheck.verify(f.log("host", m.get(0).id(), 1, ports), f.acks, 0,
          m.get(0).epoch());
      Convergence.assertConverged(m);
      long seenFailing = f.acks.lastFailureNanos.get() - down;
      System.out.printf("postgres restart under load: database down %d ms (crash to started), "
          + "clients saw failures until %d ms after the crash, first ACCEPTED %d ms after the "
          + "crash; %d calls failed; %d acknowledged (%d before); %d commits; longest member "
          + "step %d ms%n", TimeUnit.NANOSECONDS.toMillis(up - down),
          TimeUnit.NANOSECONDS.toMillis(seenFailing),
          TimeUnit.NANOSECONDS.toMillis(resumed - down), f.acks.failures.get() - failuresBefore,
          f.acks.accepted.size(), acknowledgedBefore, commits.size(),
          TimeUnit.NANOSECONDS.toMillis(longest));
    }
  }
}
