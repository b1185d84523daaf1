package dev.sealmeet.sframe.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * The parameters of sender authentication (spec §2.7): how often a sender signs, how many copies of
 * each signature frame it sends, and how long a receiver waits before it presumes a frame forged.
 *
 * @param framesPerSignature {@code N}: a stream's signature frame is due after this many frames
 *     (1 to {@link TagSignatureFrame#MAX_SECTION_ENTRIES})
 * @param maxDelay {@code T}: or once its oldest unsigned frame is this old, whichever comes first
 * @param copies {@code R}: how many times each signature frame is sent (1 to 4), each copy with a
 *     later emission
 * @param deadline {@code D}: a frame still pending this long after it arrived is reported forged
 *     ({@link ForgeryReason#UNSIGNED}); longer than {@code copies × maxDelay}
 * @param framesKept {@code C}: the frames a receiver keeps per KID (a power of two, 16 to 4,096);
 *     one that leaves the window while pending is reported as for the deadline
 */
public record SenderAuthParams(int framesPerSignature, Duration maxDelay, int copies,
    Duration deadline, int framesKept) {
  /** Checks nulls and ranges. */
  public SenderAuthParams {
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(deadline, "deadline");
    if (framesPerSignature < 1 || framesPerSignature > TagSignatureFrame.MAX_SECTION_ENTRIES) {
      throw new IllegalArgumentException(
          "framesPerSignature must be in 1.." + TagSignatureFrame.MAX_SECTION_ENTRIES);
    }
    if (copies < 1 || copies > 4) {
      throw new IllegalArgumentException("copies must be in 1..4");
    }
    if (maxDelay.isNegative() || maxDelay.isZero()) {
      throw new IllegalArgumentException("maxDelay must be positive");
    }
    if (deadline.compareTo(maxDelay.multipliedBy(copies)) <= 0) {
      throw new IllegalArgumentException("deadline must exceed copies × maxDelay");
    }
    if (framesKept < 16 || framesKept > 4096 || Integer.bitCount(framesKept) != 1) {
      throw new IllegalArgumentException("framesKept must be a power of two in 16..4096");
    }
  }

  /**
   * {@code N} = 32, {@code T} = 500 ms, {@code R} = 2, {@code D} = 1.5 s, {@code C} = 256: about two
   * signatures per second per sender, so a receiver of 50 senders verifies about 100 per second
   * (1.3% of a core measured, {@code benchmarks/README.md}); frames are VERIFIED within about
   * {@code T} and a forgery is detected within {@code D}.
   */
  public static SenderAuthParams defaults() {
    return new SenderAuthParams(32, Duration.ofMillis(500), 2, Duration.ofMillis(1500), 256);
  }
}
