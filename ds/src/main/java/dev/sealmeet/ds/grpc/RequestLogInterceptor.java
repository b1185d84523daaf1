package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.Caller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Logs one line per call when it ends: the method, the status code, the duration and a short
 * hash of the caller's account (so that one account's calls can be followed without naming it).
 * Never a payload, a Status description, a meeting id or a credential. Installed outside the
 * {@link AuthenticatingInterceptor}, so that refused calls are logged too (without an account).
 *
 * <p>Logger {@value #LOGGER}: successful calls at {@code DEBUG}, refusals at {@code INFO},
 * server faults ({@code INTERNAL}, {@code UNKNOWN}) at {@code WARNING}.
 */
public final class RequestLogInterceptor implements ServerInterceptor {
  /** The {@link System.Logger} name of the request log. */
  public static final String LOGGER = "dev.sealmeet.ds.grpc.requests";

  private static final Context.Key<AtomicReference<String>> ACCOUNT_SLOT =
      Context.key("sealmeet-request-log-account");

  private final System.Logger log;
  private final LongSupplier nanoTime;

  /** Logs to {@value #LOGGER}. */
  public RequestLogInterceptor() {
    this(System.getLogger(LOGGER), System::nanoTime);
  }

  RequestLogInterceptor(System.Logger log, LongSupplier nanoTime) {
    this.log = log;
    this.nanoTime = nanoTime;
  }

  /** Records the authenticated caller of the current call for its log line (hashed). */
  static void noteCaller(Caller caller) {
    AtomicReference<String> slot = ACCOUNT_SLOT.get();
    if (slot != null) {
      slot.set(accountTag(caller.account()));
    }
  }

  /** The first 8 bytes of SHA-256 over the account, in hex: a tag, not the identity. */
  static String accountTag(String account) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(account.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    long start = nanoTime.getAsLong();
    AtomicReference<String> account = new AtomicReference<>();
    AtomicBoolean logged = new AtomicBoolean();
    String method = call.getMethodDescriptor().getFullMethodName();
    Runnable cancelled = () -> line(logged, method, Status.Code.CANCELLED, start, account);
    ServerCall<Q, A> logging = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        line(logged, method, status.getCode(), start, account);
        super.close(status, trailers);
      }
    };
    ServerCall.Listener<Q> listener = Contexts.interceptCall(
        Context.current().withValue(ACCOUNT_SLOT, account), logging, headers, next);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onCancel() {
        cancelled.run();
        super.onCancel();
      }
    };
  }

  private void line(AtomicBoolean logged, String method, Status.Code code, long start,
      AtomicReference<String> account) {
    if (!logged.compareAndSet(false, true)) {
      return;
    }
    long micros = TimeUnit.NANOSECONDS.toMicros(nanoTime.getAsLong() - start);
    String who = account.get() == null ? "-" : account.get();
    Level level = code == Status.Code.OK ? Level.DEBUG
        : code == Status.Code.INTERNAL || code == Status.Code.UNKNOWN ? Level.WARNING : Level.INFO;
    if (log.isLoggable(level)) {
      log.log(level, method + " " + code + " " + micros / 1000 + "." + String.format("%03d",
          micros % 1000) + " ms account " + who);
    }
  }
}
