package dev.sealmeet.meeting;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Meeting#maintain()} does on its own, each policy off unless set. Both follow a
 * ladder so members do not race for the same epoch: one member acts first, and if it stays silent
 * the next one in a fixed order takes over a step later. Every member computes the same ladder from
 * the group state it shares, so only clock skew between members can make two act at once (and
 * then the delivery service's first-commit-wins keeps one; the other retries on the new epoch and
 * finds nothing left to do).
 *
 * <ul>
 *   <li><b>Rotation</b> (post-compromise security, RFC 9420 §12.4, §16.6): once an epoch is {@code
 *       rotateEvery} old, the member at position {@code epoch mod n} of the members in leaf order
 *       commits an update with a fresh path; after each further {@code fallback} of silence, the
 *       next member in that order does. Starting at {@code epoch mod n} spreads the refresh over
 *       every member's leaf.
 *   <li><b>Pending proposals</b> (a member's leave, the delivery service's Remove): the first
 *       present member in the order "hosts, then the others, each in leaf order", leaving out the
 *       members the proposals remove, commits them at once; after {@code commitPendingWithin}
 *       without a commit the second does, after twice that the third, and so on.
 * </ul>
 *
 * @param rotateEvery the age of an epoch at which it is rotated, or empty for no rotation
 * @param fallback how long each member on the rotation ladder waits for the one before it
 * @param commitPendingWithin how long each member on the pending ladder waits for the one before
 *     it, or empty for no automatic commit of pending proposals
 */
public record MeetingPolicy(Optional<Duration> rotateEvery, Duration fallback,
    Optional<Duration> commitPendingWithin) {
  /** Checks nulls and that durations are positive. */
  public MeetingPolicy {
    Objects.requireNonNull(rotateEvery, "rotateEvery");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(commitPendingWithin, "commitPendingWithin");
    requirePositive(fallback, "fallback");
    rotateEvery.ifPresent(d -> requirePositive(d, "rotateEvery"));
    commitPendingWithin.ifPresent(d -> requirePositive(d, "commitPendingWithin"));
  }

  /** No automatic action (the default). */
  public static MeetingPolicy none() {
    return new MeetingPolicy(Optional.empty(), Duration.ofMinutes(1), Optional.empty());
  }

  /** This policy, rotating every {@code every}, each fallback member waiting {@code fallback}. */
  public MeetingPolicy withRotation(Duration every, Duration fallback) {
    return new MeetingPolicy(Optional.of(every), fallback, commitPendingWithin);
  }

  /** This policy, committing pending proposals with a ladder step of {@code within}. */
  public MeetingPolicy withPendingCommits(Duration within) {
    return new MeetingPolicy(rotateEvery, fallback, Optional.of(within));
  }

  /** What one {@link Meeting#maintain()} did. */
  public enum Action {
    /** Nothing was due for this member. */
    NONE,
    /** It committed the pending proposals. */
    COMMITTED_PENDING,
    /** It rotated the epoch with an update commit. */
    ROTATED
  }

  private static void requirePositive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
