package dev.sealmeet.ds.grpc;

import com.google.protobuf.ByteString;
import dev.sealmeet.ds.AccessDeniedException;
import dev.sealmeet.ds.Caller;
import dev.sealmeet.ds.DeliveryCore;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.ds.grpc.ServerStatus.Lookup;
import dev.sealmeet.ds.grpc.proto.ClaimKeyPackageRequest;
import dev.sealmeet.ds.grpc.proto.ClaimKeyPackageResponse;
import dev.sealmeet.ds.grpc.proto.DeliveryGrpc;
import dev.sealmeet.ds.grpc.proto.Entry;
import dev.sealmeet.ds.grpc.proto.FetchRequest;
import dev.sealmeet.ds.grpc.proto.FetchResponse;
import dev.sealmeet.ds.grpc.proto.GetExternalSenderRequest;
import dev.sealmeet.ds.grpc.proto.GetExternalSenderResponse;
import dev.sealmeet.ds.grpc.proto.KnockRequest;
import dev.sealmeet.ds.grpc.proto.KnockResponse;
import dev.sealmeet.ds.grpc.proto.ListKnocksRequest;
import dev.sealmeet.ds.grpc.proto.ListKnocksResponse;
import dev.sealmeet.ds.grpc.proto.OpenMeetingRequest;
import dev.sealmeet.ds.grpc.proto.OpenMeetingResponse;
import dev.sealmeet.ds.grpc.proto.PublishKeyPackageRequest;
import dev.sealmeet.ds.grpc.proto.PublishKeyPackageResponse;
import dev.sealmeet.ds.grpc.proto.SubmitRequest;
import dev.sealmeet.ds.grpc.proto.SubmitResponse;
import dev.sealmeet.ds.grpc.proto.SubscribeRequest;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code sealmeet.ds.v1.Delivery} service over a {@link DeliveryCore}: each call runs the
 * core's method for the caller the {@link AuthenticatingInterceptor} put in the call's context,
 * and maps its exceptions to status codes ({@link ServerStatus}). It holds no state of its own,
 * so any number of nodes may serve one shared store.
 */
public final class DeliveryGrpcService extends DeliveryGrpc.DeliveryImplBase {
  /** Most entries in one {@code Fetch} answer. */
  public static final int MAX_PAGE_ENTRIES = 1024;

  /** Most envelope bytes in one {@code Fetch} answer (below gRPC's 4 MiB message default). */
  public static final int MAX_PAGE_BYTES = 2 << 20;

  /**
   * Most entries pushed to a subscriber whose connection is not taking them (gRPC buffers them
   * in the server's memory); one more ends its stream with {@code RESOURCE_EXHAUSTED}, and the
   * subscriber resubscribes from where it is.
   */
  public static final int MAX_UNSENT_PUSHES = 4096;

  private final DeliveryCore core;
  private final int maxUnsentPushes;

  /** Serves {@code core}; the caller's owner closes the core. */
  public DeliveryGrpcService(DeliveryCore core) {
    this(core, MAX_UNSENT_PUSHES);
  }

  DeliveryGrpcService(DeliveryCore core, int maxUnsentPushes) {
    this.core = Objects.requireNonNull(core, "core");
    this.maxUnsentPushes = maxUnsentPushes;
  }

  /** A core call that may throw what the core throws. */
  private interface CoreCall<T> {
    T call(Caller caller) throws StoreException, AccessDeniedException;
  }

  private static <T> void unary(StreamObserver<T> answer, Lookup lookup, CoreCall<T> call) {
    T value;
    try {
      value = call.call(AuthenticatingInterceptor.caller());
    } catch (StoreException | AccessDeniedException | RuntimeException e) {
      answer.onError(ServerStatus.of(e, lookup));
      return;
    }
    answer.onNext(value);
    answer.onCompleted();
  }

  @Override
  public void getExternalSender(GetExternalSenderRequest request,
      StreamObserver<GetExternalSenderResponse> answer) {
    unary(answer, Lookup.ARGUMENT, caller -> ProtoMapping.toProto(core.externalSender()));
  }

  @Override
  public void openMeeting(OpenMeetingRequest request,
      StreamObserver<OpenMeetingResponse> answer) {
    unary(answer, Lookup.OPEN, caller -> {
      core.openMeeting(caller, meetingId(request.getMeetingId()),
          request.getGroupInfo().toByteArray());
      return OpenMeetingResponse.getDefaultInstance();
    });
  }

  @Override
  public void submit(SubmitRequest request, StreamObserver<SubmitResponse> answer) {
    unary(answer, Lookup.MEETING, caller ->
        ProtoMapping.toProto(core.submit(caller, request.getEnvelope().toByteArray())));
  }

