package dev.sealmeet.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.TransportException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A store that fails: the in-process service answers a retryable transport failure, and pushes
 * resume from where they were once the store is back.
 */
class CoreStoreFailureTest extends CoreTestBase {
  private ForwardingLogStore failing;

  @Override
  protected LogStore open() {
    failing = new ForwardingLogStore(new MemoryLogStore());
    return failing;
  }

  @Test
  void aStoreFailureIsARetryableTransportFailure() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    failing.down = true;
    assertThatThrownBy(() -> m.get(1).poll()).isInstanceOfSatisfying(TransportException.class,
        e -> assertThat(e.retryable()).isTrue());
    assertThatThrownBy(() -> m.get(0).update()).isInstanceOf(TransportException.class);
    failing.down = false;
    m.get(0).update();
    CoreFixtures.pollAll(m);
    assertConverged(m);
  }

  @Test
  void pushesResumeOnceTheStoreIsBack() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    long from = f.store.head(id).orElseThrow().nextSequence();
    List<Long> seen = new CopyOnWriteArrayList<>();
    f.core.subscribe(new Caller("ann"), id, from, e -> seen.add(e.sequence()));
    m.get(0).update();
    await(() -> seen.size() == 1);
    failing.readsDown = true;
    // the server's proposal is ordered; its wake-up's read fails, and the timer's meanwhile
    assertThat(f.core.proposeRemove(id, "ann").sequence()).isEqualTo(from + 1);
    Thread.sleep(200);
    assertThat(seen).hasSize(1);
    failing.readsDown = false;
    await(() -> seen.size() == 2);
    m.get(0).update();
    long next = f.store.head(id).orElseThrow().nextSequence();
    await(() -> seen.size() == next - from);
    Thread.sleep(150);
    assertThat(seen).isEqualTo(java.util.stream.LongStream.range(from, next).boxed().toList());
  }

  @Test
  void withoutNotificationsTheTimerStillPushes() throws Exception {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    failing.silent = true;
    long from = f.store.head(id).orElseThrow().nextSequence();
    List<Long> seen = new CopyOnWriteArrayList<>();
    f.core.subscribe(new Caller("ann"), id, from, e -> seen.add(e.sequence()));
    m.get(0).update();
    m.get(0).update();
    long next = f.store.head(id).orElseThrow().nextSequence();
    await(() -> seen.size() == next - from);
    assertThat(seen).isEqualTo(java.util.stream.LongStream.range(from, next).boxed().toList());
  }
}
