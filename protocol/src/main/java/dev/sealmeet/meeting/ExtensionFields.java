package dev.sealmeet.meeting;

import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the meeting's own GroupContext extensions ({@link MediaParameters}, {@link
 * SenderAuthRequirement}) share: times carried as uint32 milliseconds, and the rule that a
 * commit keeps such an extension byte for byte.
 */
final class ExtensionFields {
  /** The largest uint32. */
  static final long MAX_UINT32 = 0xFFFF_FFFFL;

  private ExtensionFields() {}

  /** Whether {@code a} and {@code b} hold the same bytes of extension {@code type} (or lack it). */
  static boolean sameIn(int type, List<Extension> a, List<Extension> b) {
    Optional<Extension> x = Extensions.find(a, type);
    Optional<Extension> y = Extensions.find(b, type);
    return x.isPresent() == y.isPresent() && (x.isEmpty()
        || Arrays.equals(x.get().extensionData(), y.get().extensionData()));
  }

  /**
   * Checks that {@code value} is whole milliseconds in 0..2^32-1.
   *
   * @throws IllegalArgumentException naming {@code name} if not
   */
  static void requireMillis(Duration value, String name) {
    if (value.isNegative() || value.getNano() % 1_000_000 != 0
        || value.compareTo(Duration.ofMillis(MAX_UINT32)) > 0) {
      throw new IllegalArgumentException(name + " must be whole milliseconds in 0..2^32-1");
    }
  }

  /**
   * {@code value} rounded up to whole milliseconds.
   *
   * @throws IllegalArgumentException if it exceeds 2^32-1 ms
   */
  static Duration ceilMillis(Duration value) {
    if (value.compareTo(Duration.ofMillis(MAX_UINT32)) > 0) {
      throw new IllegalArgumentException(value + " exceeds the 2^32-1 ms a meeting can carry");
    }
    Duration millis = Duration.ofMillis(value.toMillis());
    return millis.equals(value) ? millis : millis.plusMillis(1);
  }
}
