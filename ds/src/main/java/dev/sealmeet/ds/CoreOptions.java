package dev.sealmeet.ds;

import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Credential;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a {@link DeliveryCore} runs: its timers, its bounds and how it maps a leaf's credential to
 * an account. Immutable; start from {@link #defaults()} and change with the {@code with} methods.
 *
 * @param pollInterval how often a subscription reads the store without being woken (the fallback
 *     for appends made by another node)
 * @param maintenanceInterval how often the core compacts and drops the meetings it serves
 * @param knockWindow how long a lobby guest's position holds back compaction after its knock
 * @param endGrace how long an ended meeting stays for members that have not read its end
 * @param maxKnocks the most accounts one lobby holds (anyone can knock)
 * @param pageSize the most entries one store read returns
 * @param accountOf the account a leaf's credential names (default: a {@link BasicCredential}'s
 *     identity as UTF-8; other credential types name none)
 * @param clock the time for retention
 */
public record CoreOptions(Duration pollInterval, Duration maintenanceInterval,
    Duration knockWindow, Duration endGrace, int maxKnocks, int pageSize,
    Function<Credential, Optional<String>> accountOf, Clock clock) {
  /** Checks. */
  public CoreOptions {
    requirePositive(pollInterval, "pollInterval");
    requirePositive(maintenanceInterval, "maintenanceInterval");
    Objects.requireNonNull(knockWindow, "knockWindow");
    Objects.requireNonNull(endGrace, "endGrace");
    Objects.requireNonNull(accountOf, "accountOf");
    Objects.requireNonNull(clock, "clock");
    if (maxKnocks < 1 || pageSize < 1) {
      throw new IllegalArgumentException("maxKnocks and pageSize are at least 1");
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** Polls every 500 ms, maintains every minute, 10 minute windows, 1024 knocks, 256 a page. */
  public static CoreOptions defaults() {
    return new CoreOptions(Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofMinutes(10),
        Duration.ofMinutes(10), 1024, 256, CoreOptions::basicAccount, Clock.systemUTC());
  }

  /** A {@link BasicCredential}'s identity as UTF-8; nothing for another credential type. */
  public static Optional<String> basicAccount(Credential credential) {
    return credential instanceof BasicCredential basic
        ? Optional.of(new String(basic.identity(), StandardCharsets.UTF_8)) : Optional.empty();
  }

  /** With another poll interval. */
  public CoreOptions withPollInterval(Duration value) {
    return new CoreOptions(value, maintenanceInterval, knockWindow, endGrace, maxKnocks,
        pageSize, accountOf, clock);
  }

  /** With another maintenance interval. */
  public CoreOptions withMaintenanceInterval(Duration value) {
    return new CoreOptions(pollInterval, value, knockWindow, endGrace, maxKnocks, pageSize,
        accountOf, clock);
  }

  /** With another knock window. */
  public CoreOptions withKnockWindow(Duration value) {
    return new CoreOptions(pollInterval, maintenanceInterval, value, endGrace, maxKnocks,
        pageSize, accountOf, clock);
  }

  /** With another end grace. */
  public CoreOptions withEndGrace(Duration value) {
    return new CoreOptions(pollInterval, maintenanceInterval, knockWindow, value, maxKnocks,
        pageSize, accountOf, clock);
  }

  /** With another lobby bound. */
  public CoreOptions withMaxKnocks(int value) {
    return new CoreOptions(pollInterval, maintenanceInterval, knockWindow, endGrace, value,
        pageSize, accountOf, clock);
  }

  /** With another page size. */
  public CoreOptions withPageSize(int value) {
    return new CoreOptions(pollInterval, maintenanceInterval, knockWindow, endGrace, maxKnocks,
        value, accountOf, clock);
  }

  /** With another credential mapping. */
  public CoreOptions withAccountOf(Function<Credential, Optional<String>> value) {
    return new CoreOptions(pollInterval, maintenanceInterval, knockWindow, endGrace, maxKnocks,
        pageSize, value, clock);
  }

  /** With another clock. */
  public CoreOptions withClock(Clock value) {
    return new CoreOptions(pollInterval, maintenanceInterval, knockWindow, endGrace, maxKnocks,
        pageSize, accountOf, value);
  }

  /** Numbers only. */
  @Override
  public String toString() {
    return "CoreOptions[poll " + pollInterval + ", maintenance " + maintenanceInterval
        + ", knock window " + knockWindow + ", end grace " + endGrace + ", " + maxKnocks
        + " knocks, page " + pageSize + "]";
  }
}
