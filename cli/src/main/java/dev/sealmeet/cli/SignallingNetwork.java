package dev.sealmeet.cli;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.EnvelopeRouting;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The demo's signalling network: one delivery service seen by each member through its own view,
 * which hides an envelope until its delivery time for that member (when the log first held it, plus
 * a seeded delay drawn per member and envelope). Order is kept: an envelope never overtakes an
 * earlier one. Time is the demo's virtual clock. Single-threaded, as the demo is. In {@code demo
 * --network} each participant process has its own, over its gRPC client: there an envelope's time
 * in the log is when that participant first saw it.
 */
final class SignallingNetwork {
  private final DeliveryService ds;
  private final LongSupplier now;
  private final Random random;
  private final long minNanos;
  private final long spanNanos;
  /** Per log (a meeting's, a lobby's): when it first held each sequence number. */
  private final Map<String, List<Long>> loggedAt = new HashMap<>();
  /** Per member and log: when each sequence number reaches the member. */
  private final Map<String, List<Long>> deliverAt = new HashMap<>();

  SignallingNetwork(DeliveryService ds, LongSupplier now, Random random, long minNanos,
      long maxNanos) {
    this.ds = ds;
    this.now = now;
    this.random = random;
    this.minNanos = minNanos;
    this.spanNanos = maxNanos - minNanos;
  }

  /** What {@code account} sees of the delivery service. */
  DeliveryService viewFor(String account) {
    return new View(account);
  }

  private List<Long> stamp(byte[] meetingId) throws TransportException {
    List<Long> logged = loggedAt(meetingId);
    stamp(logged, ds.fetch(meetingId, logged.size()));
    return logged;
  }

  private List<Long> loggedAt(byte[] meetingId) {
    return loggedAt.computeIfAbsent(Arrays.toString(meetingId), id -> new ArrayList<>());
  }

  private void stamp(List<Long> logged, List<SequencedEnvelope> envelopes) {
    for (SequencedEnvelope e : envelopes) {
      while (logged.size() <= e.sequence()) {
        logged.add(now.getAsLong());
      }
    }
  }

  private long deliveryTime(String account, byte[] meetingId, List<Long> logged, long sequence) {
    List<Long> times = deliverAt.computeIfAbsent(account + "/" + Arrays.toString(meetingId),
        a -> new ArrayList<>());
    while (times.size() <= sequence) {
      long previous = times.isEmpty() ? Long.MIN_VALUE : times.get(times.size() - 1);
      long loggedAt = logged.get(times.size());
      times.add(Math.max(previous, loggedAt + minNanos + (long) (random.nextDouble() * spanNanos)));
    }
    return times.get((int) sequence);
  }

  private final class View implements DeliveryService {
    private final String account;

    View(String account) {
      this.account = account;
    }

    @Override
    public ExternalSender externalSender() {
      return ds.externalSender();
    }

    @Override
    public void openMeeting(byte[] meetingId, MlsMessage groupInfo) throws TransportException {
      ds.openMeeting(meetingId, groupInfo);
    }

    @Override
    public SubmitResult submit(byte[] envelope) throws TransportException {
      SubmitResult result = ds.submit(envelope);
      try {
        stamp(EnvelopeRouting.of(envelope).meetingId());
      } catch (DecodeException e) {
        // Not an envelope: the service refused it and logged nothing.
      }
      return result;
    }

    @Override
    public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
        throws TransportException {
      List<Long> logged = loggedAt(meetingId);
      // One read stamps what is new and answers (over gRPC, one call instead of two).
      List<SequencedEnvelope> all = ds.fetch(meetingId, Math.min(fromSequence, logged.size()));
      stamp(logged, all);
      List<SequencedEnvelope> out = new ArrayList<>();
      for (SequencedEnvelope e : all) {
        if (e.sequence() < fromSequence) {
          continue;
        }
        if (deliveryTime(account, meetingId, logged, e.sequence()) > now.getAsLong()) {
          break;
        }
        out.add(e);
      }
      return out;
    }

    /** Pushes are not delayed per member: the demo polls its views instead. */
    @Override
    public Subscription subscribe(byte[] meetingId, long fromSequence,
        java.util.function.Consumer<SequencedEnvelope> listener) {
      throw new UnsupportedOperationException("the demo's members poll");
    }

    @Override
    public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry)
        throws TransportException {
      ds.publishKeyPackage(meetingId, entry);
    }

    @Override
    public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
        throws TransportException {
      return ds.claimKeyPackage(meetingId, account);
    }
  }
}
