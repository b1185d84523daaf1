package dev.sealmeet.meeting;

import java.time.Duration;
import java.util.Objects;

/**
 * How the media plane crosses an epoch change without losing frames (RFC 9605 §4.4.1 lets a sender
 * delay the use of new keys until its receivers hold them; §4.4.4 lets a receiver buffer what it
 * cannot decrypt yet).
 *
 * <ul>
 *   <li><b>Sender.</b> After a merge that leaves the roster as it was (an update, a roles change)
 *       the member keeps sending under the previous epoch for {@code sendDelay}, then switches to the
 *       new one. After a merge that removes a member the switch is immediate, so a removed member
 *       never reads new media; after one that adds a member, too, since the joiner holds only the new
 *       epoch (members who process the commit later hold those frames, below). An epoch that arrives
 *       while a switch is pending keeps that switch's deadline and becomes the epoch switched to;
 *       a previous epoch that receivers may already have erased (more than {@link
 *       GracePolicy#epochs()} back) is never kept for sending.
 *   <li><b>Receiver.</b> A frame whose KID names the next epoch, which this member does not hold yet,
 *       is held: at most {@code holdPerSender} per sender leaf, {@code holdTotal} and {@code
 *       holdBytes} in all, each for at most {@code holdTime}. When that epoch is installed, the held
 *       frames are decrypted in arrival order and handed out ({@link MediaProtector#drainReleased});
 *       past a bound they are dropped and counted ({@link MediaStats}). Held frames are not
 *       authenticated yet, so a flood can fill the buffer (the bounds cap the memory, and honest
 *       frames beyond them are dropped), never grow it.
 * </ul>
 *
 * <p>{@code sendDelay} must not exceed the receivers' {@link GracePolicy#time()}, or frames sent
 * late in the delay could meet erased keys. In a meeting the send delay is the group's ({@code
 * sealmeet_media_parameters}, spec §1.2.1), written by the client that opened it; the hold bounds
 * are always this client's own.
 *
 * @param sendDelay how long a sender keeps the previous epoch after a merge that removes nobody
 *     ({@link Duration#ZERO} switches at once)
 * @param holdPerSender frames held per sender leaf at most
 * @param holdTotal frames held in all at most
 * @param holdBytes bytes of held frames in all at most
 * @param holdTime how long a frame is held at most (by the meeting's injected clock)
 */
public record MediaTransitions(Duration sendDelay, int holdPerSender, int holdTotal,
    long holdBytes, Duration holdTime) {
  /** Largest {@link #holdTotal()}. */
  public static final int MAX_HOLD_TOTAL = 4096;

  /** Checks nulls and ranges. */
  public MediaTransitions {
    Objects.requireNonNull(sendDelay, "sendDelay");
    Objects.requireNonNull(holdTime, "holdTime");
    if (sendDelay.isNegative() || holdTime.isNegative()) {
      throw new IllegalArgumentException("sendDelay and holdTime must not be negative");
    }
    if (holdTotal < 0 || holdTotal > MAX_HOLD_TOTAL) {
      throw new IllegalArgumentException("holdTotal must be in 0.." + MAX_HOLD_TOTAL);
    }
    if (holdPerSender < 0 || holdPerSender > holdTotal) {
      throw new IllegalArgumentException("holdPerSender must be in 0..holdTotal");
    }
    if (holdBytes < 0) {
      throw new IllegalArgumentException("holdBytes must not be negative");
    }
  }

  /** One second of delay; 64 frames per sender, 256 and 8 MiB in all, for two seconds. */
  public static MediaTransitions defaults() {
    return new MediaTransitions(Duration.ofSeconds(1), 64, 256, 8L << 20, Duration.ofSeconds(2));
  }

  /** No delay and no holding: every key change is immediate and unheld frames are refused. */
  public static MediaTransitions immediate() {
    return new MediaTransitions(Duration.ZERO, 0, 0, 0, Duration.ZERO);
  }

  /** These settings with {@code value} as the send delay. */
  public MediaTransitions withSendDelay(Duration value) {
    return new MediaTransitions(value, holdPerSender, holdTotal, holdBytes, holdTime);
  }
}
