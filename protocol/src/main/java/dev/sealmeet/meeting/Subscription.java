package dev.sealmeet.meeting;

/**
 * A listener registered with {@link DeliveryService#subscribe}. Once cancelled, the listener gets
 * no further envelope (one already being delivered may finish).
 */
public interface Subscription extends AutoCloseable {
  /** Stops the pushes. Idempotent. */
  void cancel();

  /** Same as {@link #cancel()}. */
  @Override
  default void close() {
    cancel();
  }
}
