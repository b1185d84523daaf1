package dev.sealmeet.sframe;

/**
 * Settings of a {@link SframeSender} or {@link SframeReceiver}.
 *
 * @param replayWindow the receiver's anti-replay window per KID, in frames: a power of two from 64 to
 *     65,536 (default {@value #DEFAULT_REPLAY_WINDOW}); senders ignore it
 * @param allowProvisionalSuites whether the post-RFC 9605 suites {@code 0x0006}–{@code 0x0008} may be
 *     used (default false; see {@link SframeSuite})
 */
public record SframeOptions(int replayWindow, boolean allowProvisionalSuites) {
  /** The default replay window: 1,024 frames per KID (about 17 s of 60 fps video). */
  public static final int DEFAULT_REPLAY_WINDOW = 1024;

  /** The largest replay window: 65,536 frames (8 KiB of bitmap per KID). */
  public static final int MAX_REPLAY_WINDOW = 65536;

  /** @throws IllegalArgumentException if the window is not a power of two in 64..65,536 */
  public SframeOptions {
    if (replayWindow < 64 || replayWindow > MAX_REPLAY_WINDOW || Integer.bitCount(replayWindow) != 1) {
      throw new IllegalArgumentException(
          "replay window must be a power of two in 64.." + MAX_REPLAY_WINDOW + ", got " + replayWindow);
    }
  }

  /** Window {@value #DEFAULT_REPLAY_WINDOW}, RFC 9605 suites only. */
  public static SframeOptions defaults() {
    return new SframeOptions(DEFAULT_REPLAY_WINDOW, false);
  }

  /** These options with another replay window. */
  public SframeOptions withReplayWindow(int frames) {
    return new SframeOptions(frames, allowProvisionalSuites);
  }

  /** These options with the provisional suites allowed (true) or refused (false). */
  public SframeOptions withProvisionalSuites(boolean allow) {
    return new SframeOptions(replayWindow, allow);
  }

  void checkSuite(SframeSuite suite) {
    if (suite.isProvisional() && !allowProvisionalSuites) {
      throw new IllegalArgumentException(suite + " is provisional (not in RFC 9605); opt in with "
          + "SframeOptions.withProvisionalSuites(true)");
    }
  }
}
