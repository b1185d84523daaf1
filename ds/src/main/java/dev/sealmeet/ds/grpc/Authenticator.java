package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.Caller;
import io.grpc.Metadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Tells which account makes a request, from what the transport carries: the request's metadata
 * (a bearer token) and, on a TLS connection, its session (a client certificate). The core
 * decides what the account may do; an account named inside a request is never trusted.
 *
 * <p>Implementations are thread-safe, fast (they run on every call) and never log or keep a
 * credential.
 */
public interface Authenticator {
  /**
   * The caller, or empty if the request carries no credential this authenticator accepts (the
   * call then fails with {@code UNAUTHENTICATED}).
   *
   * @param headers the request's metadata
   * @param tls the TLS session of the connection; empty on a plaintext connection
   */
  Optional<Caller> authenticate(Metadata headers, Optional<SSLSession> tls);

  /** An authenticator that tries each of {@code authenticators} in turn; the first answer wins. */
  static Authenticator firstOf(Authenticator... authenticators) {
    List<Authenticator> all = List.of(authenticators);
    return (headers, tls) -> {
      for (Authenticator a : all) {
        Optional<Caller> caller = Objects.requireNonNull(a.authenticate(headers, tls), "caller");
        if (caller.isPresent()) {
          return caller;
        }
      }
      return Optional.empty();
    };
  }
}
