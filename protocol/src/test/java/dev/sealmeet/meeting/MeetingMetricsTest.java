package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.mls.group.CommitRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link MeetingMetrics}: what each counter and gauge counts, on an injected clock. */
class MeetingMetricsTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final MeetingFixtures f =
      new MeetingFixtures(MeetingOptions.defaults().withNanoTime(clock::get));

  /** A delivery service that lets one action run just before the next commit is ordered. */
  private static final class RacingService extends ForwardingDeliveryService {
    private Runnable beforeNextCommit;

    RacingService(DeliveryService inner) {
      super(inner);
    }

    @Override
    public SubmitResult submit(byte[] envelope) throws TransportException {
      Runnable action = beforeNextCommit;
      if (action != null && isCommit(envelope)) {
        beforeNextCommit = null;
        action.run();
      }
      return next.submit(envelope);
    }

    private static boolean isCommit(byte[] bytes) {
      try {
        Envelope envelope = Envelope.parseFrom(bytes);
        return envelope.hasHandshake()
            && envelope.getHandshake().getKind() == Handshake.Kind.COMMIT;
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        return false;
      }
    }
  }

  @Test
  @DisplayName("epochs, commits, a lost race and the rekey latency on the injected clock")
  void lostRace_countsRetry_andLatencyIncludesIt() throws SealmeetException {
    RacingService racing = new RacingService(f.ds);
    Meeting host = Meeting.open(f.client("host"), racing);
    Meeting ann = f.admit(host, LobbyGuest.enter(f.client("ann"), f.ds, host.invitation()));
    MetricsSnapshot before = host.metrics().snapshot();
    assertThat(before.epochs()).isEqualTo(2);
    assertThat(before.commits()).isEqualTo(1);
    assertThat(before.commitRetries()).isZero();
    assertThat(before.lastRekeyNanos()).isZero();

    racing.beforeNextCommit = () -> {
      clock.addAndGet(5_000_000);
      try {
        ann.update();
      } catch (SealmeetException e) {
        throw new AssertionError(e);
      }
    };
    host.update();
    MetricsSnapshot after = host.metrics().snapshot();
    assertThat(after.epoch()).isEqualTo(3).isEqualTo(host.epoch());
    assertThat(after.members()).isEqualTo(2);
    assertThat(after.epochs()).isEqualTo(4);
    assertThat(after.commits()).isEqualTo(2);
    assertThat(after.commitRetries()).isEqualTo(1);
    assertThat(after.lastRekeyNanos()).isEqualTo(5_000_000);
    assertThat(after.maxRekeyNanos()).isEqualTo(5_000_000);
    assertThat(ann.metrics().snapshot().commits()).isEqualTo(1);
    assertThat(ann.metrics().snapshot().lastRekeyNanos()).isZero();
    assertThat(after.rejected()).isZero();
  }

  @Test
  @DisplayName("rejections by rule, one stall, and the media plane's counts where they plug in")
  void rejectionsByRule_stall_andMediaCounters() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting host = m.get(0);
    MeetingInternals.submit(f.ds,
        ProtoEnvelopes.media(host.id(), MediaKind.AUDIO, new byte[] {0, 1, 2}));
    host.poll();
    f.submitUnchecked(m.get(1), CommitRequest.empty().remove(0));
    host.poll();
    MeetingInternals.submit(f.ds,
        ProtoEnvelopes.media(host.id(), MediaKind.AUDIO, new byte[] {0, 1, 2}));
    host.poll();
    MetricsSnapshot snapshot = host.metrics().snapshot();
    assertThat(snapshot.rejectedByRule()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "MALFORMED", 2L, MeetingRule.REMOVE_WITHOUT_RIGHT.name(), 1L));
    assertThat(snapshot.rejected()).isEqualTo(3).isEqualTo(host.rejectedCount());
    assertThat(snapshot.stalls()).isEqualTo(1);
    assertThat(snapshot.framesProtected()).isZero();
    assertThatThrownBy(() -> snapshot.rejectedByRule().put("x", 1L))
        .isInstanceOf(UnsupportedOperationException.class);

    host.metrics().attachMedia(new MeetingMetrics.MediaCounters() {
      @Override
      public long framesProtected() {
        return 7;
      }

      @Override
      public long framesDecrypted() {
        return 5;
      }

      @Override
      public Map<String, Long> framesDropped() {
        return Map.of("REPLAY", 2L);
      }
    });
    MetricsSnapshot withMedia = host.metrics().snapshot();
    assertThat(withMedia.framesProtected()).isEqualTo(7);
    assertThat(withMedia.framesDecrypted()).isEqualTo(5);
    assertThat(withMedia.framesDropped()).containsExactly(Map.entry("REPLAY", 2L));
  }
}
