package dev.sealmeet.sframe.codec;

/**
 * A range of an encoded frame that stays clear, and why.
 *
 * @param offset the first byte, from the start of the frame (at least 0)
 * @param length the number of bytes (at least 1)
 * @param reason the rule that keeps these bytes clear
 */
public record ClearRange(int offset, int length, ClearReason reason) {

  /**
   * Checks the invariants.
   *
   * @throws IllegalArgumentException if {@code offset} is negative, {@code length} is not positive,
   *     the range ends beyond {@link Integer#MAX_VALUE}, or {@code reason} is null
   */
  public ClearRange {
    if (offset < 0 || length < 1 || offset > Integer.MAX_VALUE - length || reason == null) {
      throw new IllegalArgumentException("bad clear range: offset " + offset + ", length " + length
          + ", reason " + reason);
    }
  }

  /** The offset just past the range. */
  public int end() {
    return offset + length;
  }
}
