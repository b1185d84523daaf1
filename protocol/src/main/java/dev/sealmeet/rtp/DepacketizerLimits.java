package dev.sealmeet.rtp;

/**
 * The bounds of one {@link SframeDepacketizer} ({@code protocol.md} §2.9, [SM-RTP-3]).
 *
 * @param reorderWindow how many sequence numbers behind the highest one a packet may arrive and
 *     still be used; older packets are refused and buffered ones that fall behind are given up
 *     (1..16384)
 * @param maxPackets the most packets buffered at once (1..reorderWindow)
 * @param maxBytes the most payload bytes buffered at once (at least 65536, one largest packet)
 * @param maxFramePackets the most packets one SFrame ciphertext may span (1..maxPackets)
 */
public record DepacketizerLimits(int reorderWindow, int maxPackets, int maxBytes,
    int maxFramePackets) {
  /** The largest reorder window: well inside half the 16-bit sequence space (RFC 3550 §A.1). */
  public static final int MAX_REORDER_WINDOW = 16384;
  /** The smallest byte bound: one datagram of the largest size. */
  public static final int MIN_MAX_BYTES = 65536;

  /** @throws IllegalArgumentException if a bound is outside its documented range */
  public DepacketizerLimits {
    if (reorderWindow < 1 || reorderWindow > MAX_REORDER_WINDOW) {
      throw new IllegalArgumentException("reorder window " + reorderWindow + " outside 1.."
          + MAX_REORDER_WINDOW);
    }
    if (maxPackets < 1 || maxPackets > reorderWindow) {
      throw new IllegalArgumentException("max packets " + maxPackets + " outside 1.." + reorderWindow);
    }
    if (maxBytes < MIN_MAX_BYTES) {
      throw new IllegalArgumentException("max bytes " + maxBytes + " below " + MIN_MAX_BYTES);
    }
    if (maxFramePackets < 1 || maxFramePackets > maxPackets) {
      throw new IllegalArgumentException("max frame packets " + maxFramePackets + " outside 1.."
          + maxPackets);
    }
  }

  /** 512 sequence numbers, 512 packets, 4 MiB, 512 packets per frame: video at a few Mbit/s. */
  public static DepacketizerLimits defaults() {
    return new DepacketizerLimits(512, 512, 4 << 20, 512);
  }
}
