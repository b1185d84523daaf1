package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link MeetingPolicy} through {@link Meeting#maintain()} on an injected clock: who rotates,
 * who commits pending proposals, and who takes over when that member is silent.
 */
class MeetingPolicyTest {
  private static final long T0 = 1_000_000_000L;
  private static final Duration EVERY = Duration.ofMinutes(10);
  private static final Duration FALLBACK = Duration.ofMinutes(1);
  private static final Duration WITHIN = Duration.ofSeconds(30);

  private final AtomicLong clock = new AtomicLong(T0);

  private MeetingFixtures fixtures(MeetingPolicy policy) {
    return new MeetingFixtures(MeetingOptions.defaults().withNanoTime(clock::get)
        .withRuntime(MeetingRuntime.defaults().withPolicy(policy)));
  }

  private void at(Duration sinceT0) {
    clock.set(T0 + sinceT0.toNanos());
  }

  private static void assertAgree(List<Meeting> members, long epoch) throws TransportException, StorageException {
    for (Meeting member : members) {
      member.poll();
      assertThat(member.epoch()).isEqualTo(epoch);
      assertThat(member.securityCode()).isEqualTo(members.get(0).securityCode());
    }
  }

  @Test
  @DisplayName("rotation: the member at epoch mod n rotates when the epoch is N old, no one before")
  void rotation_byTheMemberAtEpochModN_exactlyWhenDue() throws SealmeetException {
    List<Meeting> m = fixtures(MeetingPolicy.none().withRotation(EVERY, FALLBACK))
        .meeting("host", "ann", "ben");
    at(EVERY.minusNanos(1));
    for (Meeting member : m) {
      assertThat(member.maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    }
    at(EVERY);
    // Epoch 2 of 3 members: position 2 (ben) first, then host, then ann.
    assertThat(m.get(0).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(1).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.ROTATED);
    assertThat(m.get(0).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(1).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertAgree(m, 3);
    assertThat(m.get(2).metrics().snapshot().rotations()).isEqualTo(1);
    assertThat(m.get(0).metrics().snapshot().rotations()).isZero();
  }

  @Test
  @DisplayName("rotation fallback: if the designated member is silent, the next rotates a step later")
  void rotation_silentMember_nextTakesOverAfterFallback() throws SealmeetException {
    List<Meeting> m = fixtures(MeetingPolicy.none().withRotation(EVERY, FALLBACK))
        .meeting("host", "ann", "ben");
    // Epoch 2: ben (position 2) is first and stays silent; the host is second.
    at(EVERY.plus(FALLBACK).minusNanos(1));
    assertThat(m.get(0).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(1).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    at(EVERY.plus(FALLBACK));
    assertThat(m.get(1).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(0).maintain()).isEqualTo(MeetingPolicy.Action.ROTATED);
    assertAgree(m, 3);
    // Epoch 3 started at EVERY + FALLBACK: position 0 (host) first, ann second, ben third.
    at(EVERY.plus(FALLBACK).plus(EVERY).plus(FALLBACK).plus(FALLBACK));
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.ROTATED);
    assertAgree(m, 4);
  }

  @Test
  @DisplayName("a member that is leaving does not rotate; the next on the ladder does")
  void rotation_leavingMemberSkipsItsTurn() throws SealmeetException {
    List<Meeting> m = fixtures(MeetingPolicy.none().withRotation(EVERY, FALLBACK))
        .meeting("host", "ann", "ben");
    m.get(2).leave();
    MeetingInternals.pollAll(m);
    at(EVERY);
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    at(EVERY.plus(FALLBACK));
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(0).maintain()).isEqualTo(MeetingPolicy.Action.ROTATED);
    m.get(2).poll();
    assertThat(m.get(2).status()).isEqualTo(Meeting.Status.GONE);
    assertAgree(List.of(m.get(0), m.get(1)), 3);
  }

  @Test
  @DisplayName("a leave is committed at once by the first host present")
  void pendingLeave_committedAtOnce_byTheHost() throws SealmeetException {
    List<Meeting> m = fixtures(MeetingPolicy.none().withPendingCommits(WITHIN))
        .meeting("host", "ann", "ben");
    m.get(1).leave();
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(1).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(0).maintain()).isEqualTo(MeetingPolicy.Action.COMMITTED_PENDING);
    MeetingInternals.pollAll(m);
    assertThat(m.get(1).status()).isEqualTo(Meeting.Status.GONE);
    assertAgree(List.of(m.get(0), m.get(2)), 3);
    assertThat(m.get(0).metrics().snapshot().pendingCommits()).isEqualTo(1);
  }

  @Test
  @DisplayName("pending fallback: with the host silent, the next member commits after T")
  void pendingLeave_hostSilent_nextMemberCommitsAfterT() throws SealmeetException {
    List<Meeting> m = fixtures(MeetingPolicy.none().withPendingCommits(WITHIN))
        .meeting("host", "ann", "ben", "cat");
    m.get(1).leave();
    // Ladder: host, then ben, then cat (ann leaves): ben waits T, cat 2T.
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(3).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    at(WITHIN.minusNanos(1));
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    at(WITHIN);
    assertThat(m.get(3).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.COMMITTED_PENDING);
    assertThat(m.get(3).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertAgree(List.of(m.get(0), m.get(2), m.get(3)), 4);
  }

  @Test
  @DisplayName("the delivery service's Remove of the only host: the first other member commits")
  void deliveryServiceRemovesHost_firstOtherMemberCommits() throws SealmeetException {
    MeetingFixtures f = fixtures(MeetingPolicy.none().withPendingCommits(WITHIN));
    List<Meeting> m = f.meeting("host", "ann", "ben");
    f.ds.proposeRemove(m.get(0).id(), m.get(0).ownLeaf());
    assertThat(m.get(0).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(2).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(1).maintain()).isEqualTo(MeetingPolicy.Action.COMMITTED_PENDING);
    m.get(0).poll();
    assertThat(m.get(0).status()).isEqualTo(Meeting.Status.GONE);
  }

  @Test
  @DisplayName("by default maintain does nothing, however old the epoch and whatever is pending")
  void defaultPolicy_maintainDoesNothing() throws SealmeetException {
    List<Meeting> m = fixtures(MeetingPolicy.none()).meeting("host", "ann", "ben");
    m.get(1).leave();
    at(Duration.ofDays(3));
    for (Meeting member : m) {
      assertThat(member.maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    }
    assertAgree(m, 2);
  }
}
