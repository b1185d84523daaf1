package dev.sealmeet.sframe;

import java.security.Provider;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link SframeSender} or {@link SframeReceiver}.
 *
 * <p><b>JCE provider.</b> By default the frame AEAD uses the JDK's providers, found in the usual
 * JCE order. {@link #withProvider(Provider)} passes one in instead, for example Amazon Corretto
 * Crypto Provider (AWS-LC), whose AES-GCM is 1.3–3.5× faster than JDK 17's at 16 KiB and up and as
 * fast as JDK 25's ({@code benchmarks/README.md} says which to use on which CPU). Pass any provider
 * that implements {@code AES/GCM/NoPadding}, {@code AES/CTR/NoPadding} and {@code HmacSHA256}
 * ({@code HmacSHA512} for the provisional suites). Each of these the provider lacks is taken from
 * the JDK's providers instead (Amazon Corretto Crypto Provider 2.5 has no AES-CTR, so suites 1–3
 * use the JDK's AES-CTR with its HMAC). Where the provider has the hash itself ({@code SHA-256},
 * {@code SHA-512}) the HMAC runs over its {@code MessageDigest}, which allocates nothing per frame;
 * otherwise over its {@code Mac}, whose {@code doFinal} allocates a tag array per frame inside the
 * JDK. A provider can never change the bytes on the wire: the RFC 9605 vectors are run through this
 * path.
 *
 * <p>{@link Provider} is the one JCE type in Sealmeet's public API, a documented exception to the
 * rule that none appears: a JCE provider object is the only handle the JDK gives to a provider that
 * is not registered globally, and looking one up by name would be a global registry lookup.
 *
 * @param replayWindow the receiver's anti-replay window per KID, in frames: a power of two from 64 to
 *     65,536 (default {@value #DEFAULT_REPLAY_WINDOW}); senders ignore it
 * @param allowProvisionalSuites whether the post-RFC 9605 suites {@code 0x0006}–{@code 0x0008} may be
 *     used (default false; see {@link SframeSuite})
 * @param provider the JCE provider of the frame AEAD, or empty for the JDK's (the default)
 * @param counterReservation where a sender makes its CTR marks durable before use, so that a
 *     restarted sender never reuses a nonce ({@link CounterReservation}); empty (the default):
 *     counters live in memory only; receivers ignore it
 */
public record SframeOptions(int replayWindow, boolean allowProvisionalSuites,
    Optional<Provider> provider, Optional<CounterReservation> counterReservation) {
  /** The default replay window: 1,024 frames per KID (about 17 s of 60 fps video). */
  public static final int DEFAULT_REPLAY_WINDOW = 1024;

  /** The largest replay window: 65,536 frames (8 KiB of bitmap per KID). */
  public static final int MAX_REPLAY_WINDOW = 65536;

  /**
   * @throws IllegalArgumentException if the window is not a power of two in 64..65,536
   * @throws NullPointerException if {@code provider} is null (use {@link Optional#empty()})
   */
  public SframeOptions {
    if (replayWindow < 64 || replayWindow > MAX_REPLAY_WINDOW || Integer.bitCount(replayWindow) != 1) {
      throw new IllegalArgumentException(
          "replay window must be a power of two in 64.." + MAX_REPLAY_WINDOW + ", got " + replayWindow);
    }
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(counterReservation, "counterReservation");
  }

  /** Options without durable counters. */
  public SframeOptions(int replayWindow, boolean allowProvisionalSuites,
      Optional<Provider> provider) {
    this(replayWindow, allowProvisionalSuites, provider, Optional.empty());
  }

  /** Options with the JDK's providers. */
  public SframeOptions(int replayWindow, boolean allowProvisionalSuites) {
    this(replayWindow, allowProvisionalSuites, Optional.empty());
  }

  /** Window {@value #DEFAULT_REPLAY_WINDOW}, RFC 9605 suites only, the JDK's providers. */
  public static SframeOptions defaults() {
    return new SframeOptions(DEFAULT_REPLAY_WINDOW, false);
  }

  /** These options with another replay window. */
  public SframeOptions withReplayWindow(int frames) {
    return new SframeOptions(frames, allowProvisionalSuites, provider, counterReservation);
  }

  /** These options with the provisional suites allowed (true) or refused (false). */
  public SframeOptions withProvisionalSuites(boolean allow) {
    return new SframeOptions(replayWindow, allow, provider, counterReservation);
  }

  /**
   * These options with the frame AEAD over {@code jceProvider} (see the class comment for what it
   * must implement and what happens when it lacks an algorithm).
   */
  public SframeOptions withProvider(Provider jceProvider) {
    return new SframeOptions(replayWindow, allowProvisionalSuites,
        Optional.of(Objects.requireNonNull(jceProvider, "jceProvider")), counterReservation);
  }

  /** These options with the JDK's providers (the default). */
  public SframeOptions withJdkProvider() {
    return new SframeOptions(replayWindow, allowProvisionalSuites, Optional.empty(),
        counterReservation);
  }

  /** These options with the sender's CTR marks made durable through {@code value}. */
  public SframeOptions withCounterReservation(CounterReservation value) {
    return new SframeOptions(replayWindow, allowProvisionalSuites, provider,
        Optional.of(Objects.requireNonNull(value, "value")));
  }

  void checkSuite(SframeSuite suite) {
    if (suite.isProvisional() && !allowProvisionalSuites) {
      throw new IllegalArgumentException(suite + " is provisional (not in RFC 9605); opt in with "
          + "SframeOptions.withProvisionalSuites(true)");
    }
  }

  /** The record's components, the provider by name only. */
  @Override
  public String toString() {
    return "SframeOptions[replayWindow=" + replayWindow + ", allowProvisionalSuites="
        + allowProvisionalSuites + ", provider=" + provider.map(Provider::getName).orElse("JDK")
        + ", durableCounters=" + counterReservation.isPresent() + "]";
  }
}
