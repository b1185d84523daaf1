package dev.sealmeet.ds.faults;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.TransportException;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member's own thread (a meeting is driven by one thread): polls, commits an update now and
 * then, runs the pending-proposal policy, and runs the actions the test hands it ({@link #act}),
 * until stopped or the member is gone. A {@link TransportException} is counted and the loop goes
 * on (the meeting is as before the failed call); so is an update that lost every race. The
 * longest single step is kept: a step that hangs shows there.
 */
final class Committer implements Runnable {
  /** An action on the member's meeting, run on its thread. */
  interface Action {
    /** Returns whether it is done (else it runs again on the next round). */
    boolean run(Meeting meeting) throws SealmeetException;
  }

  private record Task(Action action, CompletableFuture<Void> done) {}

  final Meeting meeting;
  final AtomicLong updates = new AtomicLong();
  final AtomicLong transportFailures = new AtomicLong();
  final AtomicLong lostRaces = new AtomicLong();
  final AtomicLong longestStepNanos = new AtomicLong();
  private final double updateChance;
  private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
  private volatile boolean stopped;
  private volatile Throwable error;
  private Thread thread;

  Committer(Meeting meeting, double updateChance) {
    this.meeting = meeting;
    this.updateChance = updateChance;
  }

  Committer start() {
    thread = new Thread(this, "committer-" + meeting.account());
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Runs {@code action} on the member's thread until it says it is done. */
  CompletableFuture<Void> act(Action action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    tasks.add(new Task(action, done));
    return done;
  }

  /** Stops and waits for the thread; rethrows what broke it. */
  void stop() throws Exception {
    stopped = true;
    thread.join(TimeUnit.SECONDS.toMillis(60));
    if (thread.isAlive()) {
      throw new AssertionError(meeting.account() + "'s thread did not stop: a call hangs");
    }
    if (error != null) {
      throw new AssertionError(meeting.account() + "'s thread failed: " + error, error);
    }
  }

  @Override
  public void run() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try {
      while (!stopped && meeting.status() == Meeting.Status.ACTIVE) {
        long start = System.nanoTime();
        step(random);
        longestStepNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
        Thread.sleep(30 + random.nextInt(90));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      error = t;
    }
    for (Task task = tasks.poll(); task != null; task = tasks.poll()) {
      task.done().completeExceptionally(error != null ? error
          : new IllegalStateException(meeting.account() + " stopped (" + meeting.status() + ")"));
    }
  }

  private void step(ThreadLocalRandom random) throws SealmeetException {
    try {
      meeting.maintain(); // polls, and commits pending proposals when its turn came
      Task task = tasks.peek();
      if (task != null) {
        if (meeting.status() == Meeting.Status.ACTIVE && task.action().run(meeting)) {
          tasks.remove();
          task.done().complete(null);
        }
        return;
      }
      if (meeting.status() == Meeting.Status.ACTIVE && random.nextDouble() < updateChance) {
        meeting.update();
        updates.incrementAndGet();
      }
    } catch (TransportException e) {
      transportFailures.incrementAndGet();
    } catch (MeetingRuleException e) {
      if (meeting.status() != Meeting.Status.ACTIVE) {
        return; // removed (or ended) while it acted: the loop ends
      }
      if (e.rule() != MeetingRule.UNEXPECTED_ENVELOPE
          || !String.valueOf(e.getMessage()).contains("races")) {
        throw e;
      }
      lostRaces.incrementAndGet(); // every attempt lost to another member's commit
    }
  }
}
