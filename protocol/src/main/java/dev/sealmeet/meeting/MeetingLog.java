package dev.sealmeet.meeting;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a meeting writes its log lines: state changes at {@link Level#DEBUG} and {@link
 * Level#INFO}, rejections, stalls and revocations at {@link Level#WARNING} with the rule. Lines
 * carry epochs, leaf indices, sequence numbers, rules and exception types; never a key, a
 * plaintext or an account name.
 *
 * <p>Its own small interface rather than {@code System.Logger}: the protocol jar runs on Android
 * API 26, which has no {@code System.Logger}. On a JVM, route it there with one lambda:
 *
 * <pre>{@code
 * System.Logger logger = System.getLogger("dev.sealmeet.meeting");
 * MeetingLog log = (level, message) ->
 *     logger.log(System.Logger.Level.valueOf(level.name()), message);
 * }</pre>
 *
 * <p>Implementations are called on the control thread and should not block.
 */
@FunctionalInterface
public interface MeetingLog {
  /** How much a line matters. */
  enum Level {
    /** A routine state change (an epoch, a merge, a retry). */
    DEBUG,
    /** A change the member's user sees (removed, ended, a policy acted). */
    INFO,
    /** Something rejected or broken (an envelope, a stall, a revoked member, a listener). */
    WARNING
  }

  /**
   * Writes the line {@code message} supplies at {@code level}; an implementation that drops the
   * level need not call {@code message}.
   */
  void log(Level level, Supplier<String> message);

  /**
   * The {@code java.util.logging} logger {@code name} (present on every JVM and on Android):
   * DEBUG as FINE, INFO and WARNING as themselves.
   */
  static MeetingLog named(String name) {
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger(Objects.requireNonNull(name, "name"));
    return (level, message) -> {
      java.util.logging.Level julLevel = switch (level) {
        case DEBUG -> java.util.logging.Level.FINE;
        case INFO -> java.util.logging.Level.INFO;
        case WARNING -> java.util.logging.Level.WARNING;
      };
      if (logger.isLoggable(julLevel)) {
        logger.log(julLevel, message.get());
      }
    };
  }

  /** Writes nothing. */
  static MeetingLog none() {
    return (level, message) -> { };
  }
}
