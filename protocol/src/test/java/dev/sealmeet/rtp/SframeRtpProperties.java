package dev.sealmeet.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties of packetizer and depacketizer together ({@code protocol.md} §2.9): whatever the order,
 * loss and duplication of the packets, a frame comes out as the bytes that went in or not at all,
 * and a frame that does not come out is reported incomplete if any of its packets was accepted.
 */
class SframeRtpProperties {
  static final long SSRC = 42;

  @Test
  @DisplayName("[SM-RTP-2] any order, loss and duplication: the original frames or incomplete, never other bytes")
  void anyOrder_givesOriginalsOrIncomplete() {
    qt().withExamples(1000).forAll(Gens.lists(Gens.bytes(1, 300), 1, 8), Gens.ints(
        SframePacketizer.MIN_MTU, 200), Gens.anyLong(), Gens.ints(0, 3))
        .checkAssert(Checked.of((frames, mtu, seed, lossTenths) -> {
          Random random = new Random(seed);
          SframeRtpMode mode = random.nextBoolean() ? SframeRtpMode.PER_FRAME : SframeRtpMode.PER_PACKET;
          SframePacketizer packetizer = new SframePacketizer(mtu, 96, SSRC, random.nextInt(65536));
          Map<Long, byte[]> sent = new HashMap<>();
          List<RtpPacket> packets = new ArrayList<>();
          for (int i = 0; i < frames.size(); i++) {
            sent.put((long) i, frames.get(i));
            packets.addAll(packetizer.packetize(frames.get(i), i, true, mode));
          }
          List<RtpPacket> arriving = new ArrayList<>();
          Set<Long> touched = new HashSet<>();
          for (RtpPacket p : packets) {
            if (random.nextInt(10) < lossTenths) {
              continue;
            }
            arriving.add(p);
            if (random.nextInt(5) == 0) {
              arriving.add(p);
            }
          }
          Collections.shuffle(arriving, random);
          SframeDepacketizer d = new SframeDepacketizer(SSRC, DepacketizerLimits.defaults());
          Map<Long, byte[]> delivered = new HashMap<>();
          Set<Long> incomplete = new HashSet<>();
          for (RtpPacket p : arriving) {
            Depacketized out;
            try {
              out = d.push(p.encode());
            } catch (ReplayException duplicateOrTooLate) {
              continue;
            }
            touched.add(p.timestamp()); // accepted: buffered or delivered
            incomplete.addAll(out.incompleteTimestamps());
            for (SframeRtpFrame f : out.frames()) {
              assertThat(delivered.put(f.timestamp(), f.sframe())).as("delivered twice").isNull();
              assertThat(f.mode()).isEqualTo(mode);
            }
          }
          incomplete.addAll(d.flush().incompleteTimestamps());
          for (Map.Entry<Long, byte[]> e : delivered.entrySet()) {
            assertThat(e.getValue()).containsExactly(sent.get(e.getKey()));
            assertThat(incomplete).doesNotContain(e.getKey());
          }
          for (long ts : sent.keySet()) {
            if (!delivered.containsKey(ts)) {
              // without loss, only a shuffle wider than the reorder window loses a frame
              assertThat(lossTenths > 0 || packets.size() > 512).as("lost without loss").isTrue();
              if (touched.contains(ts)) {
                assertThat(incomplete).as("not reported").contains(ts);
              }
            }
          }
          assertThat(d.bufferedPackets()).isZero();
        }));
  }

  @Test
  @DisplayName("[SM-RTP-1] [SM-RTP-3] arbitrary datagrams: accepted or a typed error, state bounded")
  void arbitraryDatagrams_typedErrorsAndBoundedState() {
    DepacketizerLimits limits = new DepacketizerLimits(64, 16, 65536, 8);
    qt().withExamples(300).forAll(Gens.lists(Gens.bytes(0, 40), 1, 200), Gens.anyLong())
        .checkAssert(Checked.of((datagrams, seed) -> {
          Random random = new Random(seed);
          SframeDepacketizer d = new SframeDepacketizer(SSRC, limits);
          for (byte[] raw : datagrams) {
            byte[] datagram = raw.clone();
            if (datagram.length >= 12 && random.nextBoolean()) { // plausible header, this SSRC
              datagram[0] = (byte) (0x80 | (datagram[0] & 0x3f));
              datagram[8] = 0;
              datagram[9] = 0;
              datagram[10] = 0;
              datagram[11] = (byte) SSRC;
            }
            try {
              d.push(datagram);
            } catch (DecodeException | ProtocolException | ReplayException expected) {
              // typed refusal
            }
            assertThat(d.bufferedPackets()).isLessThanOrEqualTo(limits.maxPackets());
            assertThat(d.bufferedBytes()).isLessThanOrEqualTo(limits.maxBytes());
          }
        }));
  }
}
