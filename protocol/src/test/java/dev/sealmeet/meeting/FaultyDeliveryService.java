package dev.sealmeet.meeting;

import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A delivery service on a bad network, for tests: wraps an {@link InMemoryDeliveryService} and,
 * from a seeded schedule, drops requests (nothing happens, the caller sees a {@link
 * TransportException}), drops replies (the request took effect, the caller sees the exception),
 * duplicates submits, returns late fetch results (a prefix of the log, as an older replica has
 * it), holds pushes back and disconnects subscribers. It never reorders, invents or loses an
 * ordered envelope: the contract's total order holds, only its delivery suffers. KeyPackage calls
 * pass through.
 */
final class FaultyDeliveryService implements DeliveryService {
  /** How often each fault strikes a call it can strike, when faults are on. */
  static final double FAULT_RATE = 0.15;

  private final InMemoryDeliveryService inner;
  private final Random random;
  private final List<Push> pushes = new ArrayList<>();
  private final java.util.Map<String, Deque<Optional<Fault>>> planned = new java.util.HashMap<>();
  private Fault now;
  private boolean faults;
  /** Every envelope handed to {@link #submit}, in order, dropped ones included. */
  final List<byte[]> submitted = new ArrayList<>();
  final int[] counts = new int[Fault.values().length];

  /** The faults, counted in {@link #counts}. */
  enum Fault { REQUEST_DROPPED, REPLY_DROPPED, DUPLICATED, LATE_FETCH, PUSH_HELD, DISCONNECTED }

  FaultyDeliveryService(InMemoryDeliveryService inner, long seed) {
    this.inner = inner;
    this.random = new Random(seed);
  }

  /** Turns the faults on or off (off: a perfect network, every held push flows). */
  void faults(boolean on) {
    faults = on;
  }

  InMemoryDeliveryService inner() {
    return inner;
  }

  /**
   * Plans the fault of the next call of {@code call} ("submit" or "fetch") not planned yet; empty
   * for a call that goes through. Planned faults strike whether faults are on or not.
   */
  FaultyDeliveryService plan(String call, Optional<Fault> fault) {
    planned.computeIfAbsent(call, c -> new ArrayDeque<>()).addLast(fault);
    return this;
  }

  private void begin(String call) {
    Deque<Optional<Fault>> queue = planned.get(call);
    now = queue == null || queue.isEmpty() ? null : queue.pollFirst().orElse(null);
  }

  private boolean strikes(Fault fault) {
    if (now == fault && fault != null) {
      counts[fault.ordinal()]++;
      return true;
    }
    if (faults && random.nextDouble() < FAULT_RATE) {
      counts[fault.ordinal()]++;
      return true;
    }
    return false;
  }

  @Override
  public ExternalSender externalSender() {
    return inner.externalSender();
  }

  @Override
  public void openMeeting(byte[] meetingId, MlsMessage groupInfo) {
    inner.openMeeting(meetingId, groupInfo);
  }

  @Override
  public SubmitResult submit(byte[] envelope) throws TransportException {
    submitted.add(envelope.clone());
    begin("submit");
    if (strikes(Fault.REQUEST_DROPPED)) {
      throw new TransportException("submit: request dropped", true);
    }
    SubmitResult result = inner.submit(envelope);
    if (strikes(Fault.DUPLICATED)) {
      SubmitResult again = inner.submit(envelope);
      if (!again.equals(result)) {
        throw new AssertionError("a repeated submit id got another answer: " + again);
      }
    }
    if (strikes(Fault.REPLY_DROPPED)) {
      throw new TransportException("submit: reply dropped", true);
    }
    return result;
  }

  @Override
  public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
      throws TransportException {
    begin("fetch");
    if (strikes(Fault.REQUEST_DROPPED)) {
      throw new TransportException("fetch: request dropped", true);
    }
    List<SequencedEnvelope> log = inner.fetch(meetingId, fromSequence);
    if (strikes(Fault.LATE_FETCH)) {
      log = log.subList(0, random.nextInt(log.size() + 1));
    }
    if (strikes(Fault.REPLY_DROPPED)) {
      throw new TransportException("fetch: reply dropped", true);
    }
    return log;
  }

  @Override
  public Subscription subscribe(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws TransportException {
    begin("subscribe");
    if (strikes(Fault.REQUEST_DROPPED)) {
      throw new TransportException("subscribe: request dropped", true);
    }
    Push push = new Push(listener);
    push.upstream = inner.subscribe(meetingId, fromSequence, push.held::addLast);
    pushes.add(push);
    return push;
  }

  /**
   * Moves the pushes on: each live subscriber gets its held envelopes, in order, unless a fault
   * holds some back or disconnects it (it loses what was held and gets nothing more).
   */
  void pump() {
    now = null;
    for (Push push : List.copyOf(pushes)) {
      if (push.cancelled) {
        continue;
      }
      if (strikes(Fault.DISCONNECTED)) {
        push.cancel();
        continue;
      }
      int release = strikes(Fault.PUSH_HELD) ? random.nextInt(push.held.size() + 1)
          : push.held.size();
      for (int i = 0; i < release && !push.cancelled; i++) {
        push.listener.accept(push.held.pollFirst());
      }
    }
    pushes.removeIf(p -> p.cancelled);
  }

  /** One subscriber: envelopes pushed by the inner service wait here until {@link #pump}. */
  static final class Push implements Subscription {
    final Consumer<SequencedEnvelope> listener;
    final Deque<SequencedEnvelope> held = new ArrayDeque<>();
    Subscription upstream;
    boolean cancelled;

    Push(Consumer<SequencedEnvelope> listener) {
      this.listener = listener;
    }

    /** Whether the connection still stands. */
    boolean connected() {
      return !cancelled;
    }

    @Override
    public void cancel() {
      cancelled = true;
      upstream.cancel();
      held.clear();
    }
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) {
    inner.publishKeyPackage(meetingId, entry);
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account) {
    return inner.claimKeyPackage(meetingId, account);
  }
}
