package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@code sealmeet_sender_authentication} GroupContext extension (spec §2.7): its bytes, and a
 * decoder that refuses anything malformed, trailing or out of range with a {@link
 * DecodeException}.
 */
class SenderAuthRequirementTest {
  /** N = 16, T = 250 ms, R = 2, D = 1,000 ms: the defaults' bytes in spec §2.7. */
  private static final String DEFAULTS = "0020" + "000001f4" + "02" + "000005dc";

  @Test
  @DisplayName("the defaults encode as spec §2.7 shows and decode back [SM-AUTH-7]")
  void defaults_encodeAsTheSpecShows() throws DecodeException {
    SenderAuthRequirement defaults = SenderAuthRequirement.of(SenderAuthParams.defaults());
    assertThat(HexFormat.of().formatHex(defaults.encode())).isEqualTo(DEFAULTS);
    assertThat(defaults.toExtension().extensionType()).isEqualTo(0xF0A3);
    assertThat(HexFormat.of().formatHex(defaults.toExtension().extensionData()))
        .isEqualTo(DEFAULTS);
    assertThat(SenderAuthRequirement.decode(HexFormat.of().parseHex(DEFAULTS)))
        .isEqualTo(defaults);
    assertThat(defaults.params(null)).isEqualTo(SenderAuthParams.defaults());
  }

  @Test
  @DisplayName("a receiver's frames kept per KID stay its own [SM-AUTH-6]")
  void framesKept_areTheReceiversOwn() {
    SenderAuthParams local = new SenderAuthParams(8, Duration.ofMillis(100), 1,
        Duration.ofMillis(500), 1024);
    SenderAuthParams used = SenderAuthRequirement.of(SenderAuthParams.defaults()).params(local);
    assertThat(used).isEqualTo(new SenderAuthParams(32, Duration.ofMillis(500), 2,
        Duration.ofMillis(1500), 1024));
  }

  @Test
  @DisplayName("times are rounded up to whole milliseconds by the opener")
  void times_areRoundedUp() {
    SenderAuthRequirement r = SenderAuthRequirement.of(new SenderAuthParams(4,
        Duration.ofNanos(2_500_000), 3, Duration.ofNanos(9_000_001), 256));
    assertThat(r.maxDelay()).isEqualTo(Duration.ofMillis(3));
    assertThat(r.deadline()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  @DisplayName("malformed, trailing or out-of-range bytes are refused [SM-AUTH-7]")
  void malformed_isRefused() {
    List<String> bad = List.of(
        "", // empty
        DEFAULTS.substring(2), // short
        DEFAULTS + "00", // trailing
        "0000" + "000000fa" + "02" + "000003e8", // N = 0
        "0101" + "000000fa" + "02" + "000003e8", // N = 257
        "0010" + "00000000" + "02" + "000003e8", // T = 0
        "0010" + "000000fa" + "00" + "000003e8", // R = 0
        "0010" + "000000fa" + "05" + "000003e8", // R = 5
        "0010" + "000000fa" + "02" + "000001f4", // D = R × T
        "0010" + "ffffffff" + "04" + "ffffffff"); // D below R × T, no overflow
    for (String hex : bad) {
      assertThatThrownBy(() -> SenderAuthRequirement.decode(HexFormat.of().parseHex(hex)))
          .as(hex).isInstanceOf(DecodeException.class);
    }
  }

  @Test
  @DisplayName("the bounds themselves decode [SM-AUTH-7]")
  void bounds_decode() throws DecodeException {
    SenderAuthRequirement r = SenderAuthRequirement.decode(HexFormat.of().parseHex(
        "0100" + "00000001" + "04" + "00000005"));
    assertThat(r).isEqualTo(new SenderAuthRequirement(256, Duration.ofMillis(1), 4,
        Duration.ofMillis(5)));
    assertThat(SenderAuthRequirement.decode(HexFormat.of().parseHex(
        "0001" + "00000001" + "01" + "00000002")).framesPerSignature()).isEqualTo(1);
  }

  @Test
  @DisplayName("options refuse a requirement the group cannot carry")
  void options_refuseTimesBeyondUint32() {
    SenderAuthParams tooLong = new SenderAuthParams(16, Duration.ofMillis(250), 2,
        Duration.ofMillis(0x1_0000_0000L), 256);
    assertThatThrownBy(() -> MeetingOptions.defaults().withSenderAuthentication(tooLong))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MeetingOptions.defaults().senderAuthentication())
        .isEqualTo(SenderAuthParams.defaults());
    assertThat(MeetingOptions.defaults().withoutSenderAuthentication().senderAuthentication())
        .isNull();
  }
}
