package dev.sealmeet.meeting;

import java.util.Objects;

/**
 * How a meeting talks to the application that runs it: the listener it tells, the log it
 * writes to, and the policies {@link Meeting#maintain()} applies. A component of {@link
 * MeetingOptions}.
 *
 * @param listener told of roster changes, rejections, stalls, the end, knocks, revocations and
 *     skipped Welcomes, on the control thread
 * @param log receives state changes at DEBUG/INFO and rejections at WARNING; never a key,
 *     plaintext or account name (leaf indices and epochs only)
 * @param policy what {@link Meeting#maintain()} does on its own
 */
public record MeetingRuntime(MeetingListener listener, MeetingLog log, MeetingPolicy policy) {
  /** The {@code java.util.logging} logger name of {@link #defaults()}. */
  public static final String LOGGER_NAME = "dev.sealmeet.meeting";

  /** Checks nulls. */
  public MeetingRuntime {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(policy, "policy");
  }

  /** No listener, {@code MeetingLog.named("dev.sealmeet.meeting")}, no policy. */
  public static MeetingRuntime defaults() {
    return new MeetingRuntime(MeetingListener.none(), MeetingLog.named(LOGGER_NAME),
        MeetingPolicy.none());
  }

  /** This runtime with {@code value} as the listener. */
  public MeetingRuntime withListener(MeetingListener value) {
    return new MeetingRuntime(value, log, policy);
  }

  /** This runtime with {@code value} as the log. */
  public MeetingRuntime withLog(MeetingLog value) {
    return new MeetingRuntime(listener, value, policy);
  }

  /** This runtime with {@code value} as the policy. */
  public MeetingRuntime withPolicy(MeetingPolicy value) {
    return new MeetingRuntime(listener, log, value);
  }
}
