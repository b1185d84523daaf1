/**
 * The delivery service over gRPC ({@code sealmeet/ds/v1/delivery.proto}): the server around a
 * {@link dev.sealmeet.ds.DeliveryCore}, and the client that gives a {@code Meeting} its {@link
 * dev.sealmeet.meeting.DeliveryService} over the network (RFC 9420 §14, §16.9).
 *
 * <pre>
 *  Meeting ─► GrpcDeliveryService   targets, failover, retries with backoff (idempotent calls)
 *               │  TLS; a bearer token or a client certificate
 *               ▼
 *             DeliveryServer (Netty)
 *               RequestLogInterceptor       method, status, duration, account tag
 *               AuthenticatingInterceptor   Authenticator → Caller, or UNAUTHENTICATED
 *               PresenceInterceptor         calls and open subscriptions → PresencePolicy
 *               DeliveryGrpcService         core exceptions → status codes
 *               ▼
 *             DeliveryCore ─► LogStore
 * </pre>
 *
 * <p>Status codes and what a client makes of them: NOT_FOUND and INVALID_ARGUMENT an {@link
 * IllegalArgumentException}, ALREADY_EXISTS an {@link IllegalStateException}, UNAUTHENTICATED and
 * PERMISSION_DENIED a non-retryable {@link dev.sealmeet.meeting.TransportException} caused by a
 * {@link dev.sealmeet.ds.grpc.CallRefusedException}, UNAVAILABLE (a node down, a store down) and
 * DEADLINE_EXCEEDED a retryable one. No payload byte, account name or token is ever put in a
 * status description or a log line.
 *
 * <p>{@code Subscribe} streams start with a "subscribed" marker (an entry of sequence 0), so a
 * refused subscription is told apart from an idle one; a dropped stream ends the subscription,
 * and {@link dev.sealmeet.ds.grpc.GrpcDeliveryService#subscribeResubscribing} continues it on
 * another node from the entry after the last one delivered.
 */
package dev.sealmeet.ds.grpc;
