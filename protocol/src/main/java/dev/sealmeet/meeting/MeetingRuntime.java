package dev.sealmeet.meeting;

import java.util.Objects;
import java.util.Optional;

/**
 * How a meeting talks to the application that runs it: the listener it tells, the log it
 * writes to, the policies {@link Meeting#maintain()} applies, and the store it saves its member's
 * state to. A component of {@link MeetingOptions}.
 *
 * @param listener told of roster changes, rejections, stalls, the end, knocks, revocations and
 *     skipped Welcomes, on the control thread
 * @param log receives state changes at DEBUG/INFO and rejections at WARNING; never a key,
 *     plaintext or account name (leaf indices and epochs only)
 * @param policy what {@link Meeting#maintain()} does on its own
 * @param store where every meeting of the client writes its member's state through, so that
 *     {@link Meeting#resume} can continue it after a restart; empty (the default): nothing is
 *     saved, and a restarted member must be admitted again
 */
public record MeetingRuntime(MeetingListener listener, MeetingLog log, MeetingPolicy policy,
    Optional<MeetingStore> store) {
  /** The {@code java.util.logging} logger name of {@link #defaults()}. */
  public static final String LOGGER_NAME = "dev.sealmeet.meeting";

  /** Checks nulls. */
  public MeetingRuntime {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(store, "store");
  }

  /** A runtime that saves nothing. */
  public MeetingRuntime(MeetingListener listener, MeetingLog log, MeetingPolicy policy) {
    this(listener, log, policy, Optional.empty());
  }

  /** No listener, {@code MeetingLog.named("dev.sealmeet.meeting")}, no policy, no store. */
  public static MeetingRuntime defaults() {
    return new MeetingRuntime(MeetingListener.none(), MeetingLog.named(LOGGER_NAME),
        MeetingPolicy.none());
  }

  /** This runtime with {@code value} as the listener. */
  public MeetingRuntime withListener(MeetingListener value) {
    return new MeetingRuntime(value, log, policy, store);
  }

  /** This runtime with {@code value} as the log. */
  public MeetingRuntime withLog(MeetingLog value) {
    return new MeetingRuntime(listener, value, policy, store);
  }

  /** This runtime with {@code value} as the policy. */
  public MeetingRuntime withPolicy(MeetingPolicy value) {
    return new MeetingRuntime(listener, log, value, store);
  }

  /** This runtime saving every meeting's state through {@code value}. */
  public MeetingRuntime withStore(MeetingStore value) {
    return new MeetingRuntime(listener, log, policy,
        Optional.of(Objects.requireNonNull(value, "value")));
  }
}
