package dev.sealmeet.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The depacketizer (draft-ietf-avtcore-rtp-sframe-02 §5.2, {@code protocol.md} §2.9) against
 * hostile and unlucky streams: every refusal is typed and changes nothing, and its memory stays
 * within its limits.
 */
class SframeDepacketizerTest {
  static final long SSRC = 0x5ea1L;
  static final int PT = 96;
  static final DepacketizerLimits SMALL = new DepacketizerLimits(64, 32, 65536, 16);

  static SframeDepacketizer depacketizer() {
    return new SframeDepacketizer(SSRC, SMALL);
  }

  static RtpPacket packet(int seq, long ts, int descriptor, int... body) {
    byte[] bytes = new byte[body.length];
    for (int i = 0; i < body.length; i++) {
      bytes[i] = (byte) body[i];
    }
    return packet(seq, ts, descriptor, bytes);
  }

  static RtpPacket packet(int seq, long ts, int descriptor, byte[] body) {
    byte[] payload = new byte[1 + body.length];
    payload[0] = (byte) descriptor;
    System.arraycopy(body, 0, payload, 1, body.length);
    return new RtpPacket((descriptor & 0x40) != 0, PT, seq, ts, SSRC, payload);
  }

  static byte[] frame(int length, int seed) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (seed * 31 + i);
    }
    return out;
  }

  static List<SframeRtpFrame> pushAll(SframeDepacketizer d, List<RtpPacket> packets)
      throws SealmeetException {
    List<SframeRtpFrame> out = new ArrayList<>();
    for (RtpPacket p : packets) {
      out.addAll(d.push(p.encode()).frames());
    }
    return out;
  }

  @Test
  @DisplayName("§5.2: fragments in reverse order give the ciphertext once, with its header fields")
  void push_reversedFragments_giveTheFrame() throws SealmeetException {
    SframePacketizer packetizer = new SframePacketizer(100, PT, SSRC, 65530);
    byte[] sframe = frame(1000, 1);
    List<RtpPacket> packets = new ArrayList<>(packetizer.packetize(sframe, 7, true,
        SframeRtpMode.PER_FRAME));
    assertThat(packets).hasSize(12); // 87 bytes per packet; wraps past 65535
    Collections.reverse(packets);
    SframeDepacketizer d = depacketizer();
    List<SframeRtpFrame> frames = pushAll(d, packets);
    assertThat(frames).hasSize(1);
    SframeRtpFrame f = frames.get(0);
    assertThat(f.sframe()).containsExactly(sframe);
    assertThat(f.timestamp()).isEqualTo(7);
    assertThat(f.marker()).isTrue();
    assertThat(f.mode()).isEqualTo(SframeRtpMode.PER_FRAME);
    assertThat(f.firstSequenceNumber()).isEqualTo(65530);
    assertThat(f.lastSequenceNumber()).isEqualTo(5);
    assertThat(d.bufferedPackets()).isZero();
    assertThat(d.bufferedBytes()).isZero();
  }

  @Test
  @DisplayName("[SM-RTP-3] a duplicate, before or after its frame completes, is a ReplayException")
  void push_duplicate_isRefusedAndChangesNothing() throws SealmeetException {
    SframeDepacketizer d = depacketizer();
    d.push(packet(10, 1, 0x80, 1, 2));
    assertThatThrownBy(() -> d.push(packet(10, 1, 0x80, 1, 2))).isInstanceOf(ReplayException.class);
    assertThat(d.bufferedPackets()).isEqualTo(1);
    assertThat(d.push(packet(11, 1, 0x40, 3)).frames()).hasSize(1);
    assertThatThrownBy(() -> d.push(packet(11, 1, 0x40, 3))).isInstanceOf(ReplayException.class);
    assertThatThrownBy(() -> d.push(packet(10, 1, 0x80, 9, 9))).isInstanceOf(ReplayException.class);
    assertThat(d.bufferedPackets()).isZero();
  }

  @Test
  @DisplayName("[SM-RTP-3] a packet behind the window is refused; a jump ahead gives up what falls behind")
  void push_hugeGaps_stayBounded() throws SealmeetException {
    SframeDepacketizer d = depacketizer();
    d.push(packet(100, 1, 0x80, 1)); // S only, never completed
    Depacketized jump = d.push(packet(100 + 30000, 2, 0x80, 2));
    assertThat(jump.incompleteTimestamps()).containsExactly(1L);
    assertThat(d.bufferedPackets()).isEqualTo(1);
    assertThatThrownBy(() -> d.push(packet(101, 1, 0x40, 3))).isInstanceOf(ReplayException.class)
        .hasMessageContaining("window");
    assertThatThrownBy(() -> d.push(packet(100 + 30000 - 64, 1, 0xc0, 3)))
        .isInstanceOf(ReplayException.class);
    assertThat(d.bufferedPackets()).isEqualTo(1);
    assertThat(d.push(packet(100 + 30000 - 63, 3, 0xc0, 4)).frames()).hasSize(1);
  }

  @Test
  @DisplayName("[SM-RTP-3] a flood of starts that never end is bounded by packets and bytes")
  void push_flood_isBounded() throws SealmeetException {
    SframeDepacketizer packetBound = depacketizer();
    List<Long> givenUp = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      givenUp.addAll(packetBound.push(packet(i, i, 0x80, 1)).incompleteTimestamps());
      assertThat(packetBound.bufferedPackets()).isLessThanOrEqualTo(SMALL.maxPackets());
    }
    assertThat(givenUp).hasSize(1000 - SMALL.maxPackets());
    SframeDepacketizer byteBound = new SframeDepacketizer(SSRC,
        new DepacketizerLimits(64, 64, 65536, 16));
    for (int i = 0; i < 200; i++) {
      byteBound.push(packet(i, i, 0x00, new byte[1400]));
      assertThat(byteBound.bufferedBytes()).isLessThanOrEqualTo(65536);
    }
    assertThat(byteBound.bufferedPackets()).isEqualTo(65536 / 1401);
  }

  @Test
  @DisplayName("[SM-RTP-3] a run longer than maxFramePackets is never assembled")
  void push_overlongRun_isNotAssembled() throws SealmeetException {
    SframeDepacketizer d = depacketizer();
    List<RtpPacket> run = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      run.add(packet(i, 1, (i == 0 ? 0x80 : 0) | (i == 16 ? 0x40 : 0), 1));
    }
    assertThat(pushAll(d, run)).isEmpty();
    assertThat(d.flush().incompleteTimestamps()).containsExactly(1L);
    assertThat(d.bufferedPackets()).isZero();
  }

  @Test
  @DisplayName("[SM-RTP-2] fragments that disagree on T, PT or timestamp are dropped, never joined")
  void push_inconsistentRun_isDropped() throws SealmeetException {
    int[][] seconds = {{0x60, PT, 1}, {0x40, PT + 1, 1}, {0x40, PT, 2}};
    for (int[] second : seconds) {
      SframeDepacketizer d = depacketizer();
      d.push(packet(1, 1, 0x80, 1));
      byte[] payload = {(byte) second[0], 2};
      Depacketized out = d.push(new RtpPacket(true, second[1], 2, second[2], SSRC, payload));
      assertThat(out.frames()).isEmpty();
      assertThat(out.incompleteTimestamps()).isNotEmpty();
      assertThat(d.bufferedPackets()).isZero();
    }
  }

  @Test
  @DisplayName("§5.2 step 3: an S inside a run starts a new run; the lone earlier start is given up later")
  void push_restartInsideRun_takesSmallestRun() throws SealmeetException {
    SframeDepacketizer d = depacketizer();
    d.push(packet(1, 1, 0x80, 1));
    d.push(packet(2, 2, 0x80, 2));
    List<SframeRtpFrame> frames = d.push(packet(3, 2, 0x40, 3)).frames();
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).sframe()).containsExactly(new byte[] {2, 3});
    assertThat(d.flush().incompleteTimestamps()).containsExactly(1L);
  }

  @Test
  @DisplayName("[SM-RTP-1] malformed packets are typed errors and change nothing")
  void push_malformed_isRefusedAndChangesNothing() throws SealmeetException {
    SframeDepacketizer d = depacketizer();
    d.push(packet(1, 1, 0x80, 1));
    assertThatThrownBy(() -> d.push(new byte[5])).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> d.push(packet(2, 1, 0x41))).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> d.push(packet(2, 1, 0x40))).isInstanceOf(DecodeException.class)
        .hasMessageContaining("no SFrame descriptor and fragment");
    assertThatThrownBy(() -> d.push(new RtpPacket(false, PT, 2, 1, SSRC + 1, new byte[] {0x40, 1})))
        .isInstanceOf(ProtocolException.class);
    assertThat(d.bufferedPackets()).isEqualTo(1);
    assertThat(d.push(packet(2, 1, 0x40, 2)).frames()).hasSize(1);
  }
}
