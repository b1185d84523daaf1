package dev.sealmeet.meeting;

/**
 * The KID of an MLS sender (RFC 9605 §5.2): the low {@code E} bits carry the epoch, the bits above
 * them the sender's leaf index, and the context bits above those are zero.
 *
 * <pre>
 *   KID = (leaf_index &lt;&lt; E) | (epoch mod 2^E)
 * </pre>
 *
 * <p>A receiver reads the epoch and the sender from these bits and so picks exactly one key; it
 * never tries several (AES-GCM does not commit to its key, so trial decryption is ambiguous).
 *
 * @param epochBits {@code E}, the number of low epoch bits in the KID; at most {@code 2^E} epochs
 *     can be live at once
 */
public record KidLayout(int epochBits) {
  /** Smallest {@code E}: the current and one previous epoch. */
  public static final int MIN_EPOCH_BITS = 1;

  /** Largest {@code E}. */
  public static final int MAX_EPOCH_BITS = 16;

  /** Largest leaf index a KID carries (RFC 9420 leaf indices are uint32). */
  public static final long MAX_LEAF_INDEX = 0xFFFF_FFFFL;

  /** Checks the range of {@code epochBits}. */
  public KidLayout {
    if (epochBits < MIN_EPOCH_BITS || epochBits > MAX_EPOCH_BITS) {
      throw new IllegalArgumentException(
          "epochBits must be in " + MIN_EPOCH_BITS + ".." + MAX_EPOCH_BITS);
    }
  }

  /** Four epoch bits, as in the example of RFC 9605 §5.2. */
  public static KidLayout defaults() {
    return new KidLayout(4);
  }

  /** The number of distinct epoch values a KID can carry, {@code 2^E}. */
  public int epochSlots() {
    return 1 << epochBits;
  }

  /**
   * The KID of the sender at {@code leafIndex} in {@code epoch}.
   *
   * @throws IllegalArgumentException if {@code leafIndex} is not a uint32
   */
  public long kid(long epoch, long leafIndex) {
    if (leafIndex < 0 || leafIndex > MAX_LEAF_INDEX) {
      throw new IllegalArgumentException("leaf index " + leafIndex + " is not a uint32");
    }
    return (leafIndex << epochBits) | epochSlot(epoch);
  }

  /** The low {@code E} bits of {@code epoch}: its slot in a KID. */
  public int epochSlot(long epoch) {
    return (int) (epoch & (epochSlots() - 1));
  }

  /** The epoch slot a KID names. */
  public int epochSlotOf(long kid) {
    return (int) (kid & (epochSlots() - 1));
  }

  /** The sender index a KID names (context bits included: a non-zero context names no member). */
  public long senderOf(long kid) {
    return kid >>> epochBits;
  }
}
