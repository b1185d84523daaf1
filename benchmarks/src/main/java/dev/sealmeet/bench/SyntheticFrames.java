package dev.sealmeet.bench;

import dev.sealmeet.sframe.codec.MediaCodec;
import java.util.Random;

/**
 * Synthetic but well-formed encoded frames for {@link CodecAwareFrameBenchmark}, one shape per codec,
 * of 64 to 16,388 bytes (the AV1 frame's {@code obu_size} has two bytes): the structure each codec's clear-byte rule reads
 * ({@code protocol.md} §2.8), and a payload of random bytes from 1 to 255 (seeded with the size), so
 * that no start code or other structure appears by chance.
 *
 * <pre>
 * OPUS  payload only (nothing stays clear)
 * VP8   key frame: frame tag 10 .. .., start code 9d 01 2a, then payload           (10 clear)
 * VP9   superframe: a hidden frame (3/4), a shown frame (1/4), 8-byte index         (1 + 1 + 8 clear)
 * H264  00 00 00 01, IDR slice NAL header 65, payload                              (5 clear)
 * H265  00 00 00 01, IDR_W_RADL NAL header 26 01, payload                         (6 clear)
 * AV1   temporal delimiter OBU 12 00, frame OBU 32 + 2-byte obu_size, payload      (5 clear)
 * </pre>
 *
 * <p>The H.264 and VP8 frames are byte for byte those of the first sitting (commit {@code ce76bed}).
 */
final class SyntheticFrames {
  /** The largest frame: 5 bytes of AV1 headers and a payload whose size fits two LEB128 bytes. */
  static final int MAX_SIZE = 5 + (1 << 14) - 1;

  private SyntheticFrames() {}

  /**
   * A frame of {@code codec}, {@code size} bytes.
   *
   * @throws IllegalArgumentException if {@code size} is below 64 or above {@value #MAX_SIZE}
   */
  static byte[] of(MediaCodec codec, int size) {
    if (size < 64 || size > MAX_SIZE) {
      throw new IllegalArgumentException("synthetic frames are 64 to " + MAX_SIZE + " bytes, not "
          + size);
    }
    byte[] frame = new byte[size];
    Random random = new Random(size);
    for (int i = 0; i < size; i++) {
      frame[i] = (byte) (1 + random.nextInt(255));
    }
    switch (codec) {
      case OPUS:
        break;
      case VP8:
        frame[0] = 0x10; // key frame, show_frame
        frame[3] = (byte) 0x9d;
        frame[4] = 0x01;
        frame[5] = 0x2a;
        break;
      case VP9:
        vp9Superframe(frame);
        break;
      case H264:
        put(frame, 0, 0, 0, 0, 1, 0x65);
        break;
      case H265:
        put(frame, 0, 0, 0, 0, 1, 0x26, 0x01);
        break;
      case AV1:
        int payload = size - 5;
        put(frame, 0, 0x12, 0x00, 0x32, 0x80 | (payload & 0x7f), payload >>> 7);
        break;
      default:
        throw new IllegalArgumentException("no synthetic frame for " + codec);
    }
    return frame;
  }

  /** Two frames (profile 0: first byte {@code 0x8X}) and the index: marker, two 3-byte sizes, marker. */
  private static void vp9Superframe(byte[] frame) {
    int index = 8;
    int data = frame.length - index;
    int hidden = data * 3 / 4;
    frame[0] = (byte) 0x80; // frame marker, profile 0, key frame, show_frame 0
    frame[hidden] = (byte) 0x86; // inter frame, show_frame 1
    int marker = 0xc0 | (2 << 3) | 1; // 3-byte sizes, 2 frames
    int at = data;
    frame[at++] = (byte) marker;
    for (int size : new int[] {hidden, data - hidden}) {
      frame[at++] = (byte) size;
      frame[at++] = (byte) (size >>> 8);
      frame[at++] = (byte) (size >>> 16);
    }
    frame[at] = (byte) marker;
  }

  private static void put(byte[] frame, int at, int... bytes) {
    for (int i = 0; i < bytes.length; i++) {
      frame[at + i] = (byte) bytes[i];
    }
  }
}
