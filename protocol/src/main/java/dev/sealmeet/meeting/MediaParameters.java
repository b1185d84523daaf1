package dev.sealmeet.meeting;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A meeting's media parameters, bound in its group as the GroupContext extension {@code
 * sealmeet_media_parameters} (private-use type {@link #EXTENSION_TYPE}, RFC 9420 §17.3; spec
 * §2.1), in the TLS presentation language (RFC 9420 §2.1):
 *
 * <pre>
 *   struct {
 *     uint16 sframe_suite;   // RFC 9605 §8.1 registry id
 *     uint8  epoch_bits;     // E of the KID (RFC 9605 §5.2), 1..16
 *     uint8  grace_epochs;   // G, 0..8 and below 2^E
 *     uint32 grace_time_ms;  // T
 *     uint32 send_delay_ms;  // at most T (RFC 9605 §4.4.1)
 *   } MediaParameters;
 * </pre>
 *
 * <p>The opener writes it from its {@link MeetingOptions}; every member, the opener included,
 * builds its media plane from the values in the group, never from its own options, so that two
 * implementations of one meeting protect and accept the same frames. The receiver's hold bounds
 * ({@link MediaTransitions} other than the send delay) and the replay window stay each
 * receiver's own: they decide what it buffers, not what the others send.
 *
 * @param suite the SFrame suite of every frame
 * @param kidLayout {@code E}, the KID's epoch bits
 * @param grace how long and how many replaced epochs a receiver keeps, in whole milliseconds
 * @param sendDelay how long a sender may keep the previous epoch after a merge that removes and
 *     adds nobody, in whole milliseconds, at most the grace time
 */
record MediaParameters(SframeSuite suite, KidLayout kidLayout, GracePolicy grace,
    Duration sendDelay) {
  /** The extension type, from the private-use range of RFC 9420 §17.3. */
  static final int EXTENSION_TYPE = 0xF0A2;

  /** The encoded length: 2 + 1 + 1 + 4 + 4 bytes. */
  static final int ENCODED_LENGTH = 12;


  /** Checks that every value is one the extension can carry and the spec allows. */
  MediaParameters {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(kidLayout, "kidLayout");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(sendDelay, "sendDelay");
    if (grace.epochs() >= kidLayout.epochSlots()) {
      throw new IllegalArgumentException("a grace of " + grace.epochs()
          + " epochs needs more than " + kidLayout.epochBits() + " epoch bits");
    }
    ExtensionFields.requireMillis(grace.time(), "grace time");
    ExtensionFields.requireMillis(sendDelay, "send delay");
    if (sendDelay.compareTo(grace.time()) > 0) {
      throw new IllegalArgumentException("the send delay must not exceed the grace time");
    }
  }

  /**
   * The parameters a meeting opened with {@code options} carries: the options' suite, {@code E},
   * grace and send delay, times rounded up to whole milliseconds, and the send delay cut to the
   * grace time (as {@link MediaProtector} cuts it).
   *
   * @throws IllegalArgumentException if a time exceeds {@code 2^32 - 1} ms, or the grace keeps
   *     more epochs than {@code E} tells apart
   */
  static MediaParameters of(MeetingOptions options) {
    Duration graceTime = ExtensionFields.ceilMillis(options.grace().time());
    Duration delay = ExtensionFields.ceilMillis(options.mediaTransitions().sendDelay());
    return new MediaParameters(options.sframeSuite(), options.kidLayout(),
        new GracePolicy(graceTime, options.grace().epochs()),
        delay.compareTo(graceTime) > 0 ? graceTime : delay);
  }

  /** The defaults of spec §2.1: suite 4, E = 4, a grace of 2 epochs and 2 s, a 1 s send delay. */
  static MediaParameters defaults() {
    return of(MeetingOptions.defaults());
  }

  /** The GroupContext extension carrying these parameters. */
  Extension toExtension() {
    return new Extension(EXTENSION_TYPE, encode());
  }

  /** The {@code MediaParameters} struct's bytes. */
  byte[] encode() {
    return new TlsWriter()
        .writeUint16(suite.id())
        .writeUint8(kidLayout.epochBits())
        .writeUint8(grace.epochs())
        .writeUint32(grace.time().toMillis())
        .writeUint32(sendDelay.toMillis())
        .toByteArray();
  }

  /**
   * The parameters in {@code extensions}, if the extension is there.
   *
   * @throws DecodeException if its data is not exactly one {@code MediaParameters} struct with
   *     {@code E} in 1..16, {@code G} at most 8 and below {@code 2^E}, and a send delay at most
   *     the grace time
   * @throws MeetingRuleException ({@link MeetingRule#MEDIA_PARAMETERS}) if the suite is not one
   *     this implementation knows
   */
  static Optional<MediaParameters> in(List<Extension> extensions)
      throws DecodeException, MeetingRuleException {
    Optional<Extension> found = Extensions.find(extensions, EXTENSION_TYPE);
    return found.isEmpty() ? Optional.empty() : Optional.of(decode(found.get().extensionData()));
  }

  /**
   * Decodes the struct's bytes; see {@link #in(List)}.
   *
   * @throws DecodeException if the bytes are malformed or a value is out of range
   * @throws MeetingRuleException if the suite is unknown
   */
  static MediaParameters decode(byte[] data) throws DecodeException, MeetingRuleException {
    if (data.length != ENCODED_LENGTH) {
      throw new DecodeException("media parameters: " + data.length + " bytes, expected "
          + ENCODED_LENGTH);
    }
    TlsReader in = TlsReader.of(data);
    int suiteId = in.readUint16();
    int epochBits = in.readUint8();
    int graceEpochs = in.readUint8();
    long graceMillis = in.readUint32();
    long delayMillis = in.readUint32();
    if (epochBits < KidLayout.MIN_EPOCH_BITS || epochBits > KidLayout.MAX_EPOCH_BITS) {
      throw new DecodeException("media parameters: epoch_bits " + epochBits + " not in 1..16");
    }
    if (graceEpochs > GracePolicy.MAX_EPOCHS || graceEpochs >= 1 << epochBits) {
      throw new DecodeException("media parameters: grace_epochs " + graceEpochs
          + " not below 2^" + epochBits + " or above " + GracePolicy.MAX_EPOCHS);
    }
    if (delayMillis > graceMillis) {
      throw new DecodeException("media parameters: send_delay_ms " + delayMillis
          + " above grace_time_ms " + graceMillis);
    }
    SframeSuite suite;
    try {
      suite = SframeSuite.fromId(suiteId, true);
    } catch (UnsupportedException e) {
      throw new MeetingRuleException(MeetingRule.MEDIA_PARAMETERS,
          "the meeting's SFrame suite " + suiteId + " is unknown to this client");
    }
    return new MediaParameters(suite, new KidLayout(epochBits),
        new GracePolicy(Duration.ofMillis(graceMillis), graceEpochs),
        Duration.ofMillis(delayMillis));
  }

  /**
   * Checks that a member with {@code options} can honour these parameters.
   *
   * @throws MeetingRuleException ({@link MeetingRule#MEDIA_PARAMETERS}) if the suite is
   *     provisional (not in RFC 9605) and {@code options} do not allow provisional suites
   */
  MediaParameters requireHonouredBy(SframeOptions options) throws MeetingRuleException {
    if (suite.isProvisional() && !options.allowProvisionalSuites()) {
      throw new MeetingRuleException(MeetingRule.MEDIA_PARAMETERS, "the meeting protects media "
          + "with the provisional suite " + suite + ", which this client's options refuse");
    }
    return this;
  }

  /** {@code local} (this member's hold bounds) with these parameters' send delay. */
  MediaTransitions transitions(MediaTransitions local) {
    return local.withSendDelay(sendDelay);
  }

  /** Whether the two lists carry the same extension bytes (or both lack it). */
  static boolean sameIn(List<Extension> a, List<Extension> b) {
    return ExtensionFields.sameIn(EXTENSION_TYPE, a, b);
  }
}
