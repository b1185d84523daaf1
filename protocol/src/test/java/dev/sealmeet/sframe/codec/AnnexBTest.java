package dev.sealmeet.sframe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Start-code normalization, and a codec-aware H.264/H.265 frame through a simulated RTP path that
 * drops start codes and writes its own (RFC 6184 §5.6–5.8, RFC 7798 §4.4).
 */
class AnnexBTest {

  /** What a packetizer sends and a depacketizer rebuilds: NAL units, joined by 00 00 00 01. */
  static byte[] throughRtp(byte[] annexB) {
    List<byte[]> nals = new ArrayList<>();
    int code = AnnexBClearBytes.nextStartCode(annexB, 0);
    while (code >= 0) {
      int next = AnnexBClearBytes.nextStartCode(annexB, code + 3);
      int end = next < 0 ? annexB.length : next;
      while (end > code + 3 && annexB[end - 1] == 0) {
        end--;
      }
      nals.add(Arrays.copyOfRange(annexB, code + 3, end));
      code = next;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] nal : nals) {
      out.write(0);
      out.write(0);
      out.write(0);
      out.write(1);
      out.write(nal, 0, nal.length);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(value = MediaCodec.class, names = {"H264", "H265"})
  @DisplayName("[SM-CODEC-3] a normalized frame survives an RTP path that rewrites start codes; an unnormalized one fails authentication")
  void normalizedFrame_survivesRtpStartCodes(MediaCodec codec) throws SealmeetException {
    CodecAwareFrameTest.Pair pair = new CodecAwareFrameTest.Pair();
    int shortCodes = 0;
    for (byte[] frame : MediaFiles.frames(codec)) {
      byte[] normalized = AnnexB.normalizeStartCodes(frame);
      assertThat(AnnexB.normalizeStartCodes(normalized)).isEqualTo(normalized);
      assertThat(throughRtp(normalized)).isEqualTo(normalized);
      byte[] wire = pair.protector.protect(CodecAwareFrameTest.KID, codec, null, normalized);
      assertThat(throughRtp(wire)).as("the protected frame, NAL by NAL").isEqualTo(wire);
      assertThat(pair.unprotector.unprotect(null, throughRtp(wire))).isEqualTo(normalized);
      if (!Arrays.equals(throughRtp(frame), frame)) {
        shortCodes++;
        byte[] raw = pair.protector.protect(CodecAwareFrameTest.KID, codec, null, frame);
        assertThatThrownBy(() -> pair.unprotector.unprotect(null, throughRtp(raw)))
            .isInstanceOfAny(DecodeException.class, dev.sealmeet.error.AuthenticationException.class);
      }
    }
    assertThat(shortCodes).as("frames the encoder wrote with 3-byte start codes").isPositive();
  }

  @Test
  void normalize_rejectsWhatIsNotAnnexB() {
    assertThatThrownBy(() -> AnnexB.normalizeStartCodes(new byte[] {1, 2, 3}))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> AnnexB.normalizeStartCodes(new byte[] {5, 0, 0, 1, 0x65}))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> AnnexB.normalizeStartCodes(new byte[] {0, 0, 1, 0x65, 0, 0, 1}))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  @DisplayName("[SM-CODEC-1] the start-code scan finds every 00 00 01 a byte loop finds, at every alignment")
  void nextStartCode_agreesWithAByteLoop() {
    java.util.Random random = new java.util.Random(6184);
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] data = new byte[random.nextInt(70)];
      for (int i = 0; i < data.length; i++) {
        int r = random.nextInt(10);
        data[i] = (byte) (r < 3 ? 0 : r == 3 ? 1 : 2 + random.nextInt(254));
      }
      int from = random.nextInt(data.length + 1);
      int expected = -1;
      for (int i = from; i + 2 < data.length; i++) {
        if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
          expected = i;
          break;
        }
      }
      assertThat(AnnexBClearBytes.nextStartCode(data, from)).as("trial %d", trial)
          .isEqualTo(expected);
    }
  }
}
