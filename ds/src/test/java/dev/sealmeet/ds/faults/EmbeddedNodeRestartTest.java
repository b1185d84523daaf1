package dev.sealmeet.ds.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.Meeting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node on the embedded store, its own JVM, killed with SIGKILL while four members commit
 * through it, and started again on the same directory and port: the members' calls fail while
 * it is down (and none hangs), nothing a client was told was ACCEPTED is lost, the log holds one
 * commit per epoch, and the members converge.
 */
class EmbeddedNodeRestartTest {
  @TempDir Path dir;

  @Test
  void killedAndRestartedOnItsDirectory_losesNothingAcknowledged() throws Exception {
    Path store = Files.createDirectories(dir.resolve("store"));
    try (Fleet f = new Fleet(dir, "host", "ann", "ben", "cat")) {
      String[] args = {"--dir", store.toString(), "--poll-ms", "100",
          "--maintenance-ms", "3600000"};
      NodeProcess node = f.node(Map.of(), args);
      int port = node.port();
      List<Meeting> m = f.meeting(new int[] {port}, "host", "ann", "ben", "cat");
      List<Committer> committers = new ArrayList<>();
      for (Meeting member : m) {
        committers.add(new Committer(member, 0.4).start());
      }
      Thread.sleep(2_000);
      int acknowledgedBefore = f.acks.accepted.size();
      long killedAt = System.nanoTime();
      node.kill();
      long failuresAtKill = f.acks.failures.get();
      Thread.sleep(500);
      node = f.node(Map.of(), "--dir", store.toString(), "--poll-ms", "100",
          "--maintenance-ms", "3600000", "--port", Integer.toString(port));
      long restartedAt = System.nanoTime();
      long resumed = NodeKillTest.awaitAccepted(f.acks, f.acks.accepted.size());
      Thread.sleep(1_500);
      for (Committer c : committers) {
        c.stop();
      }
      Fleet.converge(m);

      long lastEpoch = m.get(0).epoch();
      var commits = LogCheck.verify(f.log("host", m.get(0).id(), 1, port), f.acks, 0,
          lastEpoch);
      Convergence.assertConverged(m);
      assertThat(f.acks.failures.get()).as("calls failed while the node was down")
          .isGreaterThan(failuresAtKill);
      long longest = committers.stream().mapToLong(c -> c.longestStepNanos.get()).max()
          .orElse(0);
      System.out.printf("embedded restart: %d acknowledged before the kill, %d in all; %d "
          + "commits; down %d ms (kill to restarted), first ACCEPTED %d ms after the kill; "
          + "%d calls failed; longest member step %d ms%n", acknowledgedBefore,
          f.acks.accepted.size(), commits.size(),
          TimeUnit.NANOSECONDS.toMillis(restartedAt - killedAt),
          TimeUnit.NANOSECONDS.toMillis(resumed - killedAt), f.acks.failures.get(),
          TimeUnit.NANOSECONDS.toMillis(longest));
    }
  }
}
