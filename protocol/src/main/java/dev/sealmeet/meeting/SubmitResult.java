package dev.sealmeet.meeting;

import java.util.Objects;

/**
 * The delivery service's answer to a submitted envelope. A repeated submit id gets the answer of
 * its first submission, sequence number included.
 *
 * @param status the verdict
 * @param sequence the envelope's position in the log if {@code ACCEPTED}, else 0
 * @param epoch the meeting's current epoch as the delivery service knows it
 * @param reason for {@code REFUSED}: what failed (no secret, no identity); else empty
 */
public record SubmitResult(SubmitStatus status, long sequence, long epoch, String reason) {
  /** Checks nulls, and that only an accepted envelope has a sequence number. */
  public SubmitResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    if ((status == SubmitStatus.ACCEPTED) != (sequence > 0)) {
      throw new IllegalArgumentException("an accepted envelope, and only it, has a sequence");
    }
  }

  /** An {@code ACCEPTED} answer. */
  public static SubmitResult accepted(long sequence, long epoch) {
    return new SubmitResult(SubmitStatus.ACCEPTED, sequence, epoch, "");
  }

  /** A {@code STALE_EPOCH} answer naming the current epoch. */
  public static SubmitResult staleEpoch(long epoch) {
    return new SubmitResult(SubmitStatus.STALE_EPOCH, 0, epoch, "");
  }

  /** A {@code REFUSED} answer with what failed. */
  public static SubmitResult refused(long epoch, String reason) {
    return new SubmitResult(SubmitStatus.REFUSED, 0, epoch, reason);
  }
}
