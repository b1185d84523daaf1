package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code sealmeet_media_parameters} extension (spec §2.1): its bytes at the defaults, pinned
 * as the spec shows them; encode and decode as inverses; every malformed encoding refused with a
 * {@link DecodeException}, an unknown suite with {@link MeetingRule#MEDIA_PARAMETERS}.
 */
class MediaParametersTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The spec's example (§2.1): suite 4, E = 4, G = 2, T = 2,000 ms, send delay 1,000 ms. */
  static final String DEFAULT_HEX = "0004" + "04" + "02" + "000007d0" + "000003e8";

  @Test
  @DisplayName("the default extension's bytes are the spec's [SM-PARAM-1]")
  void defaults_encodeToTheSpecsBytes() {
    Extension e = MediaParameters.defaults().toExtension();
    assertThat(e.extensionType()).isEqualTo(0xF0A2);
    assertThat(HEX.formatHex(e.extensionData())).isEqualTo(DEFAULT_HEX);
    // As the spec prints it: the Extension struct (RFC 9420 §7.2), type then data<V>.
    assertThat(HEX.formatHex(e.toBytes())).isEqualTo("f0a2" + "0c" + DEFAULT_HEX);
    assertThat(MediaParameters.defaults()).isEqualTo(new MediaParameters(
        SframeSuite.AES_128_GCM_SHA256_128, new KidLayout(4),
        new GracePolicy(Duration.ofSeconds(2), 2), Duration.ofSeconds(1)));
  }

  @Test
  @DisplayName("non-default parameters survive encode and decode [SM-PARAM-2]")
  void nonDefault_roundTrips() throws SealmeetException {
    MediaParameters p = new MediaParameters(SframeSuite.AES_256_GCM_SHA512_128, new KidLayout(16),
        new GracePolicy(Duration.ofMillis(0xFFFF_FFFFL), 8), Duration.ofMillis(0xFFFF_FFFFL));
    assertThat(HEX.formatHex(p.encode())).isEqualTo("0005" + "10" + "08" + "ffffffff" + "ffffffff");
    assertThat(MediaParameters.decode(p.encode())).isEqualTo(p);
    assertThat(MediaParameters.in(List.of(p.toExtension()))).contains(p);
    assertThat(MediaParameters.in(List.of())).isEmpty();
  }

  @Test
  @DisplayName("the opener's times are rounded up to whole ms and the send delay cut to the grace")
  void of_roundsTimesUp_andCutsTheSendDelay() {
    MeetingOptions options = MeetingOptions.defaults()
        .withGrace(new GracePolicy(Duration.ofNanos(1_500_001), 1))
        .withMediaTransitions(MediaTransitions.defaults().withSendDelay(Duration.ofSeconds(9)));
    MediaParameters p = MediaParameters.of(options);
    assertThat(p.grace()).isEqualTo(new GracePolicy(Duration.ofMillis(2), 1));
    assertThat(p.sendDelay()).isEqualTo(Duration.ofMillis(2));
    assertThatThrownBy(() -> MediaParameters.of(MeetingOptions.defaults()
        .withGrace(new GracePolicy(Duration.ofDays(50), 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @TestFactory
  @DisplayName("malformed media parameters are refused [SM-PARAM-2]")
  Stream<DynamicTest> malformed_isRefused() {
    return Stream.of(
        new String[] {"empty", ""},
        new String[] {"one byte short", DEFAULT_HEX.substring(2)},
        new String[] {"a trailing byte", DEFAULT_HEX + "00"},
        new String[] {"the old uint16 suite alone", "0004"},
        new String[] {"E = 0", "0004" + "00" + "00" + "000007d0" + "000003e8"},
        new String[] {"E = 17", "0004" + "11" + "02" + "000007d0" + "000003e8"},
        new String[] {"G = 9", "0004" + "10" + "09" + "000007d0" + "000003e8"},
        new String[] {"G = 2^E (E = 1, G = 2)", "0004" + "01" + "02" + "000007d0" + "000003e8"},
        new String[] {"send delay above the grace time",
            "0004" + "04" + "02" + "000007d0" + "000007d1"})
        .map(c -> DynamicTest.dynamicTest(c[0], () -> assertThatThrownBy(
            () -> MediaParameters.in(List.of(new Extension(0xF0A2, HEX.parseHex(c[1])))))
            .isInstanceOf(DecodeException.class)));
  }

  @Test
  @DisplayName("the largest G below 2^E is accepted (E = 1, G = 1) [SM-PARAM-2]")
  void graceBelowTheEpochSlots_isAccepted() throws SealmeetException {
    MediaParameters p = MediaParameters.decode(HEX.parseHex("0004" + "01" + "01" + "00000000"
        + "00000000"));
    assertThat(p.grace().epochs()).isEqualTo(1);
    assertThat(p.kidLayout().epochBits()).isEqualTo(1);
  }

  @Test
  @DisplayName("a suite this client does not know or allow is MEDIA_PARAMETERS [SM-PARAM-1]")
  void unknownOrRefusedSuite_isMediaParameters() throws SealmeetException {
    for (String suite : List.of("0000", "0009", "f000")) {
      MeetingFixtures.assertBreaks(MeetingRule.MEDIA_PARAMETERS, () -> MediaParameters.decode(
          HEX.parseHex(suite + DEFAULT_HEX.substring(4))));
    }
    MediaParameters provisional = MediaParameters.decode(HEX.parseHex("0006"
        + DEFAULT_HEX.substring(4)));
    MeetingFixtures.assertBreaks(MeetingRule.MEDIA_PARAMETERS,
        () -> provisional.requireHonouredBy(SframeOptions.defaults()));
    assertThat(provisional.requireHonouredBy(SframeOptions.defaults().withProvisionalSuites(true)))
        .isSameAs(provisional);
  }
}
