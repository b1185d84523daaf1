package dev.sealmeet.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The RTP packet model (RFC 3550 §5.1): exact round trip, strict parsing of hostile datagrams. */
class RtpPacketTest {
  static final byte[] PAYLOAD = {(byte) 0xc0, 1, 2, 3};

  /** A fixed header with version, P, X, CC and PT/M bytes as given. */
  static byte[] header(int b0, int b1) {
    return new byte[] {(byte) b0, (byte) b1, 0x12, 0x34, 0, 0, 0x0b, (byte) 0xb8, 1, 2, 3, 4};
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void encodeDecode_isIdentity() throws DecodeException {
    RtpPacket p = new RtpPacket(true, 96, 65535, 0xffffffffL, 0x01020304L, PAYLOAD);
    byte[] wire = p.encode();
    assertThat(wire).hasSize(12 + PAYLOAD.length);
    assertThat(wire[0] & 0xff).isEqualTo(0x80);
    assertThat(wire[1] & 0xff).isEqualTo(0x80 | 96);
    assertThat(RtpPacket.decode(wire)).isEqualTo(p);
  }

  @Test
  void decode_csrcExtensionAndPadding_areSkipped() throws DecodeException {
    byte[] csrcs = {9, 9, 9, 9, 8, 8, 8, 8};
    byte[] extension = {(byte) 0xbe, (byte) 0xde, 0, 1, 0x10, 0x55, 0, 0};
    byte[] padding = {0, 0, 3};
    byte[] wire = concat(header(0x80 | 0x20 | 0x10 | 2, 96), csrcs, extension, PAYLOAD, padding);
    RtpPacket p = RtpPacket.decode(wire);
    assertThat(p.payload()).containsExactly(PAYLOAD);
    assertThat(p.sequenceNumber()).isEqualTo(0x1234);
    assertThat(p.timestamp()).isEqualTo(3000);
    assertThat(p.ssrc()).isEqualTo(0x01020304L);
    assertThat(p.marker()).isFalse();
  }

  @Test
  @DisplayName("RFC 3550 §5.1: short datagrams, version other than 2, CC, X and P beyond the bytes fail")
  void decode_malformed_isRejected() {
    assertThatThrownBy(() -> RtpPacket.decode(new byte[11])).isInstanceOf(DecodeException.class)
        .hasMessageContaining("fixed header");
    for (int version : new int[] {0, 1, 3}) {
      assertThatThrownBy(() -> RtpPacket.decode(concat(header(version << 6, 96), PAYLOAD)))
          .isInstanceOf(DecodeException.class).hasMessageContaining("version");
    }
    assertThatThrownBy(() -> RtpPacket.decode(concat(header(0x80 | 15, 96), PAYLOAD)))
        .isInstanceOf(DecodeException.class).hasMessageContaining("CSRC");
    assertThatThrownBy(() -> RtpPacket.decode(concat(header(0x90, 96), new byte[] {0, 0, 0})))
        .isInstanceOf(DecodeException.class).hasMessageContaining("extension");
    assertThatThrownBy(() -> RtpPacket.decode(
        concat(header(0x90, 96), new byte[] {0, 0, (byte) 0xff, (byte) 0xff}, PAYLOAD)))
        .isInstanceOf(DecodeException.class).hasMessageContaining("65535 words");
    assertThatThrownBy(() -> RtpPacket.decode(concat(header(0xa0, 96), new byte[] {1, 2, 0})))
        .isInstanceOf(DecodeException.class).hasMessageContaining("padding count 0");
    assertThatThrownBy(() -> RtpPacket.decode(concat(header(0xa0, 96), new byte[] {1, 2, 4})))
        .isInstanceOf(DecodeException.class).hasMessageContaining("padding count 4");
    assertThatThrownBy(() -> RtpPacket.decode(header(0xa0, 96)))
        .isInstanceOf(DecodeException.class).hasMessageContaining("padding");
  }

  @Test
  void constructor_outOfRangeFields_areRefused() {
    assertThatThrownBy(() -> new RtpPacket(false, 128, 0, 0, 0, PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RtpPacket(false, 0, 65536, 0, 0, PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RtpPacket(false, 0, 0, 1L << 32, 0, PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_showsLengthNotBytes() {
    assertThat(new RtpPacket(false, 96, 1, 2, 3, new byte[] {0x7a, 0x7b}).toString())
        .contains("2 bytes").doesNotContain("7a");
  }
}
