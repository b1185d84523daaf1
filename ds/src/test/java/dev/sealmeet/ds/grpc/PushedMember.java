package dev.sealmeet.ds.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A member driven by pushes only: the subscription's listener queues entries (on gRPC's thread),
 * and the test thread hands them to {@link Meeting#process} (a meeting is driven by one thread).
 */
final class PushedMember implements AutoCloseable {
  final Meeting meeting;
  final BlockingQueue<SequencedEnvelope> pushed = new LinkedBlockingQueue<>();
  Subscription subscription;
  int processed;

  PushedMember(Meeting meeting) {
    this.meeting = meeting;
  }

  /** Processes pushed entries until {@code done} holds; fails after {@code patience}. */
  void until(Predicate<Meeting> done, Duration patience) throws Exception {
    long end = System.nanoTime() + patience.toNanos();
    while (!done.test(meeting)) {
      SequencedEnvelope entry = pushed.poll(Math.max(1, end - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      assertThat(entry).as("a push before the deadline, %s at %d", meeting.account(),
          meeting.nextSequence()).isNotNull();
      if (entry.sequence() < meeting.nextSequence()) {
        continue; // its own commit, merged when it was accepted
      }
      try {
        meeting.process(entry.bytes());
      } catch (SealmeetException e) {
        throw new AssertionError("push " + entry.sequence() + " rejected", e);
      }
      processed++;
    }
  }

  /** Processes pushes until this member is at {@code other}'s epoch. */
  void catchUp(Meeting other, Duration patience) throws Exception {
    long epoch = other.epoch();
    until(m -> m.epoch() >= epoch, patience);
  }

  static void assertConverged(List<Meeting> members) {
    Meeting first = members.get(0);
    for (Meeting m : members) {
      assertThat(m.status()).as(m.account()).isEqualTo(Meeting.Status.ACTIVE);
      assertThat(m.epoch()).as(m.account()).isEqualTo(first.epoch());
      assertThat(m.securityCode()).as(m.account()).isEqualTo(first.securityCode());
      assertThat(m.roster().keySet()).as(m.account()).isEqualTo(first.roster().keySet());
      assertThat(m.rejected()).as(m.account()).isEmpty();
      assertThat(m.stall()).as(m.account()).isEmpty();
    }
  }

  @Override
  public void close() {
    if (subscription != null) {
      subscription.cancel();
    }
  }
}
