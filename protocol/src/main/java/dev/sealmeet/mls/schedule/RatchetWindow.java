package dev.sealmeet.mls.schedule;

/**
 * How far a receiver's hash ratchet tolerates out-of-order delivery within an epoch (RFC 9420 §9.2,
 * §14): the keys of skipped generations it keeps, and how far ahead a generation may lie.
 *
 * @param maxSkippedKeys most keys of skipped generations kept per ratchet (oldest deleted first)
 * @param maxForwardDistance furthest a received generation may lie ahead of the next expected one
 */
public record RatchetWindow(int maxSkippedKeys, int maxForwardDistance) {
  /** {@link HashRatchet#MAX_SKIPPED_KEYS} and {@link HashRatchet#MAX_FORWARD_DISTANCE}. */
  public static final RatchetWindow DEFAULT =
      new RatchetWindow(HashRatchet.MAX_SKIPPED_KEYS, HashRatchet.MAX_FORWARD_DISTANCE);

  /** Checks the ranges. */
  public RatchetWindow {
    if (maxSkippedKeys < 0 || maxForwardDistance < 1) {
      throw new IllegalArgumentException(
          "maxSkippedKeys must be >= 0 and maxForwardDistance >= 1");
    }
  }
}
