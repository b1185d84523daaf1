package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.Caller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Authenticates every call with an {@link Authenticator} before it reaches the service: the
 * caller goes into the call's {@link Context} ({@link #caller()}); a call without an accepted
 * credential is closed with {@code UNAUTHENTICATED} and never reaches the core.
 */
public final class AuthenticatingInterceptor implements ServerInterceptor {
  private static final Context.Key<Caller> CALLER = Context.key("sealmeet-caller");

  private final Authenticator authenticator;

  /** Authenticates with {@code authenticator}. */
  public AuthenticatingInterceptor(Authenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  /**
   * The caller of the current call.
   *
   * @throws IllegalStateException outside a call this interceptor authenticated
   */
  public static Caller caller() {
    Caller caller = CALLER.get();
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller in this context");
    }
    return caller;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    Optional<SSLSession> tls =
        Optional.ofNullable(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
    Optional<Caller> caller;
    try {
      caller = authenticator.authenticate(headers, tls);
    } catch (RuntimeException e) {
      caller = Optional.empty(); // an authenticator's failure admits no one
    }
    if (caller.isEmpty()) {
      call.close(Status.UNAUTHENTICATED.withDescription("no valid credential"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    RequestLogInterceptor.noteCaller(caller.get());
    return Contexts.interceptCall(Context.current().withValue(CALLER, caller.get()), call,
        headers, next);
  }
}
