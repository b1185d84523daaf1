package dev.sealmeet.mls.group;

import java.util.Arrays;

/**
 * Decisions read from an input, for the property and fuzz targets that build hostile messages: the
 * same bytes always give the same decisions, and an exhausted input reads as zeros (the first,
 * most ordinary choice), so every input is a complete scenario.
 */
final class Choices {
  private final byte[] data;
  private int position;

  Choices(byte[] data) {
    this.data = data.clone();
  }

  /** A number in {@code 0..bound-1}. */
  int pick(int bound) {
    if (bound <= 1) {
      return 0;
    }
    int value = (next() << 8) | next();
    return value % bound;
  }

  /** True one time in {@code oneIn}. */
  boolean chance(int oneIn) {
    return pick(oneIn) == 0;
  }

  /** Up to {@code max} bytes of the input itself. */
  byte[] bytes(int max) {
    int length = Math.min(pick(max + 1), data.length - position);
    byte[] out = Arrays.copyOfRange(data, position, position + Math.max(0, length));
    position += out.length;
    return out;
  }

  private int next() {
    return position < data.length ? data[position++] & 0xff : 0;
  }
}
