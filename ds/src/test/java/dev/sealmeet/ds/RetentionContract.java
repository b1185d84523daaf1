package dev.sealmeet.ds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention with real meetings, for any store: a log is compacted only below what every current
 * member (and every recent lobby guest) has read, and an ended meeting is dropped once read or
 * after the grace.
 */
public abstract class RetentionContract extends CoreTestBase {

  @Test
  void compactionNeverRemovesWhatAMemberHasNotRead() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    byte[] id = m.get(0).id();
    CoreFixtures.pollAll(m);
    long benAt = m.get(2).nextSequence();
    m.get(0).update();
    m.get(1).poll();
    m.get(0).poll();
    f.core.compact(id);
    assertThat(f.store.read(id, 1, 1000).get(0).sequence()).isLessThanOrEqualTo(benAt);
    m.get(2).poll();
    assertConverged(m);
    f.core.compact(id);
    assertThat(f.store.read(id, 1, 1000)).as("positions are known at the next read").isNotEmpty();
    CoreFixtures.pollAll(m);
    f.core.compact(id);
    long next = f.store.head(id).orElseThrow().nextSequence();
    assertThat(f.store.read(id, 1, 1000)).isEmpty();
    m.get(1).update();
    CoreFixtures.pollAll(m);
    assertConverged(m);
    assertThat(f.store.read(id, 1, 1000).get(0).sequence()).isEqualTo(next);
  }

  @Test
  void aGuestThatKnockedHoldsBackCompactionForTheKnockWindow() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    CoreFixtures.pollAll(m);
    long knockedAt = f.store.head(id).orElseThrow().nextSequence();
    LobbyGuest.enter(f.client("zoe"), f.ds("zoe"), m.get(0).invitation());
    m.get(0).update();
    CoreFixtures.pollAll(m);
    CoreFixtures.pollAll(m);
    f.core.compact(id);
    assertThat(f.store.read(id, 1, 1000).get(0).sequence()).isEqualTo(knockedAt);
    f.clock.advance(Duration.ofMinutes(11));
    f.core.compact(id);
    assertThat(f.store.read(id, 1, 1000)).isEmpty();
  }

  @Test
  void anEndedMeetingIsDroppedOnceEveryMemberReadItsEnd() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    m.get(0).end();
    f.core.compact(id);
    assertThat(f.store.head(id)).isPresent();
    f.clock.advance(Duration.ofMinutes(5));
    f.core.compact(id);
    assertThat(f.store.head(id)).isPresent();
    m.get(1).poll(); // the host sent the end: only ann had to read it
    assertThat(m.get(1).status()).isEqualTo(Meeting.Status.ENDED);
    f.core.compact(id);
    assertThat(f.store.head(id)).isEmpty();
    assertThat(f.store.knocks(id, 0)).isEmpty();
  }

  @Test
  void anEndedMeetingIsDroppedAfterTheGrace() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    m.get(0).end();
    f.core.maintain();
    assertThat(f.store.head(id)).isPresent();
    f.clock.advance(Duration.ofMinutes(9));
    f.core.maintain();
    assertThat(f.store.head(id)).isPresent();
    f.clock.advance(Duration.ofMinutes(2));
    f.core.maintain();
    assertThat(f.store.head(id)).isEmpty();
  }

  @Test
  void aPushIsNotARead() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    CoreFixtures.pollAll(m);
    long annAt = m.get(1).nextSequence();
    List<Long> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
    f.core.subscribe(new Caller("ann"), id, annAt, e -> pushed.add(e.sequence()));
    m.get(0).update();
    m.get(0).poll();
    await(() -> pushed.size() == 1);
    f.core.compact(id);
    assertThat(f.store.read(id, 1, 1000).get(0).sequence()).isEqualTo(annAt);
    CoreFixtures.pollAll(m);
    CoreFixtures.pollAll(m);
    f.core.compact(id);
    assertThat(f.store.read(id, 1, 1000)).isEmpty();
  }

  @Test
  void entriesAfterAnEndKeepTheMeeting() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    byte[] id = m.get(0).id();
    m.get(0).end();
    // an end the members rejected is followed by more entries: here, the server's own proposal
    f.core.proposeRemove(id, "ben");
    m.get(1).poll();
    m.get(2).poll();
    f.clock.advance(Duration.ofMinutes(11));
    f.core.compact(id);
    assertThat(f.store.head(id)).isPresent();
  }
}
