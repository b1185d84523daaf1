package dev.sealmeet.meeting;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import dev.sealmeet.sframe.auth.TagSignatureFrame;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A meeting's requirement of sender authentication (spec §2.7), bound in its group as the
 * GroupContext extension {@code sealmeet_sender_authentication} (private-use type {@link
 * #EXTENSION_TYPE}, RFC 9420 §17.3), in the TLS presentation language (RFC 9420 §2.1):
 *
 * <pre>
 *   struct {
 *     uint16 frames_per_signature;  // N, 1..256
 *     uint32 max_delay_ms;          // T, at least 1
 *     uint8  copies;                // R, 1..4
 *     uint32 deadline_ms;           // D, above R × T
 *   } SenderAuthentication;
 * </pre>
 *
 * <p>The opener writes it from its {@link MeetingOptions#senderAuthentication()}; every member,
 * the opener included, signs and classifies media by the values in the group, never by its own
 * options. The frames a receiver keeps per KID ({@link SenderAuthParams#framesKept()}) bound only
 * its own memory and stay its own.
 *
 * @param framesPerSignature {@code N}
 * @param maxDelay {@code T}, whole milliseconds
 * @param copies {@code R}
 * @param deadline {@code D}, whole milliseconds
 */
record SenderAuthRequirement(int framesPerSignature, Duration maxDelay, int copies,
    Duration deadline) {
  /** The extension type, from the private-use range of RFC 9420 §17.3. */
  static final int EXTENSION_TYPE = 0xF0A3;

  /** The encoded length: 2 + 4 + 1 + 4 bytes. */
  static final int ENCODED_LENGTH = 11;


  /** Checks that every value is one the extension carries and §2.7 allows. */
  SenderAuthRequirement {
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(deadline, "deadline");
    ExtensionFields.requireMillis(maxDelay, "maxDelay");
    ExtensionFields.requireMillis(deadline, "deadline");
    // The rest as SenderAuthParams checks it (N, R, T > 0, D > R × T).
    new SenderAuthParams(framesPerSignature, maxDelay, copies, deadline,
        SenderAuthParams.defaults().framesKept());
  }

  /**
   * The requirement a meeting opened with {@code params} carries, its times rounded up to whole
   * milliseconds.
   *
   * @throws IllegalArgumentException if a time exceeds {@code 2^32 - 1} ms, or the rounded
   *     deadline no longer exceeds {@code copies × maxDelay}
   */
  static SenderAuthRequirement of(SenderAuthParams params) {
    return new SenderAuthRequirement(params.framesPerSignature(),
        ExtensionFields.ceilMillis(params.maxDelay()), params.copies(),
        ExtensionFields.ceilMillis(params.deadline()));
  }

  /**
   * The parameters a member signs and classifies with: these, and {@code local}'s frames kept per
   * KID (the defaults' if {@code local} is null).
   */
  SenderAuthParams params(SenderAuthParams local) {
    int kept = (local == null ? SenderAuthParams.defaults() : local).framesKept();
    return new SenderAuthParams(framesPerSignature, maxDelay, copies, deadline, kept);
  }

  /** The GroupContext extension carrying this requirement. */
  Extension toExtension() {
    return new Extension(EXTENSION_TYPE, encode());
  }

  /** The {@code SenderAuthentication} struct's bytes. */
  byte[] encode() {
    return new TlsWriter()
        .writeUint16(framesPerSignature)
        .writeUint32(maxDelay.toMillis())
        .writeUint8(copies)
        .writeUint32(deadline.toMillis())
        .toByteArray();
  }

  /**
   * The requirement in {@code extensions}, if the extension is there.
   *
   * @throws DecodeException as {@link #decode}
   */
  static Optional<SenderAuthRequirement> in(List<Extension> extensions) throws DecodeException {
    Optional<Extension> found = Extensions.find(extensions, EXTENSION_TYPE);
    return found.isEmpty() ? Optional.empty() : Optional.of(decode(found.get().extensionData()));
  }

  /**
   * Decodes the struct's bytes.
   *
   * @throws DecodeException if they are not exactly 11 bytes, or {@code N} is outside 1..256,
   *     {@code T} is 0, {@code R} is outside 1..4, or {@code D} is not above {@code R × T}
   *     ([SM-AUTH-7])
   */
  static SenderAuthRequirement decode(byte[] data) throws DecodeException {
    if (data.length != ENCODED_LENGTH) {
      throw new DecodeException("sender authentication: " + data.length + " bytes, expected "
          + ENCODED_LENGTH);
    }
    TlsReader in = TlsReader.of(data);
    int n = in.readUint16();
    long t = in.readUint32();
    int r = in.readUint8();
    long d = in.readUint32();
    if (n < 1 || n > TagSignatureFrame.MAX_SECTION_ENTRIES) {
      throw new DecodeException("sender authentication: frames_per_signature " + n
          + " not in 1.." + TagSignatureFrame.MAX_SECTION_ENTRIES);
    }
    if (t < 1) {
      throw new DecodeException("sender authentication: max_delay_ms is 0");
    }
    if (r < 1 || r > 4) {
      throw new DecodeException("sender authentication: copies " + r + " not in 1..4");
    }
    if (d <= r * t) {
      throw new DecodeException("sender authentication: deadline_ms " + d
          + " not above copies × max_delay_ms");
    }
    return new SenderAuthRequirement(n, Duration.ofMillis(t), r, Duration.ofMillis(d));
  }

  /** Whether the two lists carry the same extension bytes (or both lack it). */
  static boolean sameIn(List<Extension> a, List<Extension> b) {
    return ExtensionFields.sameIn(EXTENSION_TYPE, a, b);
  }
}
