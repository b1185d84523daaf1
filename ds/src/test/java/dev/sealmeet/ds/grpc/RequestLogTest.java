package dev.sealmeet.ds.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The request log has one line per call (method, status, duration, account tag) and nothing
 * else: no payload, no account name, no token, no meeting id.
 */
class RequestLogTest {
  private static final String LINE =
      "sealmeet\\.ds\\.v1\\.Delivery/[A-Za-z]+ [A-Z_]+ \\d+\\.\\d{3} ms account ([0-9a-f]{16}|-)";

  @Test
  void requestLog_namesMethodStatusAndTag_neverPayloadsOrAccounts() throws Exception {
    Logger logger = Logger.getLogger(RequestLogInterceptor.LOGGER);
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(capture);
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer node = w.node("host", "ann");
      Meeting host = Meeting.open(w.client("host"), w.connect("host", node));
      LobbyGuest guest = LobbyGuest.enter(w.client("ann"), w.connect("ann", node),
          host.invitation());
      host.admit("ann");
      Meeting ann = guest.poll().orElseThrow();
      ann.update();
      host.poll();
      GrpcDeliveryService stranger = GrpcDeliveryService.builder().plaintext()
          .target("127.0.0.1:" + node.port()).bearerToken("not a token").build();
      w.closeLater(stranger);
      try {
        stranger.fetch(host.id(), 1);
      } catch (Exception expected) {
        // UNAUTHENTICATED
      }
      w.close(); // the last lines are written when the calls end

      String meetingHex = HexFormat.of().formatHex(host.id());
      assertThat(lines).isNotEmpty().allSatisfy(line -> {
        assertThat(line).matches(LINE);
        assertThat(line).doesNotContain("host", "ann", w.token("host"), w.token("ann"),
            meetingHex);
      });
      assertThat(lines).anyMatch(l -> l.startsWith("sealmeet.ds.v1.Delivery/Submit OK"))
          .anyMatch(l -> l.startsWith("sealmeet.ds.v1.Delivery/Fetch UNAUTHENTICATED")
              && l.endsWith("account -"))
          .anyMatch(l -> l.endsWith(RequestLogInterceptor.accountTag("ann")));
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(level);
    }
  }
}
