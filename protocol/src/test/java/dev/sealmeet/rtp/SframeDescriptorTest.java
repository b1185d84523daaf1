package dev.sealmeet.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SFrame payload descriptor (draft-ietf-avtcore-rtp-sframe-02 §4, [SM-RTP-1]). */
class SframeDescriptorTest {

  @Test
  @DisplayName("[SM-RTP-1] S, E and T round-trip in the top three bits, reserved bits sent as 0")
  void encodeDecode_allFlags_roundTrip() throws DecodeException {
    for (int v = 0; v < 8; v++) {
      SframeDescriptor d = new SframeDescriptor((v & 4) != 0, (v & 2) != 0,
          (v & 1) != 0 ? SframeRtpMode.PER_PACKET : SframeRtpMode.PER_FRAME);
      byte b = d.encode();
      assertThat(b & 0x1f).isZero();
      assertThat(b & 0xff).isEqualTo(v << 5);
      assertThat(SframeDescriptor.decode(b)).isEqualTo(d);
    }
  }

  @Test
  @DisplayName("[SM-RTP-1] any reserved bit set is a DecodeException")
  void decode_reservedBits_areRejected() {
    for (int bit = 0; bit < 5; bit++) {
      byte b = (byte) (0xe0 | (1 << bit));
      assertThatThrownBy(() -> SframeDescriptor.decode(b)).isInstanceOf(DecodeException.class)
          .hasMessageContaining("reserved");
    }
  }
}
