package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Five members on a bad network ({@link FaultyDeliveryService}: requests and replies dropped,
 * submits duplicated, late fetches, held pushes, disconnections), over many seeded schedules:
 * they admit, update, remove, leave and commit pending proposals, send frames, poll and take
 * pushes, and retry whatever failed in transport. Afterwards, on a good network, every member
 * converges: the delivery service's epoch (every accepted commit merged), one epoch authenticator,
 * one roster, no stall, no rejected handshake, and a frame from each member decrypts at every
 * other. A failing seed names itself; {@code -Dsealmeet.seed=N} replays it alone, {@code
 * -Dsealmeet.faultSeeds=N} runs N schedules (default 1,000).
 */
class DeliveryFaultsTest {
  private static final int STEPS = Integer.getInteger("sealmeet.faultSteps", 10);
  private static final Set<MeetingRule> MEDIA_RULES =
      EnumSet.of(MeetingRule.UNKNOWN_EPOCH, MeetingRule.UNKNOWN_SENDER);

  @Test
  @DisplayName("five members converge under seeded transport faults [SM-DS-9] [SM-DS-10]")
  void everyMember_converges_underSeededTransportFaults() {
    Long one = Long.getLong("sealmeet.seed");
    int seeds = Integer.getInteger("sealmeet.faultSeeds", 1_000);
    long[] totals = new long[FaultyDeliveryService.Fault.values().length + 2];
    for (long seed = one == null ? 0 : one; seed < (one == null ? seeds : one + 1); seed++) {
      try {
        Schedule schedule = new Schedule(seed);
        schedule.run();
        for (int i = 0; i < schedule.faulty.counts.length; i++) {
          totals[i] += schedule.faulty.counts[i];
        }
        totals[totals.length - 2] += schedule.commits;
        totals[totals.length - 1] += schedule.transportFailures;
      } catch (Exception | AssertionError e) {
        throw new AssertionError("seed " + seed + " failed; replay with -Dsealmeet.seed=" + seed,
            e);
      }
    }
    // The schedules exercised every fault, and commits went through regardless.
    for (int i = 0; i < totals.length; i++) {
      assertThat(totals[i]).as("count %d", i).isPositive();
    }
  }

  /** One seeded run: setup on a good network, faulty steps, then a heal and the checks. */
  private static final class Schedule {
    final Random random;
    final MeetingFixtures f = new MeetingFixtures();
    final FaultyDeliveryService faulty;
    final List<Member> members = new ArrayList<>();
    final Deque<LobbyGuest> lobby = new ArrayDeque<>();
    final List<LobbyGuest> admitted = new ArrayList<>();
    Meeting host;
    int commits;
    int transportFailures;

    Schedule(long seed) {
      random = new Random(seed);
      faulty = new FaultyDeliveryService(f.ds, seed);
    }

    /** A member with its push inbox and the change it must retry. */
    final class Member {
      final Meeting meeting;
      final Deque<SequencedEnvelope> pushed = new ArrayDeque<>();
      FaultyDeliveryService.Push push;
      Change retry;
      boolean leaving;

      Member(Meeting meeting) {
        this.meeting = meeting;
      }

      void resubscribe() {
        if (push != null && push.connected()) {
          return;
        }
        pushed.clear();
        try {
          push = (FaultyDeliveryService.Push) faulty.subscribe(meeting.id(),
              meeting.nextSequence(), pushed::addLast);
        } catch (TransportException e) {
          push = null;
        }
      }
    }

    /** A change a member makes; retried as the same call after a transport failure. */
    interface Change {
      void apply(Meeting meeting) throws SealmeetException;
    }

    void run() throws SealmeetException {
      host = Meeting.open(f.client("m0"), faulty);
      members.add(new Member(host));
      for (int i = 1; i < 7; i++) {
        lobby.add(LobbyGuest.enter(f.client("m" + i), faulty, host.invitation()));
      }
      List<LobbyGuest> first = new ArrayList<>();
      for (int i = 1; i < 5; i++) {
        first.add(lobby.pollFirst());
      }
      host.admitAll(first.stream().map(LobbyGuest::account).toList());
      for (LobbyGuest guest : first) {
        members.add(new Member(guest.poll().orElseThrow()));
      }
      for (Member member : members) {
        member.meeting.poll();
        member.resubscribe();
      }
      faulty.faults(true);
      for (int step = 0; step < STEPS; step++) {
        step();
      }
      faulty.faults(false);
      heal();
      check();
    }

    private List<Member> active() {
      return members.stream().filter(m -> m.meeting.status() == Meeting.Status.ACTIVE).toList();
    }

    void step() throws SealmeetException {
      List<Member> active = active();
      Member actor = active.get(random.nextInt(active.size()));
      switch (random.nextInt(5)) {
        case 0, 1 -> act(actor);
        case 2 -> poll(actor);
        case 3 -> {
          faulty.pump();
          for (Member member : active) {
            takePushes(member);
          }
        }
        default -> send(actor);
      }
      joinAdmitted();
    }

    /** The actor retries its failed change, or makes a new one. */
    void act(Member actor) throws SealmeetException {
      if (actor.leaving && actor.retry == null) {
        return;
      }
      Change change = actor.retry != null ? actor.retry : choose(actor);
      if (change == null) {
        return;
      }
      long before = f.ds.epoch(host.id());
      try {
        change.apply(actor.meeting);
        actor.retry = null;
      } catch (TransportException e) {
        transportFailures++;
        assertThat(e.retryable()).isTrue();
        assertThat(actor.meeting.stall()).isEmpty();
        actor.retry = change;
      } catch (MeetingRuleException e) {
        if (e.rule() != MeetingRule.NOT_IN_MEETING) {
          throw e;
        }
        actor.retry = null;
      }
      commits += (int) (f.ds.epoch(host.id()) - before);
    }

