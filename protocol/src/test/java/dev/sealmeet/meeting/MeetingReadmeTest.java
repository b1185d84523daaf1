package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's ten lines: open a meeting, admit someone, protect a frame. */
class MeetingReadmeTest {
  @Test
  void readmeExample_runsAsWritten() throws SealmeetException {
    MeetingFixtures f = new MeetingFixtures();
    MeetingClient host = f.client("alice");
    MeetingClient bobClient = f.client("bob");
    InMemoryDeliveryService ds = f.ds;
    byte[] encodedFrame = {1, 2, 3, 4};

    Meeting meeting = Meeting.open(host, ds);
    LobbyGuest bob = LobbyGuest.enter(bobClient, ds, meeting.invitation());
    meeting.admit("bob");
    Meeting atBob = bob.poll().orElseThrow();
    meeting.send(MediaKind.VIDEO, encodedFrame);
    List<ReceivedFrame> frames = atBob.poll();
    String code = atBob.securityCode();
    meeting.remove(atBob.ownLeaf());

    assertThat(frames).singleElement().satisfies(
        frame -> assertThat(frame.payload()).containsExactly(encodedFrame));
    assertThat(code).isEqualTo(meeting.securityCodes().get(1L));
    atBob.poll();
    assertThat(atBob.status()).isEqualTo(Meeting.Status.GONE);
  }
}
