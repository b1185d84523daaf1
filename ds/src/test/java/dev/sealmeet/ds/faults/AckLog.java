package dev.sealmeet.ds.faults;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.LobbyKnocks;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.ServerAdmission;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What clients were told: every submit answered {@code ACCEPTED}, as the bytes the log must hold
 * at its sequence, shared by all the clients of a test. Each client's {@link DeliveryService} is
 * wrapped by {@link #watch}, which also counts the calls that failed with a {@link
 * TransportException} and when the last one did.
 */
final class AckLog {
  /** An accepted submit: the bytes the log must hold at its sequence, and whether a commit. */
  record Ack(byte[] bytes, boolean commit, long epoch, String account) {}

  final Map<Long, Ack> accepted = new ConcurrentSkipListMap<>();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong lastAcceptedNanos = new AtomicLong();
  final AtomicLong lastFailureNanos = new AtomicLong();
  private final List<String> conflicts = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Two different envelopes acknowledged at one sequence (never expected). */
  List<String> conflicts() {
    return conflicts;
  }

  /** {@code next}, with every answer recorded here. */
  DeliveryService watch(String account, DeliveryService next) {
    return new Watched(account, next);
  }

  private final class Watched implements DeliveryService, LobbyKnocks {
    private final String account;
    private final DeliveryService next;

    Watched(String account, DeliveryService next) {
      this.account = account;
      this.next = next;
    }

    private <T> T failed(TransportException e) throws TransportException {
      failures.incrementAndGet();
      lastFailureNanos.set(System.nanoTime());
      throw e;
    }

    @Override
    public ExternalSender externalSender() {
      return next.externalSender();
    }

    @Override
    public void openMeeting(byte[] meetingId, MlsMessage groupInfo) throws TransportException {
      next.openMeeting(meetingId, groupInfo);
    }

    @Override
    public SubmitResult submit(byte[] envelope) throws TransportException {
      SubmitResult result;
      try {
        result = next.submit(envelope);
      } catch (TransportException e) {
        return failed(e);
      }
      if (result.status() == SubmitStatus.ACCEPTED) {
        lastAcceptedNanos.set(System.nanoTime());
        try {
          ServerAdmission.Submission s = ServerAdmission.parse(envelope);
          Ack ack = new Ack(s.at(result.sequence()), s.kind() == ServerAdmission.Kind.COMMIT,
              result.epoch(), account);
          Ack before = accepted.putIfAbsent(result.sequence(), ack);
          if (before != null && !java.util.Arrays.equals(before.bytes(), ack.bytes())) {
            conflicts.add("sequence " + result.sequence() + ": " + before.account() + " and "
                + account);
          }
        } catch (DecodeException e) {
          throw new AssertionError("a client submitted an envelope that does not parse", e);
        }
      }
      return result;
    }

    @Override
    public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
        throws TransportException {
      try {
        return next.fetch(meetingId, fromSequence);
      } catch (TransportException e) {
        return failed(e);
      }
    }

    @Override
    public Subscription subscribe(byte[] meetingId, long fromSequence,
        Consumer<SequencedEnvelope> listener) throws TransportException {
      return next.subscribe(meetingId, fromSequence, listener);
    }

    @Override
    public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry)
        throws TransportException {
      next.publishKeyPackage(meetingId, entry);
    }

    @Override
    public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
        throws TransportException {
      try {
        return next.claimKeyPackage(meetingId, account);
      } catch (TransportException e) {
        return failed(e);
      }
    }

    @Override
    public void knock(byte[] meetingId, String who) {
      ((LobbyKnocks) next).knock(meetingId, who);
    }

    @Override
    public List<String> knocks(byte[] meetingId, int from) {
      return ((LobbyKnocks) next).knocks(meetingId, from);
    }
  }
}
