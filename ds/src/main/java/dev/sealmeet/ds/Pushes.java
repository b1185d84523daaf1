package dev.sealmeet.ds;

import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The core's subscriptions: each keeps its own next sequence number and reads the store from it
 * when an append names its meeting, and on a timer (appends by another node, a missed wake-up).
 * Deliveries run on the core's own daemon threads, never on a submitter's, one at a time per
 * subscription, in order and each once. A push is not a read for compaction: a pushed entry may
 * be lost with the connection, and the client subscribes again from where it really is.
 *
 * <pre>
 * onAppend(meeting) ─► wake its subscriptions ─┐
 * timer (poll interval) ─► head per meeting ─┴─► executor: read(next, page) ─► listener ─► next++
 * </pre>
 */
final class Pushes implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Pushes.class.getName());

  /** Told of what was handed to a reader. */
  interface Delivered {
    void noteDelivered(byte[] meetingId, String account, long nextSequence);
  }

  private final LogStore store;
  private final int pageSize;
  private final Delivered delivered;
  private final ExecutorService executor;
  private final ScheduledExecutorService timer;
  /** Changed per meeting with compute, so a set leaves when its last pusher does. */
  private final Map<String, Set<Pusher>> byMeeting = new ConcurrentHashMap<>();
  private final AutoCloseable registration;

  Pushes(LogStore store, int pageSize, Duration pollInterval, Delivered delivered) {
    this.store = store;
    this.pageSize = pageSize;
    this.delivered = delivered;
    this.executor = Executors.newCachedThreadPool(daemons("sealmeet-ds-push"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemons("sealmeet-ds-poll"));
    long millis = pollInterval.toMillis();
    timer.scheduleWithFixedDelay(this::wakeAll, millis, millis, TimeUnit.MILLISECONDS);
    this.registration = store.onAppend(this::wake);
  }

  static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The core's timer, for other background work. */
  ScheduledExecutorService timer() {
    return timer;
  }

  /** Starts pushing the meeting's entries from {@code fromSequence} on to {@code listener}. */
  Subscription subscribe(byte[] meetingId, String account, long fromSequence,
      Consumer<SequencedEnvelope> listener) {
    Pusher pusher = new Pusher(meetingId, account, Math.max(1, fromSequence), listener);
    byMeeting.compute(StoreState.key(meetingId), (k, pushers) -> {
      Set<Pusher> set = pushers != null ? pushers : ConcurrentHashMap.newKeySet();
      set.add(pusher);
      return set;
    });
    pusher.wake();
    return pusher;
  }

  private void wake(byte[] meetingId) {
    Set<Pusher> pushers = byMeeting.get(StoreState.key(meetingId));
    if (pushers != null) {
      pushers.forEach(Pusher::wake);
    }
  }

  /** The timer: one head read per meeting, then a wake-up for each pusher behind it. */
  private void wakeAll() {
    for (Set<Pusher> pushers : byMeeting.values()) {
      Pusher any = pushers.stream().findFirst().orElse(null);
      if (any == null) {
        continue;
      }
      long next;
      try {
        next = store.head(any.meetingId).map(MeetingHead::nextSequence).orElse(0L);
      } catch (StoreException | RuntimeException e) {
        LOG.log(Level.WARNING, "the push timer could not read a head; it tries again", e);
        continue;
      }
      for (Pusher pusher : pushers) {
        if (pusher.next < next) {
          pusher.wake();
        }
      }
    }
  }

  /** Cancels every subscription and stops the threads. */
  @Override
  public void close() {
    try {
      registration.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing the append registration failed", e);
    }
    byMeeting.values().forEach(set -> set.forEach(Pusher::cancel));
    timer.shutdownNow();
    executor.shutdownNow();
  }

  /** One subscription. */
  private final class Pusher implements Subscription {
    private final byte[] meetingId;
    private final String account;
    private final Consumer<SequencedEnvelope> listener;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean cancelled;
    /** Written by the one running drain only; read by the timer. */
    private volatile long next;

    Pusher(byte[] meetingId, String account, long next, Consumer<SequencedEnvelope> listener) {
      this.meetingId = meetingId.clone();
      this.account = account;
      this.next = next;
      this.listener = listener;
    }

    void wake() {
      wanted.set(true);
      schedule();
    }

    private void schedule() {
      if (!cancelled && wanted.get() && running.compareAndSet(false, true)) {
        try {
          executor.execute(this::run);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          running.set(false);
        }
      }
    }

    private void run() {
      try {
        while (!cancelled && wanted.getAndSet(false)) {
          drain();
        }
      } finally {
        running.set(false);
      }
      schedule();
    }

    private void drain() {
      try {
        while (!cancelled) {
          List<SequencedEnvelope> page = store.read(meetingId, next, pageSize);
          for (SequencedEnvelope entry : page) {
            if (cancelled) {
              return;
            }
            if (entry.sequence() < next) {
              continue;
            }
            try {
              listener.accept(entry);
            } catch (RuntimeException | Error e) {
              cancel();
              if (e instanceof VirtualMachineError fatal) {
                throw fatal;
              }
              LOG.log(Level.FINE, "a push listener threw; its subscription ends", e);
              return;
            }
            next = entry.sequence() + 1;
            delivered.noteDelivered(meetingId, account, next);
          }
          if (page.size() < pageSize) {
            return;
          }
        }
      } catch (StoreException e) {
        LOG.log(Level.WARNING, "a push could not read the store; the timer retries", e);
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      byMeeting.computeIfPresent(StoreState.key(meetingId), (k, pushers) -> {
        pushers.remove(this);
        return pushers.isEmpty() ? null : pushers;
      });
    }

    @Override
    public String toString() {
      return "Subscription[next " + next + (cancelled ? ", cancelled" : "") + "]";
    }
  }
}
