package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.protocol.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embedded {@link DeliveryService}: one in-memory log per meeting, thread-safe. It records
 * every envelope it orders, which is what the demo's relay proofs attack, and remembers every
 * submit id with its answer (idempotent submit; unbounded, as the log is). Pushes go to
 * subscribers on the thread that submitted, in log order, outside the service's lock. A scale-out
 * server puts the same contract on an ordered log (one partition key per meeting, a unique key
 * on meeting and submit id). It never throws {@link TransportException}.
 */
public final class InMemoryDeliveryService implements DeliveryService, LobbyKnocks {
  /** Most knocks kept per meeting; later ones are dropped (anyone can knock). */
  public static final int MAX_KNOCKS = 1024;

  private final MlsSuite suite;
  private final SigningIdentity identity;
  private final Map<String, OrderedLog> meetings = new HashMap<>();
  private final Map<String, Deque<KeyPackageEntry>> directory = new HashMap<>();
  private final Map<String, List<String>> knocks = new HashMap<>();

  private static final class OrderedLog {
    final List<SequencedEnvelope> entries = new ArrayList<>();
    final Map<String, Answer> answers = new HashMap<>();
    final List<Subscriber> subscribers = new ArrayList<>();
    final PublicGroupView view;

    OrderedLog(PublicGroupView view) {
      this.view = view;
    }
  }

  /** The first answer to a submit id, and a digest of the bytes it was given for. */
  private record Answer(SubmitResult result, byte[] digest) {}

  /** A delivery service for meetings of {@code suite}, with a fresh signing identity. */
  public InMemoryDeliveryService(MlsSuite suite) {
    this.suite = suite;
    this.identity = SigningIdentity.generate(suite,
        new BasicCredential("sealmeet delivery service".getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public ExternalSender externalSender() {
    return new ExternalSender(identity.signaturePublicKey(), identity.credential());
  }

  @Override
  public synchronized void openMeeting(byte[] meetingId, MlsMessage groupInfo) {
    if (meetings.containsKey(key(meetingId))) {
      throw new IllegalStateException("the meeting exists");
    }
    PublicGroupView view;
    try {
      view = PublicGroupView.of(suite, groupInfo);
    } catch (SealmeetException e) {
      throw new IllegalArgumentException("the GroupInfo does not verify", e);
    }
    if (!Arrays.equals(view.groupId(), meetingId)) {
      throw new IllegalArgumentException("the GroupInfo is of another group");
    }
    meetings.put(key(meetingId), new OrderedLog(view));
  }

  @Override
  public SubmitResult submit(byte[] envelope) {
    List<Subscriber> notify = new ArrayList<>();
    SubmitResult result = order(envelope, notify);
    notify.forEach(Subscriber::drain);
    return result;
  }

  /** Orders under the lock; the subscribers to push to are drained after it is released. */
  private synchronized SubmitResult order(byte[] bytes, List<Subscriber> notify) {
    ServerAdmission.Submission submission;
    try {
      submission = ServerAdmission.parse(bytes);
    } catch (DecodeException e) {
      return SubmitResult.refused(0, "not a control envelope");
    }
    OrderedLog log = log(submission.meetingId());
    byte[] submitId = submission.submitId();
    String id = submitId.length == 0 ? null : Hex.encode(submitId);
    byte[] digest = submission.digest();
    if (id != null && log.answers.containsKey(id)) {
      Answer first = log.answers.get(id);
      return MessageDigest.isEqual(first.digest(), digest) ? first.result()
          : SubmitResult.refused(log.view.epoch(), "submit id reused for other bytes");
    }
    SubmitResult result = decide(log, submission);
    if (result.status() == SubmitStatus.ACCEPTED) {
      SequencedEnvelope entry = new SequencedEnvelope(result.sequence(),
          submission.at(result.sequence()));
      log.entries.add(entry);
      for (Subscriber subscriber : log.subscribers) {
        subscriber.enqueue(entry);
        notify.add(subscriber);
      }
    }
    if (id != null) {
      log.answers.put(id, new Answer(result, digest));
    }
    return result;
  }

  private static SubmitResult decide(OrderedLog log, ServerAdmission.Submission submission) {
    if (submission.handshakeEpoch().isPresent()
        && submission.handshakeEpoch().getAsLong() != log.view.epoch()) {
      return SubmitResult.staleEpoch(log.view.epoch());
    }
    try {
      ServerAdmission.check(log.view, submission);
    } catch (SealmeetException e) {
      return SubmitResult.refused(log.view.epoch(), e.getMessage());
    }
    return SubmitResult.accepted(log.entries.size() + 1L, log.view.epoch());
  }

  @Override
  public synchronized List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence) {
    List<SequencedEnvelope> entries = log(meetingId).entries;
    int from = (int) Math.max(0, Math.min(entries.size(), fromSequence - 1));
    return List.copyOf(entries.subList(from, entries.size()));
  }

  @Override
  public Subscription subscribe(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) {
    Subscriber subscriber;
    synchronized (this) {
      OrderedLog log = log(meetingId);
      subscriber = new Subscriber(log, java.util.Objects.requireNonNull(listener, "listener"));
      fetch(meetingId, fromSequence).forEach(subscriber::enqueue);
      log.subscribers.add(subscriber);
    }
    subscriber.drain();
    return subscriber;
  }

  /**
   * One subscriber's queue: envelopes are queued under the service's lock in log order, and
   * delivered by whichever thread finds the queue idle, one at a time, outside the lock (a
   * listener may submit, which queues behind the envelope being delivered).
   */
  private final class Subscriber implements Subscription {
    private final OrderedLog log;
    private final Consumer<SequencedEnvelope> listener;
    private final Deque<SequencedEnvelope> queue = new ArrayDeque<>();
    private boolean delivering;
    private boolean cancelled;

    Subscriber(OrderedLog log, Consumer<SequencedEnvelope> listener) {
      this.log = log;
      this.listener = listener;
    }

    synchronized void enqueue(SequencedEnvelope entry) {
      if (!cancelled) {
        queue.addLast(entry);
      }
    }

    void drain() {
      while (true) {
        SequencedEnvelope next;
        synchronized (this) {
          if (delivering || cancelled || queue.isEmpty()) {
            return;
          }
          next = queue.pollFirst();
          delivering = true;
        }
        boolean delivered = false;
        try {
          listener.accept(next);
          delivered = true;
        } finally {
          synchronized (this) {
            delivering = false;
          }
          if (!delivered) {
            cancel();
          }
        }
      }
    }

    @Override
    public void cancel() {
      synchronized (InMemoryDeliveryService.this) {
        log.subscribers.remove(this);
      }
      synchronized (this) {
        cancelled = true;
        queue.clear();
      }
    }

    @Override
    public String toString() {
      return "Subscription[" + queue.size() + " queued" + (cancelled ? ", cancelled" : "") + "]";
    }
  }

  @Override
  public synchronized void knock(byte[] meetingId, String account) {
    List<String> lobby = knocks.computeIfAbsent(key(meetingId), k -> new ArrayList<>());
    if (lobby.size() < MAX_KNOCKS) {
      lobby.add(account);
    }
  }

  @Override
  public synchronized List<String> knocks(byte[] meetingId, int from) {
    List<String> all = knocks.getOrDefault(key(meetingId), List.of());
    return List.copyOf(all.subList(Math.min(from, all.size()), all.size()));
  }

  @Override
  public synchronized void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) {
    directory.computeIfAbsent(lobbyKey(meetingId, entry.account()), a -> new ArrayDeque<>())
        .add(entry);
  }

  @Override
  public synchronized Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId,
      String account) {
    Deque<KeyPackageEntry> packages = directory.get(lobbyKey(meetingId, account));
    if (packages == null || packages.isEmpty()) {
      return Optional.empty();
    }
    KeyPackageEntry first = packages.peekFirst();
    if (first.lastResort() && packages.size() == 1) {
      return Optional.of(first);
    }
    if (first.lastResort()) {
      packages.addLast(packages.pollFirst());
    }
    return Optional.of(packages.pollFirst());
  }

