package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.grpc.proto.Entry;
import dev.sealmeet.ds.grpc.proto.SubscribeRequest;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One {@code Subscribe} stream: entries go to the listener in order, one at a time, on gRPC's
 * executor. It ends when cancelled, when the listener throws (it is not called again), or when
 * the stream drops; the owner then subscribes again from the sequence after the last entry it
 * processed ({@link GrpcDeliveryService#subscribeResubscribing} does that itself).
 */
public final class GrpcSubscription implements Subscription {
  /** How a stream ended, for the owner. */
  interface EndListener {
    /**
     * @param status the stream's final status
     * @param byClient whether this side ended it (cancelled, or its listener threw)
     */
    void ended(Status status, boolean byClient);
  }

  private final Consumer<SequencedEnvelope> listener;
  private final EndListener onEnd;
  private final CompletableFuture<Void> established = new CompletableFuture<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile ClientCallStreamObserver<SubscribeRequest> call;
  private volatile boolean byClient;

  private GrpcSubscription(Consumer<SequencedEnvelope> listener, EndListener onEnd) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.onEnd = onEnd;
  }

  /**
   * Starts a stream on {@code stub} and waits for the server's "subscribed" marker.
   *
   * @throws StatusRuntimeException if the server refused, or did not answer within {@code
   *     wait} ({@code DEADLINE_EXCEEDED}); the stream is then cancelled
   */
  static GrpcSubscription open(io.grpc.stub.AbstractAsyncStub<?> stub,
      SubscribeRequest request, Duration wait, Consumer<SequencedEnvelope> listener,
      EndListener onEnd) {
    GrpcSubscription subscription = new GrpcSubscription(listener, onEnd);
    io.grpc.stub.ClientCalls.asyncServerStreamingCall(
        stub.getChannel().newCall(dev.sealmeet.ds.grpc.proto.DeliveryGrpc.getSubscribeMethod(),
            stub.getCallOptions()),
        request, subscription.new Observer());
    try {
      subscription.established.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      subscription.cancel();
      throw e.getCause() instanceof StatusRuntimeException s ? s
          : Status.fromThrowable(e.getCause()).asRuntimeException();
    } catch (TimeoutException e) {
      subscription.cancel();
      throw Status.DEADLINE_EXCEEDED.withDescription("no answer to subscribe")
          .asRuntimeException();
    } catch (InterruptedException e) {
      subscription.cancel();
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
    }
    return subscription;
  }

  /** The gRPC side: the marker, then entries, then the end. */
  private final class Observer implements ClientResponseObserver<SubscribeRequest, Entry> {
    @Override
    public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
      call = requestStream;
    }

    @Override
    public void onNext(Entry entry) {
      if (entry.getSequence() == 0) {
        established.complete(null);
        return;
      }
      if (byClient) {
        return;
      }
      try {
        listener.accept(ProtoMapping.entry(entry));
      } catch (RuntimeException e) {
        byClient = true; // not called again
        call.cancel("the listener threw", null);
      }
    }

    @Override
    public void onError(Throwable t) {
      end(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      end(Status.OK);
    }

    private void end(Status status) {
      if (!established.isDone()) {
        established.completeExceptionally(status.asRuntimeException());
      } else if (onEnd != null) {
        onEnd.ended(status, byClient);
      }
      ended.countDown();
    }
  }

  /** Whether pushes still arrive (not cancelled, not dropped). */
  public boolean active() {
    return ended.getCount() > 0 && !byClient;
  }

  /** Waits up to {@code timeout} for the stream to end; true if it did. */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void cancel() {
    byClient = true;
    ClientCallStreamObserver<SubscribeRequest> c = call;
    if (c != null && ended.getCount() > 0) {
      c.cancel("cancelled by the client", null);
    }
  }

  /** State only. */
  @Override
  public String toString() {
    return "GrpcSubscription[" + (active() ? "active" : "ended") + "]";
  }
}
