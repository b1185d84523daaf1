package dev.sealmeet.sframe.codec;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.Arrays;
import java.util.List;

/**
 * The map of a frame's clear ranges ({@code protocol.md} §2.8, [SM-CODEC-2]), immutable:
 *
 * <pre>
 * struct { varint gap; varint length; } ClearRange;   // gap: encrypted bytes before the range
 * struct { varint frame_length; varint range_count; ClearRange ranges[range_count]; } ClearMap;
 * </pre>
 *
 * <p>Varints are those of RFC 9420 §2.1.2 (minimal, at most 2<sup>30</sup>−1). Every range has a
 * length of at least 1, every range but the first a gap of at least 1 (adjacent ranges are merged),
 * and the ranges end within {@code frame_length}. There is one encoding per map.
 */
public final class ClearMap {
  /** The smallest encoding: frame length and range count, one byte each. */
  public static final int MIN_ENCODED_LENGTH = 2;

  private final int frameLength;
  /** start0, length0, start1, length1, … in frame order. */
  private final int[] ranges;

  private ClearMap(int frameLength, int[] ranges) {
    this.frameLength = frameLength;
    this.ranges = ranges;
  }

  /**
   * The map of a frame of {@code frameLength} bytes whose clear bytes are {@code clear}, adjacent
   * ranges merged.
   *
   * @throws IllegalArgumentException if the ranges are out of order, overlap or end beyond the
   *     frame, or the frame is longer than a varint can say
   */
  public static ClearMap of(int frameLength, List<ClearRange> clear) {
    if (frameLength < 0 || frameLength > TlsWriter.MAX_VARINT) {
      throw new IllegalArgumentException("frame length " + frameLength + " out of range");
    }
    int[] merged = new int[2 * clear.size()];
    int count = 0;
    int end = 0;
    for (ClearRange range : clear) {
      if (range.offset() < end || range.end() > frameLength) {
        throw new IllegalArgumentException("clear range " + range + " overlaps, is out of order or"
            + " ends beyond the " + frameLength + "-byte frame");
      }
      if (count > 0 && range.offset() == end) {
        merged[2 * count - 1] += range.length();
      } else {
        merged[2 * count] = range.offset();
        merged[2 * count + 1] = range.length();
        count++;
      }
      end = range.end();
    }
    return new ClearMap(frameLength, Arrays.copyOf(merged, 2 * count));
  }

  /**
   * Decodes exactly {@code encoded} (no trailing bytes). Allocates at most 8 bytes per 2 bytes of
   * input, whatever the values claim.
   *
   * @param maxFrameLength the largest {@code frame_length} the carrying frame can hold
   * @throws DecodeException if the encoding is truncated, has trailing bytes or a non-minimal varint,
   *     a range is empty, adjacent to the previous one or ends beyond {@code frame_length}, or
   *     {@code frame_length} exceeds {@code maxFrameLength}
   */
  public static ClearMap decode(byte[] encoded, int maxFrameLength) throws DecodeException {
    TlsReader reader = TlsReader.of(encoded);
    int frameLength = reader.readVarint();
    if (frameLength > maxFrameLength) {
      throw new CodecFrameDecodeException("clear map: frame_length " + frameLength + " exceeds the "
          + maxFrameLength + " bytes the frame can hold");
    }
    int count = reader.readVarint();
    if (count > reader.remaining() / 2) {
      throw new CodecFrameDecodeException("clear map: " + count + " ranges need at least " + 2L * count
          + " bytes, " + reader.remaining() + " remain");
    }
    int[] ranges = new int[2 * count];
    long end = 0;
    for (int i = 0; i < count; i++) {
      int gap = reader.readVarint();
      int length = reader.readVarint();
      if (length < 1 || (i > 0 && gap < 1)) {
        throw new CodecFrameDecodeException("clear map: range " + i + " has gap " + gap + " and length "
            + length + " (a range needs a length of at least 1, and a gap of at least 1 after"
            + " the first)");
      }
      long start = end + gap;
      end = start + length;
      if (end > frameLength) {
        throw new CodecFrameDecodeException("clear map: range " + i + " ends at " + end + ", beyond the "
            + frameLength + "-byte frame");
      }
      ranges[2 * i] = (int) start;
      ranges[2 * i + 1] = length;
    }
    reader.finish();
    return new ClearMap(frameLength, ranges);
  }

  /** The encoding, {@link #encodedLength()} bytes. */
  public byte[] encode() {
    TlsWriter writer = new TlsWriter(encodedLength());
    writer.writeVarint(frameLength).writeVarint(rangeCount());
    int end = 0;
    for (int i = 0; i < rangeCount(); i++) {
      writer.writeVarint(start(i) - end).writeVarint(length(i));
      end = start(i) + length(i);
    }
    return writer.toByteArray();
  }

  /** The length of {@link #encode()}. */
  public int encodedLength() {
    int n = TlsWriter.varintLength(frameLength) + TlsWriter.varintLength(rangeCount());
    int end = 0;
    for (int i = 0; i < rangeCount(); i++) {
      n += TlsWriter.varintLength(start(i) - end) + TlsWriter.varintLength(length(i));
      end = start(i) + length(i);
    }
    return n;
  }

  /** The length of the encoded frame the map describes. */
  public int frameLength() {
    return frameLength;
  }

  /** The number of (merged) clear ranges. */
  public int rangeCount() {
    return ranges.length / 2;
  }

  /**
   * The offset of clear range {@code i}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < rangeCount()}
   */
  public int start(int i) {
    checkIndex(i);
    return ranges[2 * i];
  }

  /**
   * The length of clear range {@code i}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < rangeCount()}
   */
  public int length(int i) {
    checkIndex(i);
    return ranges[2 * i + 1];
  }

  /** The number of clear bytes. */
  public int clearLength() {
    int n = 0;
    for (int i = 1; i < ranges.length; i += 2) {
      n += ranges[i];
    }
    return n;
  }

  /** Whether byte {@code offset} of the frame is clear. */
  public boolean isClear(int offset) {
    for (int i = 0; i < rangeCount(); i++) {
      if (offset >= start(i) && offset < start(i) + length(i)) {
        return true;
      }
    }
    return false;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= rangeCount()) {
      throw new IndexOutOfBoundsException("range " + i + " of " + rangeCount());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClearMap && ((ClearMap) o).frameLength == frameLength
        && Arrays.equals(((ClearMap) o).ranges, ranges);
  }

  @Override
  public int hashCode() {
    return 31 * frameLength + Arrays.hashCode(ranges);
  }

  /** Frame length and ranges (public framing data, no secret). */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ClearMap[").append(frameLength).append(" bytes");
    for (int i = 0; i < rangeCount(); i++) {
      s.append(", ").append(start(i)).append('+').append(length(i));
    }
    return s.append(']').toString();
  }
}