    Change choose(Member actor) {
      Meeting m = actor.meeting;
      int pick = random.nextInt(5);
      if (m == host && pick == 0 && !lobby.isEmpty()) {
        LobbyGuest guest = lobby.pollFirst();
        admitted.add(guest);
        return meeting -> meeting.admit(guest.account());
      }
      if (m == host && pick == 1) {
        List<Long> others = new ArrayList<>(m.roster().keySet());
        others.remove(m.ownLeaf());
        if (!others.isEmpty()) {
          long leaf = others.get(random.nextInt(others.size()));
          return meeting -> meeting.remove(leaf);
        }
      }
      if (m != host && pick == 2) {
        actor.leaving = true;
        return Meeting::leave;
      }
      if (pick == 3) {
        return Meeting::commitPending;
      }
      return Meeting::update;
    }

    void poll(Member member) {
      try {
        member.meeting.poll();
      } catch (TransportException e) {
        transportFailures++;
      } catch (StorageException e) {
        throw new AssertionError("no store here", e);
      }
      member.resubscribe();
    }

    /** Processes what was pushed; a gap (pushes lost in a disconnection) is filled by a poll. */
    void takePushes(Member member) throws SealmeetException {
      while (!member.pushed.isEmpty() && member.meeting.status() != Meeting.Status.ENDED) {
        SequencedEnvelope next = member.pushed.pollFirst();
        try {
          member.meeting.process(next.bytes());
        } catch (MeetingRuleException e) {
          if (e.rule() == MeetingRule.SEQUENCE_GAP) {
            poll(member);
            return;
          }
          if (!MEDIA_RULES.contains(e.rule())) {
            throw e;
          }
        }
      }
      member.resubscribe();
    }

    void send(Member member) {
      byte[] frame = ByteBuffer.allocate(8).putLong(random.nextLong()).array();
      try {
        member.meeting.send(random.nextBoolean() ? MediaKind.AUDIO : MediaKind.VIDEO, frame);
      } catch (TransportException e) {
        transportFailures++;
      } catch (MeetingRuleException e) {
        throw new AssertionError(e);
      }
    }

    /** Admitted guests read the log for their Welcome and become members. */
    void joinAdmitted() {
      for (LobbyGuest guest : List.copyOf(admitted)) {
        Optional<Meeting> joined;
        try {
          joined = guest.poll();
        } catch (TransportException e) {
          transportFailures++;
          continue;
        } catch (StorageException e) {
          throw new AssertionError("no store here", e);
        }
        if (joined.isPresent()) {
          admitted.remove(guest);
          Member member = new Member(joined.get());
          members.add(member);
          member.resubscribe();
        }
      }
    }

    /** On a good network: every failed change is retried once, everyone reads to the end. */
    void heal() throws SealmeetException {
      for (Member member : members) {
        if (member.retry != null && member.meeting.status() == Meeting.Status.ACTIVE) {
          act(member);
        }
      }
      for (int round = 0; round < 3; round++) {
        faulty.pump();
        for (Member member : List.copyOf(members)) {
          takePushes(member);
          poll(member);
        }
        joinAdmitted();
      }
    }

    void check() throws SealmeetException {
      assertThat(admitted).as("admitted guests that never got their Welcome").isEmpty();
      long epoch = f.ds.epoch(host.id());
      long orderedCommits = MeetingInternals.recorded(f.ds, host.id()).stream()
          .filter(e -> e.hasHandshake()
              && e.getHandshake().getKind() == dev.sealmeet.meeting.proto.Handshake.Kind.COMMIT)
          .count();
      assertThat(orderedCommits).as("commits in the log").isEqualTo(epoch);
      List<Member> active = active();
      Map<Long, VerifiedIdentity> roster = host.roster();
      for (Member member : members) {
        Meeting m = member.meeting;
        assertThat(m.stall()).as("stall of %s", m.account()).isEmpty();
        for (SealmeetException e : m.rejected()) {
          assertThat(e).as("rejected at %s", m.account())
              .isInstanceOfSatisfying(MeetingRuleException.class,
                  r -> assertThat(r.rule()).isIn(MEDIA_RULES));
        }
      }
      for (Member member : active) {
        Meeting m = member.meeting;
        assertThat(m.epoch()).as("epoch of %s", m.account()).isEqualTo(epoch);
        assertThat(m.securityCode()).as("code of %s", m.account())
            .isEqualTo(host.securityCode());
        assertThat(accounts(m.roster())).as("roster of %s", m.account())
            .isEqualTo(accounts(roster));
      }
      assertThat(accounts(roster).values()).as("the roster is the active members")
          .containsExactlyInAnyOrderElementsOf(active.stream()
              .map(m -> m.meeting.account()).toList());
      for (Member sender : active) {
        byte[] frame = sender.meeting.account().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sender.meeting.send(MediaKind.AUDIO, frame);
        for (Member receiver : active) {
          if (receiver != sender) {
            assertThat(receiver.meeting.poll()).as("%s from %s", receiver.meeting.account(),
                sender.meeting.account()).singleElement()
                .satisfies(r -> assertThat(r.payload()).isEqualTo(frame));
          }
        }
      }
    }

    private static Map<Long, String> accounts(Map<Long, VerifiedIdentity> roster) {
      Map<Long, String> out = new LinkedHashMap<>();
      roster.forEach((leaf, id) -> out.put(leaf, id.account()));
      return out;
    }
  }
}
