package dev.sealmeet.ds.grpc;

import com.google.protobuf.ByteString;
import dev.sealmeet.ds.grpc.proto.ClaimKeyPackageRequest;
import dev.sealmeet.ds.grpc.proto.DeliveryGrpc;
import dev.sealmeet.ds.grpc.proto.FetchRequest;
import dev.sealmeet.ds.grpc.proto.GetExternalSenderRequest;
import dev.sealmeet.ds.grpc.proto.KnockRequest;
import dev.sealmeet.ds.grpc.proto.Entry;
import dev.sealmeet.ds.grpc.proto.ListKnocksRequest;
import dev.sealmeet.ds.grpc.proto.OpenMeetingRequest;
import dev.sealmeet.ds.grpc.proto.PublishKeyPackageRequest;
import dev.sealmeet.ds.grpc.proto.SubmitRequest;
import dev.sealmeet.ds.grpc.proto.SubscribeRequest;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.LobbyKnocks;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.ServerAdmission;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@link DeliveryService} of a meeting over gRPC: the client of a {@link DeliveryServer} (or
 * several nodes of one, sharing a store). Calls go to the current target; a transport failure
 * moves on to the next one. Idempotent calls ({@code fetch}, {@code knocks}, {@code knock},
 * {@code publishKeyPackage}, {@code externalSender}, opening a subscription, and {@code submit} of
 * an envelope with a submit id, which the server answers once) are retried with exponential
 * backoff and jitter across targets ({@link RetryPolicy}), then fail with a retryable {@link
 * TransportException}. {@code claimKeyPackage}, {@code openMeeting} and a submit without a submit
 * id are sent once (a lost answer may have used a KeyPackage or opened the meeting), unless the
 * connection could not even be made. Status codes become exceptions as {@link ClientStatus} says.
 * Thread-safe.
 */
