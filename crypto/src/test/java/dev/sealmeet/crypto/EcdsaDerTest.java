package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EcdsaDerTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void decode_minimalPair_returnsIntegers() {
    assertThat(EcdsaDer.decode(hex("3007020101020200ff")))
        .containsExactly(BigInteger.ONE, BigInteger.valueOf(255));
    assertThat(EcdsaDer.decode(hex("300602010102017f")))
        .containsExactly(BigInteger.ONE, BigInteger.valueOf(127));
  }

  @Test
  void encodeThenDecode_longValues_useLongFormAndRoundTrip() {
    BigInteger r = new BigInteger("ff".repeat(66), 16);
    byte[] der = EcdsaDer.encode(r, r);
    assertThat(der[1]).isEqualTo((byte) 0x81); // 138 content bytes: long form
    assertThat(der[2]).isEqualTo((byte) 138);
    assertThat(EcdsaDer.decode(der)).containsExactly(r, r);
  }

  @Test
  void decode_nonDer_returnsNull() {
    assertThat(EcdsaDer.decode(hex("3008020101020200ff00"))).as("extra in sequence").isNull();
    assertThat(EcdsaDer.decode(hex("3007020101020200ff00"))).as("trailing after").isNull();
    assertThat(EcdsaDer.decode(hex("308107020101020200ff"))).as("long form < 128").isNull();
    assertThat(EcdsaDer.decode(hex("30080201010203 0000ff".replace(" ", ""))))
        .as("leading zero").isNull();
    assertThat(EcdsaDer.decode(hex("3007020200010201 01".replace(" ", ""))))
        .as("leading zero before 01").isNull();
    assertThat(EcdsaDer.decode(hex("30060201010201ff"))).as("negative").isNull();
    assertThat(EcdsaDer.decode(hex("30050201010200"))).as("empty integer").isNull();
    assertThat(EcdsaDer.decode(hex("308002010102010100 00".replace(" ", ""))))
        .as("indefinite").isNull();
    assertThat(EcdsaDer.decode(hex("3106020101020101"))).as("wrong tag").isNull();
    assertThat(EcdsaDer.decode(hex("3006020101020201"))).as("truncated").isNull();
    assertThat(EcdsaDer.decode(new byte[0])).as("empty").isNull();
  }
}
