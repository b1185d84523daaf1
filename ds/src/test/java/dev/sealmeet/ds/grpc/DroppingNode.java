package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.DeliveryCore;
import dev.sealmeet.ds.grpc.proto.SubscribeRequest;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A server node on loopback Netty whose next answer to one method can be lost after the core
 * handled the call (the reply is swallowed and the call fails with {@code UNAVAILABLE}, as when
 * a connection drops on the way back), and that counts the calls per method.
 */
final class DroppingNode implements AutoCloseable {
  private final Server server;
  private final int port;
  private final AtomicReference<String> armed = new AtomicReference<>();
  private final AtomicInteger dropped = new AtomicInteger();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<Long> subscribedFrom = new CopyOnWriteArrayList<>();
  private volatile boolean rewind;

  DroppingNode(DeliveryCore core, Authenticator authenticator) throws Exception {
    ServerInterceptor dropper = new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call,
          Metadata headers, ServerCallHandler<Q, A> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if (method.equals("Subscribe")) {
          return rewinding(call, headers, next);
        }
        String target = armed.get();
        if (!method.equals(target) || !armed.compareAndSet(target, null)) {
          return next.startCall(call, headers);
        }
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(A message) {
            // lost on the way back
          }

          @Override
          public void close(Status status, Metadata trailers) {
            dropped.incrementAndGet();
            super.close(Status.UNAVAILABLE.withDescription("reply lost"), new Metadata());
          }
        }, headers);
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(new DeliveryGrpcService(core),
            new AuthenticatingInterceptor(authenticator), dropper))
        .build().start();
    port = server.getPort();
  }

  /**
   * Records where each subscription asks to start and, if {@link #rewindSubscriptions} was
   * called, serves it from sequence 1 instead (a server that repeats entries).
   */
  @SuppressWarnings("unchecked")
  private <Q, A> ServerCall.Listener<Q> rewinding(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
        next.startCall(call, headers)) {
      @Override
      public void onMessage(Q message) {
        SubscribeRequest request = (SubscribeRequest) message;
        subscribedFrom.add(request.getFromSequence());
        super.onMessage(rewind ? (Q) request.toBuilder().setFromSequence(1).build() : message);
      }
    };
  }

  /** From now on, every subscription is served from sequence 1, whatever it asks. */
  void rewindSubscriptions() {
    rewind = true;
  }

  /** The sequence each subscription asked to start from, in order. */
  List<Long> subscribedFrom() {
    return List.copyOf(subscribedFrom);
  }

  /** Loses the reply of the next call of {@code method} (a bare name such as "Submit"). */
  void dropNextReply(String method) {
    armed.set(method);
  }

  int dropped() {
    return dropped.get();
  }

  int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  int port() {
    return port;
  }

  /** Stops at once, cancelling calls and streams in flight. */
  void kill() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
