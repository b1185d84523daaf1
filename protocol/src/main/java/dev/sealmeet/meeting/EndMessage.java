package dev.sealmeet.meeting;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The content of a host's end-of-meeting application message (spec §3.5): the ASCII label alone,
 * or the label then the 32-byte id of a successor meeting ({@link Meeting#restart}; meeting ids
 * are 32 bytes, spec §1.3).
 */
final class EndMessage {
  private static final byte[] LABEL =
      "sealmeet end of meeting".getBytes(StandardCharsets.US_ASCII);
  private static final int SUCCESSOR_LENGTH = 32;

  private EndMessage() {}

  /** The content that ends a meeting, naming {@code successorId} if it is not empty. */
  static byte[] encode(byte[] successorId) {
    if (successorId.length != 0 && successorId.length != SUCCESSOR_LENGTH) {
      throw new IllegalArgumentException("a successor id has " + SUCCESSOR_LENGTH + " bytes");
    }
    byte[] data = Arrays.copyOf(LABEL, LABEL.length + successorId.length);
    System.arraycopy(successorId, 0, data, LABEL.length, successorId.length);
    return data;
  }

  /** Whether {@code data} is an end message. */
  static boolean is(byte[] data) {
    return (data.length == LABEL.length || data.length == LABEL.length + SUCCESSOR_LENGTH)
        && Arrays.equals(Arrays.copyOf(data, LABEL.length), LABEL); // no Java 9 range equals
  }

  /** The successor an end message names; empty for a plain end. Call only if {@link #is}. */
  static Optional<byte[]> successor(byte[] data) {
    return data.length == LABEL.length ? Optional.empty()
        : Optional.of(Arrays.copyOfRange(data, LABEL.length, data.length));
  }
}