  @Override
  public void fetch(FetchRequest request, StreamObserver<FetchResponse> answer) {
    unary(answer, Lookup.MEETING, caller -> {
      int limit = request.getLimit() == 0 ? MAX_PAGE_ENTRIES
          : Math.min(MAX_PAGE_ENTRIES, request.getLimit());
      List<SequencedEnvelope> entries = core.fetch(caller, meetingId(request.getMeetingId()),
          fromSequence(request.getFromSequence()), limit);
      FetchResponse.Builder page = FetchResponse.newBuilder();
      long bytes = 0;
      for (SequencedEnvelope entry : entries) {
        Entry e = ProtoMapping.toProto(entry);
        bytes += e.getSerializedSize();
        if (page.getEntriesCount() > 0 && bytes > MAX_PAGE_BYTES) {
          break; // a page may end early; the client fetches the rest
        }
        page.addEntries(e);
      }
      return page.build();
    });
  }

  @Override
  public void subscribe(SubscribeRequest request, StreamObserver<Entry> answer) {
    ServerCallStreamObserver<Entry> stream = (ServerCallStreamObserver<Entry>) answer;
    AtomicReference<Subscription> subscription = new AtomicReference<>();
    Subscription cancelled = () -> {};
    stream.setOnCancelHandler(() -> {
      Subscription s = subscription.getAndSet(cancelled);
      if (s != null) {
        s.cancel();
      }
    });
    Pushes pushes = new Pushes(stream, maxUnsentPushes);
    Subscription made;
    try {
      made = core.subscribe(AuthenticatingInterceptor.caller(),
          meetingId(request.getMeetingId()), fromSequence(request.getFromSequence()),
          pushes::push);
    } catch (StoreException | AccessDeniedException | RuntimeException e) {
      stream.onError(ServerStatus.of(e, Lookup.MEETING));
      return;
    }
    pushes.subscribed();
    if (!subscription.compareAndSet(null, made)) {
      made.cancel(); // the client went away while the core subscribed
    }
  }

  /**
   * One stream's pushes: the "subscribed" marker (sequence 0) first, then each entry, one at a
   * time. Throws once the client went away, which ends the core's pushes.
   */
  private static final class Pushes {
    private static final Entry SUBSCRIBED = Entry.newBuilder().setSequence(0).build();
    private final ServerCallStreamObserver<Entry> stream;
    private final int maxUnsent;
    private boolean marked;
    private int unsent;
    private boolean failed;

    Pushes(ServerCallStreamObserver<Entry> stream, int maxUnsent) {
      this.stream = stream;
      this.maxUnsent = maxUnsent;
    }

    synchronized void push(SequencedEnvelope entry) {
      if (failed || stream.isCancelled()) {
        throw new IllegalStateException("the subscriber went away");
      }
      subscribed();
      unsent = stream.isReady() ? 0 : unsent + 1;
      if (unsent > maxUnsent) {
        failed = true;
        stream.onError(Status.RESOURCE_EXHAUSTED
            .withDescription("the subscriber is too slow; subscribe again").asRuntimeException());
        throw new IllegalStateException("the subscriber is too slow");
      }
      stream.onNext(ProtoMapping.toProto(entry));
    }

    /** Sends the marker unless sent (the core may push its backlog before it returns). */
    synchronized void subscribed() {
      if (!marked && !stream.isCancelled()) {
        marked = true;
        stream.onNext(SUBSCRIBED);
      }
    }
  }

  @Override
  public void publishKeyPackage(PublishKeyPackageRequest request,
      StreamObserver<PublishKeyPackageResponse> answer) {
    unary(answer, Lookup.ARGUMENT, caller -> {
      if (request.getAccount().isEmpty()) {
        throw ServerStatus.invalid("no account");
      }
      core.publishKeyPackage(caller, meetingId(request.getMeetingId()),
          new KeyPackageEntry(request.getAccount(), request.getLastResort(),
              request.getKeyPackage().toByteArray()));
      return PublishKeyPackageResponse.getDefaultInstance();
    });
  }

  @Override
  public void claimKeyPackage(ClaimKeyPackageRequest request,
      StreamObserver<ClaimKeyPackageResponse> answer) {
    unary(answer, Lookup.MEETING, caller -> ProtoMapping.toProto(
        core.claimKeyPackage(caller, meetingId(request.getMeetingId()), request.getAccount())));
  }

  @Override
  public void knock(KnockRequest request, StreamObserver<KnockResponse> answer) {
    unary(answer, Lookup.MEETING, caller -> {
      core.knock(caller, meetingId(request.getMeetingId()));
      return KnockResponse.getDefaultInstance();
    });
  }

  @Override
  public void listKnocks(ListKnocksRequest request, StreamObserver<ListKnocksResponse> answer) {
    unary(answer, Lookup.MEETING, caller -> ListKnocksResponse.newBuilder()
        .addAllAccounts(core.knocks(caller, meetingId(request.getMeetingId()),
            (int) Math.min(Integer.MAX_VALUE, Integer.toUnsignedLong(request.getFrom()))))
        .build());
  }

  private static byte[] meetingId(ByteString id) {
    if (id.isEmpty()) {
      throw ServerStatus.invalid("no meeting id");
    }
    return id.toByteArray();
  }

  private static long fromSequence(long from) {
    if (from < 0) {
      throw ServerStatus.invalid("sequence out of range"); // above 2^63 as a uint64
    }
    return Math.max(1, from);
  }

  /** The type only. */
  @Override
  public String toString() {
    return "DeliveryGrpcService";
  }
}
