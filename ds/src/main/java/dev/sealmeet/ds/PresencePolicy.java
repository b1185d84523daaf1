package dev.sealmeet.ds;

import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes the clients that dropped: when an account that used a meeting through this node has had
 * no open subscription and made no call for {@code dropAfter}, the server proposes, as the group's
 * external sender, to remove it from each meeting it used ({@link DeliveryCore#proposeRemove},
 * RFC 9420 §12.1.8.1); a member commits the proposal (a {@code Meeting} with a {@code
 * MeetingPolicy} that commits pending proposals does it on its own). Transports tell it of each
 * call ({@link #called}) and of each subscription's start and end ({@link #opened}, {@link
 * #closed}).
 *
 * <pre>
 * call / subscription ─► seen(account, meetings) ─► sweep every dropAfter/4:
 *   absent for dropAfter ─► proposeRemove per meeting ─► ACCEPTED: absent again from now
 *                                                     ─► not a member (any more): forget it
 * </pre>
 *
 * <p>Presence is this node's memory: with several nodes over one store, a client that moved to
 * another node looks dropped here, so turn the policy on for one node only (or accept that a
 * client that moved may be proposed for removal, and the proposal lost in the next commit if it
 * came back in time to commit first). A proposal that another commit of its epoch made void is
 * proposed again after another {@code dropAfter} if the account is still absent and a member.
 * Thread-safe.
 */
public final class PresencePolicy implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PresencePolicy.class.getName());

  private final DeliveryCore core;
  private final Duration dropAfter;
  private final Clock clock;
  private final Map<String, Presence> accounts = new HashMap<>();
  private final ScheduledExecutorService timer;

  /** What this node knows of one account. */
  private static final class Presence {
    final Set<String> meetings = new LinkedHashSet<>();
    int open;
    Instant lastSeen;
  }

  /**
   * A policy for {@code core} that sweeps on its own timer every quarter of {@code dropAfter}.
   *
   * @throws IllegalArgumentException if {@code dropAfter} is not positive
   */
  public PresencePolicy(DeliveryCore core, Duration dropAfter, Clock clock) {
    this.core = Objects.requireNonNull(core, "core");
    this.dropAfter = Objects.requireNonNull(dropAfter, "dropAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (dropAfter.isNegative() || dropAfter.isZero()) {
      throw new IllegalArgumentException("dropAfter must be positive");
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sealmeet-ds-presence");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(50, dropAfter.toMillis() / 4);
    timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** How long an account may be absent before its removal is proposed. */
  public Duration dropAfter() {
    return dropAfter;
  }

  /** {@code account} made a call, about {@code meetingId} if it names one (else null). */
  public void called(String account, byte[] meetingId) {
    synchronized (accounts) {
      seen(account, meetingId);
    }
  }

  /** {@code account} opened a subscription to {@code meetingId}. */
  public void opened(String account, byte[] meetingId) {
    synchronized (accounts) {
      seen(account, meetingId).open++;
    }
  }

  /** A subscription {@code account} had opened ended (cancelled, or its connection dropped). */
  public void closed(String account) {
    synchronized (accounts) {
      Presence p = accounts.get(account);
      if (p != null) {
        p.open = Math.max(0, p.open - 1);
        p.lastSeen = clock.instant();
      }
    }
  }

  private Presence seen(String account, byte[] meetingId) {
    Presence p = accounts.computeIfAbsent(account, a -> new Presence());
    p.lastSeen = clock.instant();
    if (meetingId != null && meetingId.length > 0) {
      p.meetings.add(HexFormat.of().formatHex(meetingId));
    }
    return p;
  }

  /**
   * Proposes the removal of every account absent for {@code dropAfter} from each meeting it used
   * here; the timer calls it too.
   *
   * @return how many proposals were accepted
   */
  public int sweep() {
    Instant now = clock.instant();
    Map<String, List<String>> due = new HashMap<>();
    synchronized (accounts) {
      for (Map.Entry<String, Presence> e : accounts.entrySet()) {
        Presence p = e.getValue();
        if (p.open == 0 && !p.meetings.isEmpty()
            && !p.lastSeen.plus(dropAfter).isAfter(now)) {
          due.put(e.getKey(), new ArrayList<>(p.meetings));
          p.lastSeen = now; // propose at most once per dropAfter
        }
      }
    }
    int proposed = 0;
    for (Map.Entry<String, List<String>> e : due.entrySet()) {
      for (String meeting : e.getValue()) {
        if (propose(e.getKey(), meeting)) {
          proposed++;
        }
      }
    }
    return proposed;
  }

  private boolean propose(String account, String meetingHex) {
    try {
      SubmitResult result = core.proposeRemove(HexFormat.of().parseHex(meetingHex), account);
      LOG.log(Level.INFO, "proposed the removal of a dropped client: {0}", result.status());
      return result.status() == SubmitStatus.ACCEPTED;
    } catch (IllegalArgumentException e) {
      forget(account, meetingHex); // the meeting is gone, or the account is no member of it
      return false;
    } catch (StoreException e) {
      LOG.log(Level.WARNING, "could not propose a removal; the next sweep retries", e);
      return false;
    }
  }

  private void forget(String account, String meetingHex) {
    synchronized (accounts) {
      Presence p = accounts.get(account);
      if (p != null) {
        p.meetings.remove(meetingHex);
        if (p.meetings.isEmpty() && p.open == 0) {
          accounts.remove(account);
        }
      }
    }
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "presence sweep failed; the next one retries", e);
    }
  }

  /** Stops the timer. */
  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** The interval only. */
  @Override
  public String toString() {
    return "PresencePolicy[drop after " + dropAfter + "]";
  }
}
