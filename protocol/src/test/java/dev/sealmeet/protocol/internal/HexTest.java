package dev.sealmeet.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.testing.Gens;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link Hex} against the JDK's {@link HexFormat}, which the tests may use and main code may not. */
class HexTest {
  @Test
  void encode_anyBytes_matchesHexFormat() {
    qt().withExamples(500).forAll(Gens.bytes(0, 64)).checkAssert(b -> {
      assertThat(Hex.encode(b)).isEqualTo(HexFormat.of().formatHex(b));
      assertThat(Hex.decode(Hex.encode(b))).isEqualTo(b);
    });
  }

  @Test
  void decode_upperCase_isAccepted() {
    assertThat(Hex.decode("00FFa0")).containsExactly(0x00, 0xFF, 0xA0);
  }

  @Test
  void decode_oddLengthOrNonDigit_isRejected() {
    assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hex.decode("0g")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hex.decode("+1")).isInstanceOf(IllegalArgumentException.class);
  }
}
