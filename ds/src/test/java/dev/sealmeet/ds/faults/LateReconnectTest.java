package dev.sealmeet.ds.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.SequencedEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member that is away (no call, its gRPC channel idle) while the others commit and the node
 * compacts the log every 200 ms comes back, reads on from where it was over the same client, and
 * converges: the node compacted below what every member had read, never past the absent one.
 * Away 3 s by default; {@code -Dsealmeet.reconnectAfterSeconds=180} for minutes. The node does
 * not remove dropped clients here ({@code --drop-after} off): with it on, an absence longer than
 * its time ends in a removal, which {@code DroppedClientRemovalTest} shows.
 */
class LateReconnectTest {
  private static final long AWAY_SECONDS = Long.getLong("sealmeet.reconnectAfterSeconds", 3);

  @TempDir Path dir;

  @Test
  void aMemberAwayWhileOthersCommitAndTheNodeCompacts_catchesUpWithoutLoss() throws Exception {
    Path store = Files.createDirectories(dir.resolve("store"));
    try (Fleet f = new Fleet(dir, "host", "ann", "ben")) {
      int port = f.node(Map.of(), "--dir", store.toString(), "--poll-ms", "100",
          "--maintenance-ms", "200").port();
      List<Meeting> m = f.meeting(new int[] {port}, "host", "ann", "ben");
      Meeting host = m.get(0);
      Meeting ann = m.get(1);
      Meeting ben = m.get(2);
      Fleet.converge(m);
      long benWasAt = ben.nextSequence();
      long epochBefore = ben.epoch();

      Committer hostLoop = new Committer(host, 0.5).start();
      Committer annLoop = new Committer(ann, 0.5).start();
      long awayUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAY_SECONDS);
      while (System.nanoTime() < awayUntil) {
        Thread.sleep(100);
      }
      hostLoop.stop();
      annLoop.stop();
      Fleet.converge(List.of(host, ann));
      Thread.sleep(600); // a few maintenance runs with host and ann at the head

      List<SequencedEnvelope> kept = f.log("host", host.id(), 1, port);
      long horizon = kept.get(0).sequence();
      assertThat(horizon).as("compacted below what every member read").isGreaterThan(1)
          .isLessThanOrEqualTo(benWasAt);
      long missed = host.nextSequence() - benWasAt;

      long back = System.nanoTime();
      Fleet.converge(m);
      long caughtUp = System.nanoTime() - back;
      Convergence.assertConverged(m);
      assertThat(ben.epoch()).isGreaterThan(epochBefore);
      System.out.printf("late reconnect: away %d s, missed %d entries (%d epochs), the log "
          + "kept from %d (the absent member was at %d), caught up in %d ms%n", AWAY_SECONDS,
          missed, ben.epoch() - epochBefore, horizon, benWasAt,
          TimeUnit.NANOSECONDS.toMillis(caughtUp));
    }
  }
}
