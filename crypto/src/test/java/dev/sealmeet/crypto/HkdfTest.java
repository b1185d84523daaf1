package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HkdfTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 5869 Appendix A.1: two output blocks, so T(1) feeds T(2). */
  @Test
  void expand_rfc5869CaseOne_matches() {
    byte[] prk = HEX.parseHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
    assertThat(HEX.formatHex(Hkdf.SHA256.expand(prk, info, 42))).isEqualTo(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void expandInto_multiBlockOutput_wipesIntermediateBlock() {
    byte[] block = new byte[32];
    byte[] out = new byte[80];
    Hkdf.SHA256.expandInto(new byte[32], new byte[] {1}, out, block);
    assertThat(block).containsOnly(0);
    assertThat(out).isNotEqualTo(new byte[80]);
  }
}
