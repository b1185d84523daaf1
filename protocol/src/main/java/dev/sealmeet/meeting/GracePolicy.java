package dev.sealmeet.meeting;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a receiver keeps the keys of epochs it has left, so that frames in flight during a
 * transition still decrypt (RFC 9605 §5.2, RFC 9420 §14). An old epoch's keys are erased as soon as
 * either bound is passed: it is older than {@code time} since the epoch after it began, or more than
 * {@code epochs} newer epochs exist.
 *
 * <p>In a meeting the grace is the group's ({@code sealmeet_media_parameters}, spec §1.2.1), in
 * whole milliseconds: a client's own policy applies only to the meetings it opens.
 *
 * @param time how long after it was replaced an epoch's receive keys live
 * @param epochs how many replaced epochs keep their receive keys at most
 */
public record GracePolicy(Duration time, int epochs) {
  /** Largest {@link #epochs()}. */
  public static final int MAX_EPOCHS = 8;

  /** Checks the ranges. */
  public GracePolicy {
    Objects.requireNonNull(time, "time");
    if (time.isNegative()) {
      throw new IllegalArgumentException("the grace time must not be negative");
    }
    if (epochs < 0 || epochs > MAX_EPOCHS) {
      throw new IllegalArgumentException("epochs must be in 0.." + MAX_EPOCHS);
    }
  }

  /**
   * Two seconds and two previous epochs: enough for a frame in flight, short for a removed key.
   * Two epochs, not one, because a sender may still be one epoch behind for its send delay
   * ({@link MediaTransitions}) when the next commit comes, and receivers must not have erased the
   * epoch it sends under; the two seconds bound how long any of them lives.
   */
  public static GracePolicy defaults() {
    return new GracePolicy(Duration.ofSeconds(2), 2);
  }
}