  /**
   * Proposes, as the group's external sender, to remove the client at {@code leaf} (one that
   * dropped), for a member to commit (RFC 9420 §12.1.8.1). Needs no group secret.
   *
   * @return the proposal's sequence number
   */
  public long proposeRemove(byte[] meetingId, long leaf) {
    byte[] envelope;
    synchronized (this) {
      long epoch = log(meetingId).view.epoch();
      envelope = ServerAdmission.externalRemove(suite, identity, meetingId, epoch, leaf);
    }
    return submit(envelope).sequence();
  }

  /** The meeting's epoch as the server has ordered it. */
  public synchronized long epoch(byte[] meetingId) {
    return log(meetingId).view.epoch();
  }

  /** Every envelope recorded for the meeting (the relay's view). */
  public synchronized List<SequencedEnvelope> recorded(byte[] meetingId) {
    return List.copyOf(log(meetingId).entries);
  }

  private OrderedLog log(byte[] meetingId) {
    OrderedLog log = meetings.get(key(meetingId));
    if (log == null) {
      throw new IllegalArgumentException("no such meeting");
    }
    return log;
  }

  /** A lobby's directory entry: the meeting id, then the account (which may hold any char). */
  private static String lobbyKey(byte[] meetingId, String account) {
    return key(meetingId) + "/" + account;
  }

  private static String key(byte[] meetingId) {
    return Hex.encode(meetingId);
  }

  /** Counts only. */
  @Override
  public synchronized String toString() {
    return "InMemoryDeliveryService[" + meetings.size() + " meetings]";
  }
}
