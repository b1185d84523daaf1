package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedded delivery service: idempotent submit ids and ordered pushes. */
class InMemoryDeliveryServiceTest {
  private final MeetingFixtures f = new MeetingFixtures();

  private byte[] frame(Meeting m, int value) {
    return ProtoEnvelopes.media(m.id(), MediaKind.AUDIO, new byte[] {(byte) value}).toByteArray();
  }

  @Test
  @DisplayName("a repeated submit id gets the first answer and is stored once [SM-DS-8]")
  void submit_repeatedId_getsFirstAnswer_storedOnce() throws SealmeetException {
    Meeting host = f.meeting("host").get(0);
    int logged = f.ds.recorded(host.id()).size();
    byte[] envelope = frame(host, 1);
    SubmitResult first = f.ds.submit(envelope);
    f.ds.submit(frame(host, 2));
    SubmitResult again = f.ds.submit(envelope);
    assertThat(first.status()).isEqualTo(SubmitStatus.ACCEPTED);
    assertThat(again).isEqualTo(first);
    assertThat(f.ds.recorded(host.id())).hasSize(logged + 2);
  }

  @Test
  void submit_repeatedIdWithOtherBytes_isRefused_notStored() throws SealmeetException {
    Meeting host = f.meeting("host").get(0);
    Envelope envelope = ProtoEnvelopes.media(host.id(), MediaKind.AUDIO, new byte[] {1});
    f.ds.submit(envelope.toByteArray());
    int logged = f.ds.recorded(host.id()).size();
    byte[] forged = envelope.toBuilder().setMedia(envelope.getMedia().toBuilder()
        .setSframe(com.google.protobuf.ByteString.copyFrom(new byte[] {2}))).build().toByteArray();
    assertThat(f.ds.submit(forged).status()).isEqualTo(SubmitStatus.REFUSED);
    assertThat(f.ds.recorded(host.id())).hasSize(logged);
  }

  @Test
  void submit_staleAnswer_isRepeatedForItsId() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    var group = MeetingInternals.group(m.get(1));
    var late = MeetingInternals.commit(m.get(1),
        group.commit(dev.sealmeet.mls.group.CommitRequest.empty()).commit());
    m.get(0).update();
    SubmitResult first = MeetingInternals.submit(f.ds, late);
    assertThat(first.status()).isEqualTo(SubmitStatus.STALE_EPOCH);
    assertThat(MeetingInternals.submit(f.ds, late)).isEqualTo(first);
  }

  @Test
  @DisplayName("a subscriber gets the backlog, then each new envelope, in order [SM-DS-10]")
  void subscribe_pushesBacklogThenNewEnvelopes_inOrder_untilCancelled() throws SealmeetException {
    Meeting host = f.meeting("host").get(0);
    f.ds.submit(frame(host, 1));
    List<Long> seen = new ArrayList<>();
    Subscription subscription = f.ds.subscribe(host.id(), 1, e -> seen.add(e.sequence()));
    int backlog = seen.size();
    f.ds.submit(frame(host, 2));
    f.ds.submit(frame(host, 3));
    subscription.cancel();
    f.ds.submit(frame(host, 4));
    List<Long> expected = new ArrayList<>();
    for (long s = 1; s <= backlog + 2; s++) {
      expected.add(s);
    }
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void listenerThatSubmits_seesTheLogInOrder() throws SealmeetException {
    Meeting host = f.meeting("host").get(0);
    long from = f.ds.recorded(host.id()).size() + 1;
    List<Long> seen = new ArrayList<>();
    f.ds.subscribe(host.id(), from, e -> {
      seen.add(e.sequence());
      if (seen.size() < 3) {
        f.ds.submit(frame(host, seen.size()));
      }
    });
    f.ds.submit(frame(host, 0));
    assertThat(seen).containsExactly(from, from + 1, from + 2);
  }

  @Test
  void listenerThatThrows_isNotCalledAgain() throws SealmeetException {
    Meeting host = f.meeting("host").get(0);
    List<Long> seen = new ArrayList<>();
    f.ds.subscribe(host.id(), f.ds.recorded(host.id()).size() + 1, e -> {
      seen.add(e.sequence());
      throw new IllegalStateException("listener bug");
    });
    try {
      f.ds.submit(frame(host, 1));
    } catch (IllegalStateException expected) {
      // The listener ran on the submitting thread.
    }
    f.ds.submit(frame(host, 2));
    assertThat(seen).hasSize(1);
  }
}
