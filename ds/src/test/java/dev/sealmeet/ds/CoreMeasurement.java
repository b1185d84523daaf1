package dev.sealmeet.ds;

import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.PublicGroupView;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints what the core's per-meeting view cache saves: building a group's public view from its
 * GroupInfo (validating the whole tree) against a whole submit of an update commit with the view
 * cached (run with {@code -Dsealmeet.measure=true}); asserts nothing.
 */
@EnabledIfSystemProperty(named = "sealmeet.measure", matches = "true")
class CoreMeasurement {
  @Test
  void viewCacheSaving() throws Exception {
    try (CoreFixtures f = new CoreFixtures(new MemoryLogStore())) {
      Meeting host = Meeting.open(f.client("host"), f.ds("host"));
      List<String> guests = new ArrayList<>();
      List<LobbyGuest> waiting = new ArrayList<>();
      for (int i = 0; i < 99; i++) {
        guests.add("guest-" + i);
        waiting.add(LobbyGuest.enter(f.client("guest-" + i), f.ds("guest-" + i),
            host.invitation()));
      }
      host.admitAll(guests);
      byte[] groupInfo = f.store.head(host.id()).orElseThrow().groupInfo();
      int rounds = 20;
      for (int i = 0; i < 5; i++) {
        PublicGroupView.of(f.suite, MlsMessage.fromBytes(groupInfo));
      }
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        PublicGroupView.of(f.suite, MlsMessage.fromBytes(groupInfo));
      }
      double rebuild = (System.nanoTime() - start) / 1e6 / rounds;
      host.update();
      List<byte[]> commits = new ArrayList<>();
      long submitNanos = 0;
      for (int i = 0; i < rounds; i++) {
        host.update();
        RecordingDeliveryService.Submitted last = f.ds("host").last();
        commits.add(last.envelope());
        long t = System.nanoTime();
        f.core.submit(new Caller("host"), last.envelope()); // a retry: cached view, stored answer
        submitNanos += System.nanoTime() - t;
      }
      System.out.printf("100 members: view rebuild %.2f ms; a retried submit %.3f ms%n",
          rebuild, submitNanos / 1e6 / rounds);
    }
  }
}
