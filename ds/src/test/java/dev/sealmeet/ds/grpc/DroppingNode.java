package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.DeliveryCore;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
  private final AtomicReference<String> armed = new AtomicReference<>();
  private final AtomicInteger dropped = new AtomicInteger();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  DroppingNode(DeliveryCore core, Authenticator authenticator) throws Exception {
    ServerInterceptor dropper = new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call,
          Metadata headers, ServerCallHandler<Q, A> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
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
    return server.getPort();
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
