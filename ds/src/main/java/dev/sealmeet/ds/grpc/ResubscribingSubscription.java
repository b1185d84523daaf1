package dev.sealmeet.ds.grpc;

import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import io.grpc.Status;
import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A subscription that outlives its streams: when one drops, it subscribes again (on the next
 * target, after a backoff) from the sequence after the last entry it delivered, and skips any
 * entry below that, so the listener gets each entry once and none is lost. It stops when
 * cancelled, when the listener throws, or when the server refuses it for good (the meeting is
 * gone, the caller may no longer read).
 */
final class ResubscribingSubscription implements Subscription {
  private static final System.Logger LOG =
      System.getLogger(ResubscribingSubscription.class.getName());

  /** The retry number whose backoff is the longest a reconnect waits. */
  private static final int MAX_BACKOFF_STEP = 16;

  private final GrpcDeliveryService client;
  private final ScheduledExecutorService scheduler;
  private final byte[] meetingId;
  private final Consumer<SequencedEnvelope> listener;
  private long next;
  private GrpcSubscription stream;
  private boolean stopped;
  private int failures;

  ResubscribingSubscription(GrpcDeliveryService client, ScheduledExecutorService scheduler,
      byte[] meetingId, long fromSequence, Consumer<SequencedEnvelope> listener) {
    this.client = client;
    this.scheduler = scheduler;
    this.meetingId = meetingId.clone();
    this.next = fromSequence;
    this.listener = listener;
  }

  /** The first stream, made at once: its failure is the caller's. */
  void start() throws TransportException {
    GrpcSubscription first = client.openStream(meetingId, next(), this::deliver, this::ended);
    synchronized (this) {
      if (stream == null) { // unless it dropped and was replaced already
        stream = first;
      }
    }
  }

  private synchronized long next() {
    return next;
  }

  /** Streams never overlap (the next is made after the last ended), so entries come one by one. */
  private void deliver(SequencedEnvelope entry) {
    synchronized (this) {
      if (stopped || entry.sequence() < next) {
        return; // delivered by an earlier stream
      }
    }
    listener.accept(entry); // a throw ends the stream with byClient set
    synchronized (this) {
      next = entry.sequence() + 1;
      failures = 0;
    }
  }

  private void ended(Status status, boolean byClient) {
    synchronized (this) {
      if (byClient) {
        stopped = true;
      }
      if (stopped) {
        return;
      }
    }
    LOG.log(Level.DEBUG, () -> "subscription dropped (" + status.getCode() + "), resubscribing");
    schedule();
  }

  private void schedule() {
    long wait;
    synchronized (this) {
      if (stopped) {
        return;
      }
      failures++;
      wait = client.retryPolicy().backoffMillis(Math.min(failures, MAX_BACKOFF_STEP),
          ThreadLocalRandom.current());
    }
    try {
      scheduler.schedule(this::reconnect, wait, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      cancel(); // the client was closed
    }
  }

  private void reconnect() {
    if (isStopped()) {
      return;
    }
    GrpcSubscription again;
    try {
      again = client.openStream(meetingId, next(), this::deliver, this::ended);
    } catch (TransportException e) {
      if (e.retryable()) {
        schedule();
      } else {
        stop("refused");
      }
      return;
    } catch (IllegalArgumentException | IllegalStateException e) {
      stop("the meeting is gone");
      return;
    }
    synchronized (this) {
      if (!stopped) {
        stream = again;
        return;
      }
    }
    again.cancel();
  }

  private synchronized boolean isStopped() {
    return stopped;
  }

  private void stop(String why) {
    LOG.log(Level.INFO, () -> "subscription stopped: " + why);
    cancel();
  }

  /** Whether it still delivers (or will, once it reconnects). */
  synchronized boolean active() {
    return !stopped;
  }

  @Override
  public void cancel() {
    GrpcSubscription current;
    synchronized (this) {
      stopped = true;
      current = stream;
    }
    if (current != null) {
      current.cancel();
    }
  }

  /** State only. */
  @Override
  public synchronized String toString() {
    return "ResubscribingSubscription[" + (stopped ? "stopped" : "from " + next) + "]";
  }
}
