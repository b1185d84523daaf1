package dev.sealmeet.ds.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server removes a client that dropped ({@code PresencePolicy} behind {@code
 * DeliveryServer.Builder#dropAfter}, here 1.5 s): members that keep calling stay; a member whose
 * client closed is proposed for removal by the server as the group's external sender once it has
 * been absent that long, and the host's pending-proposal policy commits it; a member that makes
 * no call but keeps a subscription open stays.
 */
class DroppedClientRemovalTest {
  private static final Duration DROP_AFTER = Duration.ofMillis(1_500);

  @TempDir Path dir;

  @Test
  void aMemberWhoseClientClosed_isRemovedAfterTheDropTime_othersStay() throws Exception {
    Path store = Files.createDirectories(dir.resolve("store"));
    try (Fleet f = new Fleet(dir, "host", "ann", "ben")) {
      int port = f.node(Map.of(), "--dir", store.toString(), "--poll-ms", "100",
          "--drop-after-ms", Long.toString(DROP_AFTER.toMillis())).port();
      List<Meeting> m = f.meeting(new int[] {port}, "host", "ann", "ben");
      Committer host = new Committer(m.get(0), 0).start();
      Committer ann = new Committer(m.get(1), 0).start();
      Committer ben = new Committer(m.get(2), 0).start();
      Thread.sleep(DROP_AFTER.multipliedBy(2).toMillis());
      assertThat(host.act(h -> true).thenApply(x -> m.get(0).roster().size())
          .get(60, TimeUnit.SECONDS)).as("members that call stay").isEqualTo(3);

      // ann keeps a subscription open and makes no call; ben's client closes.
      ann.stop();
      Subscription annListens = f.clients.get("ann").subscribeResubscribing(m.get(1).id(),
          m.get(1).nextSequence(), new LinkedBlockingQueue<SequencedEnvelope>()::add);
      ben.stop();
      f.clients.get("ben").close();
      long gone = System.nanoTime();
      host.act(h -> h.leafOf("ben").isEmpty()).get(60, TimeUnit.SECONDS);
      long removedAfter = System.nanoTime() - gone;
      assertThat(removedAfter).as("not removed before it was absent for the drop time")
          .isGreaterThan(DROP_AFTER.minusMillis(500).toNanos());

      Thread.sleep(DROP_AFTER.toMillis()); // ann, silent but subscribed, is not removed
      annListens.cancel();
      Committer annAgain = new Committer(m.get(1), 0).start();
      host.stop();
      annAgain.stop();
      List<Meeting> present = List.of(m.get(0), m.get(1));
      Fleet.converge(present);
      Convergence.assertConverged(present);
      assertThat(m.get(0).roster()).hasSize(2);
      assertThat(m.get(0).leafOf("ann")).isPresent();
      System.out.printf("dropped client: drop after %d ms, removed from the roster %d ms after "
          + "its client closed%n", DROP_AFTER.toMillis(),
          TimeUnit.NANOSECONDS.toMillis(removedAfter));
    }
  }
}