public final class GrpcDeliveryService implements DeliveryService, LobbyKnocks, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GrpcDeliveryService.class.getName());

  private final List<String> targets;
  private final List<ManagedChannel> channels;
  private final List<DeliveryGrpc.DeliveryBlockingStub> blocking;
  private final List<DeliveryGrpc.DeliveryStub> async;
  private final AtomicInteger current = new AtomicInteger();
  private final Duration deadline;
  private final RetryPolicy retry;
  private final ScheduledExecutorService scheduler;
  private volatile ExternalSender externalSender;

  GrpcDeliveryService(List<String> targets, List<ManagedChannel> channels, Duration deadline,
      RetryPolicy retry) {
    this.targets = List.copyOf(targets);
    this.channels = List.copyOf(channels);
    this.blocking = channels.stream().map(DeliveryGrpc::newBlockingStub).toList();
    this.async = channels.stream().map(DeliveryGrpc::newStub).toList();
    this.deadline = deadline;
    this.retry = retry;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sealmeet-ds-resubscribe");
      t.setDaemon(true);
      return t;
    });
  }

  /** A builder: targets, credentials, trust, deadline and retries. */
  public static GrpcDeliveryServiceBuilder builder() {
    return new GrpcDeliveryServiceBuilder();
  }

  RetryPolicy retryPolicy() {
    return retry;
  }

  /** One request on a stub. */
  private interface Rpc<S extends AbstractStub<S>, T> {
    T call(S stub);
  }

  /**
   * Runs {@code rpc} on the current target; on a transient failure moves to the next target and,
   * if {@code idempotent} or nothing was sent, tries again after a backoff.
   */
  private <S extends AbstractStub<S>, T> T call(String operation, boolean idempotent,
      List<S> stubs, Rpc<S, T> rpc) throws TransportException {
    StatusRuntimeException last = null;
    int attempts = 0;
    for (int attempt = 0; attempt < retry.maxAttempts(); attempt++) {
      if (attempt > 0) {
        pause(operation, attempt);
      }
      attempts++;
      int index = current.get();
      try {
        S stub = stubs.get(index);
        return rpc.call(stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS));
      } catch (StatusRuntimeException e) {
        if (!ClientStatus.transientFailure(e.getStatus().getCode())) {
          throw ClientStatus.raise(operation, e);
        }
        last = e;
        current.compareAndSet(index, (index + 1) % stubs.size());
        if (!idempotent && !ClientStatus.neverSent(e)) {
          break;
        }
        int failed = index;
        LOG.log(Level.DEBUG, () -> operation + " failed on target " + failed + " ("
            + e.getStatus().getCode() + ")");
      }
    }
    throw new TransportException(operation + ": " + last.getStatus().getCode() + " after "
        + attempts + " attempt(s) on " + targets.size() + " target(s)", true, last);
  }

  private void pause(String operation, int retryNumber) throws TransportException {
    try {
      Thread.sleep(retry.backoffMillis(retryNumber, ThreadLocalRandom.current()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(operation + ": interrupted", true, e);
    }
  }

  /**
   * The server's external sender entry, asked once and kept.
   *
   * @throws IllegalStateException if the server could not be asked (its cause is the {@link
   *     TransportException}) or answered a malformed credential
   */
  @Override
  public ExternalSender externalSender() {
    ExternalSender known = externalSender;
    if (known != null) {
      return known;
    }
    try {
      ExternalSender fetched = ProtoMapping.externalSender(call("externalSender", true, blocking,
          s -> s.getExternalSender(GetExternalSenderRequest.getDefaultInstance())));
      externalSender = fetched;
      return fetched;
    } catch (TransportException e) {
      throw new IllegalStateException("the delivery service's external sender is unknown", e);
    } catch (DecodeException e) {
      throw new IllegalStateException("the delivery service sent a malformed credential", e);
    }
  }

  @Override
  public void openMeeting(byte[] meetingId, MlsMessage groupInfo) throws TransportException {
    OpenMeetingRequest request = OpenMeetingRequest.newBuilder()
        .setMeetingId(ByteString.copyFrom(meetingId))
        .setGroupInfo(ByteString.copyFrom(groupInfo.toBytes())).build();
    call("openMeeting", false, blocking, s -> s.openMeeting(request));
  }

  @Override
  public SubmitResult submit(byte[] envelope) throws TransportException {
    SubmitRequest request = SubmitRequest.newBuilder()
        .setEnvelope(ByteString.copyFrom(envelope)).build();
    return ProtoMapping.submitResult(call("submit", hasSubmitId(envelope), blocking,
        s -> s.submit(request)));
  }

  /** Whether the server answers a repeat of {@code envelope} with its first answer. */
  static boolean hasSubmitId(byte[] envelope) {
    try {
      return ServerAdmission.parse(envelope).submitId().length > 0;
    } catch (DecodeException e) {
      return false; // refused by the server anyway
    }
  }

  @Override
  public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
      throws TransportException {
    FetchRequest request = FetchRequest.newBuilder().setMeetingId(ByteString.copyFrom(meetingId))
        .setFromSequence(Math.max(1, fromSequence)).build();
    List<SequencedEnvelope> entries = new ArrayList<>();
    for (Entry entry : call("fetch", true, blocking, s -> s.fetch(request)).getEntriesList()) {
      entries.add(ProtoMapping.fetched(entry));
    }
    return entries;
  }

  /**
   * Pushes the meeting's entries from {@code fromSequence} on, as the contract says: a dropped
   * stream ends the pushes ({@link GrpcSubscription#active()} turns false) and the caller
   * subscribes again from its next sequence. {@link #subscribeResubscribing} does that itself.
   *
   * @return a {@link GrpcSubscription}
   */
  @Override
  public Subscription subscribe(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws TransportException {
    return openStream(meetingId, fromSequence, listener, null);
  }

  /**
   * Pushes the meeting's entries from {@code fromSequence} on, across dropped connections: each
   * time a stream drops it subscribes again (next target, backoff) from the entry after the last
   * one the listener took, so that nothing is lost or repeated. It stops when cancelled, when the
   * listener throws, or when the server refuses it for good.
   *
   * @throws IllegalArgumentException if the meeting does not exist
   * @throws TransportException if the first stream could not be made
   */
  public Subscription subscribeResubscribing(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws TransportException {
    ResubscribingSubscription subscription = new ResubscribingSubscription(this, scheduler,
        meetingId, fromSequence, listener);
    subscription.start();
    return subscription;
  }

  GrpcSubscription openStream(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener, GrpcSubscription.EndListener onEnd)
      throws TransportException {
    SubscribeRequest request = SubscribeRequest.newBuilder()
        .setMeetingId(ByteString.copyFrom(meetingId)).setFromSequence(Math.max(1, fromSequence))
        .build();
    // No deadline on the stream itself: it lives until cancelled; the wait for its start has one.
    return call("subscribe", true, async,
        s -> GrpcSubscription.open(s.withDeadline(null), request, deadline, listener, onEnd));
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry)
      throws TransportException {
    PublishKeyPackageRequest request = PublishKeyPackageRequest.newBuilder()
        .setMeetingId(ByteString.copyFrom(meetingId)).setAccount(entry.account())
        .setLastResort(entry.lastResort()).setKeyPackage(ByteString.copyFrom(entry.keyPackage()))
        .build();
    call("publishKeyPackage", true, blocking, s -> s.publishKeyPackage(request));
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
      throws TransportException {
    ClaimKeyPackageRequest request = ClaimKeyPackageRequest.newBuilder()
        .setMeetingId(ByteString.copyFrom(meetingId)).setAccount(account).build();
    return ProtoMapping.keyPackage(call("claimKeyPackage", false, blocking,
        s -> s.claimKeyPackage(request)));
  }

  /**
   * Notes the caller's knock. A knock is advisory (publishing a KeyPackage to the lobby knocks
   * already), and {@link LobbyKnocks} has no checked failure: a transport failure or refusal is
   * logged, not thrown.
   */
  @Override
  public void knock(byte[] meetingId, String account) {
    KnockRequest request = KnockRequest.newBuilder().setMeetingId(ByteString.copyFrom(meetingId))
        .build();
    try {
      call("knock", true, blocking, s -> s.knock(request));
    } catch (TransportException | IllegalArgumentException | IllegalStateException e) {
      LOG.log(Level.WARNING, () -> "knock not delivered: " + e.getMessage());
    }
  }

  /**
   * The knocks from the {@code from}-th on. On a transport failure or refusal it logs and returns
   * none: the meeting asks again from the same index on its next poll, so none is lost.
   */
  @Override
  public List<String> knocks(byte[] meetingId, int from) {
    ListKnocksRequest request = ListKnocksRequest.newBuilder()
        .setMeetingId(ByteString.copyFrom(meetingId)).setFrom(Math.max(0, from)).build();
    try {
      return List.copyOf(call("knocks", true, blocking, s -> s.listKnocks(request))
          .getAccountsList());
    } catch (TransportException | IllegalArgumentException | IllegalStateException e) {
      LOG.log(Level.DEBUG, () -> "knocks not read: " + e.getMessage());
      return List.of();
    }
  }

  /** Closes the channels (subscriptions end) and stops resubscribing. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    channels.forEach(ManagedChannel::shutdown);
    for (ManagedChannel channel : channels) {
      try {
        if (!channel.awaitTermination(1, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Targets only. */
  @Override
  public String toString() {
    return "GrpcDeliveryService[" + targets.size() + " targets, current " + current.get() + "]";
  }
}
