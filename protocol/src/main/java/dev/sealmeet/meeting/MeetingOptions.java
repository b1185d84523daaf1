package dev.sealmeet.meeting;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a meeting's media is protected and how hard a member retries a change that lost the race for
 * an epoch.
 *
 * <p>The SFrame suite, KID layout, grace and send delay are the <em>media parameters</em> of a
 * meeting this client opens: they are written into its group ({@code sealmeet_media_parameters},
 * spec §2.1), and every member, this client included, protects and accepts media by the values in
 * the group. In a meeting it joins they play no part: the group's values are used, and a meeting
 * whose values this client cannot honour (a provisional suite its {@link SframeOptions} refuse) is
 * refused with {@link MeetingRule#MEDIA_PARAMETERS}. The hold bounds of {@code mediaTransitions},
 * the replay window and the clock are always this client's own.
 *
 * @param sframeSuite the SFrame suite of the media (RFC 9605 §4.5): named in the group of a
 *     meeting this client opens
 * @param kidLayout the KID layout (RFC 9605 §5.2)
 * @param grace how long previous epochs' receive keys are kept
 * @param nanoTime the monotonic clock of the grace window
 * @param maxAttempts how often a commit or proposal is tried on a newer epoch before giving up
 * @param audit where copies of media base keys go (audits and demos only)
 * @param sframeOptions the SFrame sender's and receivers' options: replay window and the JCE
 *     provider of the frame AEAD (see {@link SframeOptions})
 * @param runtime the listener, log and policies of a meeting (see {@link MeetingRuntime})
 * @param mediaTransitions how the media plane crosses key changes: send delay and held frames
 * @param mlsSuites what each MLS cipher suite code point means to this client ({@link
 *     SuiteRegistry}); the client's suite must be in it, and a meeting whose group binds its code
 *     point to another suite is refused (spec §1.1)
 * @param senderAuthentication whether a meeting this client opens requires sender authentication
 *     (spec §2.7), and with which parameters: on by default ({@link SenderAuthParams#defaults()});
 *     {@code null} opens meetings without it ({@link #withoutSenderAuthentication()}). Like the
 *     media parameters it is written into the group ({@code sealmeet_sender_authentication}) and
 *     a meeting this client joins or resumes uses the group's, whatever this says; only its
 *     {@link SenderAuthParams#framesKept() frames kept per KID} stay this client's own
 */
public record MeetingOptions(SframeSuite sframeSuite, KidLayout kidLayout, GracePolicy grace,
    LongSupplier nanoTime, int maxAttempts, KeyAudit audit, SframeOptions sframeOptions,
    MeetingRuntime runtime, MediaTransitions mediaTransitions, SuiteRegistry mlsSuites,
    SenderAuthParams senderAuthentication) {
  /** Checks nulls and ranges. */
  public MeetingOptions {
    Objects.requireNonNull(sframeSuite, "sframeSuite");
    Objects.requireNonNull(kidLayout, "kidLayout");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(nanoTime, "nanoTime");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(sframeOptions, "sframeOptions");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(mediaTransitions, "mediaTransitions");
    Objects.requireNonNull(mlsSuites, "mlsSuites");
    if (maxAttempts < 1 || maxAttempts > 1000) {
      throw new IllegalArgumentException("maxAttempts must be in 1..1000");
    }
  }

  /** Options with sender authentication on ({@link SenderAuthParams#defaults()}). */
  public MeetingOptions(SframeSuite sframeSuite, KidLayout kidLayout, GracePolicy grace,
      LongSupplier nanoTime, int maxAttempts, KeyAudit audit, SframeOptions sframeOptions,
      MeetingRuntime runtime, MediaTransitions mediaTransitions, SuiteRegistry mlsSuites) {
    this(sframeSuite, kidLayout, grace, nanoTime, maxAttempts, audit, sframeOptions, runtime,
        mediaTransitions, mlsSuites, SenderAuthParams.defaults());
  }

  /**
   * Options with the default runtime (no listener, the default log, no policy), the default
   * transitions, RFC 9420's MLS suites only ({@link SuiteRegistry#rfc9420()}) and sender
   * authentication on with its defaults.
   */
  public MeetingOptions(SframeSuite sframeSuite, KidLayout kidLayout, GracePolicy grace,
      LongSupplier nanoTime, int maxAttempts, KeyAudit audit, SframeOptions sframeOptions) {
    this(sframeSuite, kidLayout, grace, nanoTime, maxAttempts, audit, sframeOptions,
        MeetingRuntime.defaults(), MediaTransitions.defaults(), SuiteRegistry.rfc9420());
  }

  /** Options with the default SFrame options (the JDK's JCE providers). */
  public MeetingOptions(SframeSuite sframeSuite, KidLayout kidLayout, GracePolicy grace,
      LongSupplier nanoTime, int maxAttempts, KeyAudit audit) {
    this(sframeSuite, kidLayout, grace, nanoTime, maxAttempts, audit, SframeOptions.defaults());
  }

  /**
   * AES-128-GCM frames, E = 4, the default grace, the system clock, 32 attempts, no audit, the
   * default SFrame options, the default runtime, the default media transitions and sender
   * authentication on ({@link SenderAuthParams#defaults()}).
   */
  public static MeetingOptions defaults() {
    return new MeetingOptions(SframeSuite.AES_128_GCM_SHA256_128, KidLayout.defaults(),
        GracePolicy.defaults(), System::nanoTime, 32, KeyAudit.none());
  }

  /**
   * These options with {@code value} as the SFrame suite: the suite a meeting this client opens
   * names in its group (spec §2.1); a meeting it joins uses the suite its group names.
   */
  public MeetingOptions withSframeSuite(SframeSuite value) {
    return new MeetingOptions(value, kidLayout, grace, nanoTime, maxAttempts, audit,
        sframeOptions, runtime, mediaTransitions, mlsSuites, senderAuthentication);
  }

  /** These options with {@code value} as the KID layout of a meeting this client opens. */
  public MeetingOptions withKidLayout(KidLayout value) {
    return new MeetingOptions(sframeSuite, value, grace, nanoTime, maxAttempts, audit,
        sframeOptions, runtime, mediaTransitions, mlsSuites, senderAuthentication);
  }

  /** These options with {@code value} as the grace policy of a meeting this client opens. */
  public MeetingOptions withGrace(GracePolicy value) {
    return new MeetingOptions(sframeSuite, kidLayout, value, nanoTime,
        maxAttempts, audit, sframeOptions, runtime, mediaTransitions, mlsSuites,
        senderAuthentication);
  }

  /** These options with {@code value} as the clock of the grace window and media transitions. */
  public MeetingOptions withNanoTime(LongSupplier value) {
    return new MeetingOptions(sframeSuite, kidLayout, grace, value,
        maxAttempts, audit, sframeOptions, runtime, mediaTransitions, mlsSuites,
        senderAuthentication);
  }

  /** These options with a key audit. */
  public MeetingOptions withAudit(KeyAudit value) {
    return new MeetingOptions(sframeSuite, kidLayout, grace, nanoTime,
        maxAttempts, value, sframeOptions, runtime, mediaTransitions, mlsSuites,
        senderAuthentication);
  }

  /** These options with {@code value} as the SFrame options (for example another JCE provider). */
  public MeetingOptions withSframeOptions(SframeOptions value) {
    return new MeetingOptions(sframeSuite, kidLayout, grace, nanoTime, maxAttempts, audit, value,
        runtime, mediaTransitions, mlsSuites, senderAuthentication);
  }

  /** These options with {@code value} as the listener, log and policies. */
  public MeetingOptions withRuntime(MeetingRuntime value) {
    return new MeetingOptions(sframeSuite, kidLayout, grace, nanoTime, maxAttempts, audit,
        sframeOptions, value, mediaTransitions, mlsSuites, senderAuthentication);
  }

  /**
   * These options with {@code value} as the media transitions (send delay after a key change, frames
   * held for the next epoch); {@link MediaTransitions#immediate()} switches at once and holds none.
   */
  public MeetingOptions withMediaTransitions(MediaTransitions value) {
    return new MeetingOptions(sframeSuite, kidLayout, grace, nanoTime, maxAttempts, audit,
        sframeOptions, runtime, value, mlsSuites, senderAuthentication);
  }

  /**
   * These options with {@code value} as the MLS suite registry, e.g. {@link
   * SuiteRegistry#draftPq()} for a client whose suite is post-quantum. The client's suite is the
   * meeting's: a meeting it opens is in that suite, with the suite's definition bound in the group
   * and required of every member (spec §1.1, §1.2).
   */
  public MeetingOptions withMlsSuites(SuiteRegistry value) {
    return new MeetingOptions(sframeSuite, kidLayout, grace, nanoTime, maxAttempts, audit,
        sframeOptions, runtime, mediaTransitions, value, senderAuthentication);
  }

  /**
   * These options with {@code value} as the sender authentication a meeting this client opens
   * requires of every member (spec §2.7); {@code null} opens meetings without it. A meeting it
   * joins uses its group's, whatever this says.
   *
   * @throws IllegalArgumentException if a time of {@code value} exceeds {@code 2^32 - 1} ms
   */
  public MeetingOptions withSenderAuthentication(SenderAuthParams value) {
    if (value != null) {
      SenderAuthRequirement.of(value); // checks that the group can carry it
    }
    return new MeetingOptions(sframeSuite, kidLayout, grace, nanoTime, maxAttempts, audit,
        sframeOptions, runtime, mediaTransitions, mlsSuites, value);
  }

  /**
   * These options opening meetings that do not require sender authentication (spec §2.7): their
   * frames are authenticated to the group only (RFC 9605 §9.2), as before version 1 made it the
   * default. Same as {@code withSenderAuthentication(null)}.
   */
  public MeetingOptions withoutSenderAuthentication() {
    return withSenderAuthentication(null);
  }
}
