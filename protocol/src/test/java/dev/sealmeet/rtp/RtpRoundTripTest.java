package dev.sealmeet.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.codec.CodecAwareProtector;
import dev.sealmeet.sframe.codec.CodecAwareUnprotector;
import dev.sealmeet.sframe.codec.MediaCodec;
import dev.sealmeet.sframe.codec.MediaFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The clips of {@code spec/vectors/media/} through codec-aware SFrame, RTP and a lossy, reordering,
 * duplicating, layer-dropping relay ({@code protocol.md} §2.9, [SM-RTP-2], [SM-RTP-3]), for every
 * codec in both modes: every frame the receiver gets is byte-identical to the sender's, a frame the
 * relay dropped or that lost a packet is never delivered, and one with a packet lost is reported
 * incomplete. Seeded: a failure names its seed.
 */
class RtpRoundTripTest {
  static final long KID = 7;
  static final long SSRC = 0x0a0b0c0dL;
  static final int PT = 96;
  static final int FIRST_SEQ = 65500; // wraps within the clip
  static final int SEEDS = 25;

  /** What one run saw, for the assertions and the totals. */
  static final class Outcome {
    final Map<Long, byte[]> sent = new LinkedHashMap<>();
    final Map<Long, Integer> packetsPerFrame = new HashMap<>();
    final Map<Long, Integer> packetsArrived = new HashMap<>();
    final Map<Long, byte[]> delivered = new HashMap<>();
    final Set<Long> incomplete = new HashSet<>();
    List<Long> layerDropped = List.of();
    List<Long> peekedKids = List.of();
    int packets;
    long wireBytes;
  }

  @TestFactory
  Stream<DynamicTest> everyCodec_bothModes_lossyRelay() {
    List<DynamicTest> tests = new ArrayList<>();
    for (MediaCodec codec : MediaCodec.values()) {
      for (SframeRtpMode mode : SframeRtpMode.values()) {
        tests.add(DynamicTest.dynamicTest(codec + " / " + mode, () -> runSeeds(codec, mode)));
      }
    }
    return tests.stream();
  }

  static void runSeeds(MediaCodec codec, SframeRtpMode mode) throws SealmeetException {
    int delivered = 0;
    int lost = 0;
    int layerDropped = 0;
    int reported = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      boolean lossless = seed == 0;
      int mtu = seed % 2 == 0 ? 1200 : 300;
      Outcome o = run(codec, mode, new Random(seed), mtu, lossless ? 0 : 0.08, 0.1, 6);
      String where = codec + " / " + mode + " / seed " + seed + " / mtu " + mtu;
      for (Map.Entry<Long, byte[]> e : o.sent.entrySet()) {
        long ts = e.getKey();
        boolean allArrived = o.packetsArrived.getOrDefault(ts, 0).equals(o.packetsPerFrame.get(ts));
        if (o.delivered.containsKey(ts)) {
          assertThat(o.delivered.get(ts)).as(where + " ts " + ts).containsExactly(e.getValue());
          assertThat(allArrived).as(where + " ts " + ts + " delivered with a packet missing").isTrue();
          assertThat(o.layerDropped).as(where).doesNotContain(ts);
          delivered++;
        } else if (!o.layerDropped.contains(ts)) {
          lost++;
          if (lossless) {
            throw new AssertionError(where + ": ts " + ts + " lost without loss");
          }
          if (o.packetsArrived.getOrDefault(ts, 0) > 0) {
            assertThat(o.incomplete).as(where + " ts " + ts + " not reported").contains(ts);
          }
        }
      }
      layerDropped += o.layerDropped.size();
      assertThat(o.peekedKids).as(where + " KIDs a relay read").allMatch(k -> k == KID);
      if (seed < 2) {
        System.out.println(where + ": " + o.packets + " packets, " + o.wireBytes
            + " bytes on the wire for " + o.sent.values().stream().mapToInt(f -> f.length).sum()
            + " bytes of media, " + o.peekedKids.size() + " KIDs peeked by the relay");
      }
      reported += o.incomplete.size();
      if (codec == MediaCodec.H265 || codec == MediaCodec.VP8) {
        assertThat(o.layerDropped).as(where + " layer 1 dropped").isNotEmpty();
      }
    }
    System.out.println(codec + " / " + mode + ": " + delivered + " frames delivered identical, "
        + lost + " lost, " + layerDropped + " dropped by layer, " + reported
        + " timestamps reported incomplete, over " + SEEDS + " seeds");
    assertThat(delivered).as(codec + " / " + mode + " frames delivered").isPositive();
    assertThat(lost).as(codec + " / " + mode + " frames lost").isPositive();
  }

  static Outcome run(MediaCodec codec, SframeRtpMode mode, Random random, int mtu, double loss,
      double duplicate, int span) throws SealmeetException {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128);
    byte[] key = new byte[16];
    random.nextBytes(key);
    sender.addKey(KID, Secret.copyOf(key));
    receiver.addKey(KID, Secret.copyOf(key));
    CodecAwareProtector protector = new CodecAwareProtector(sender);
    CodecAwareUnprotector unprotector = new CodecAwareUnprotector(receiver);
    SframePacketizer packetizer = new SframePacketizer(mtu, PT, SSRC, FIRST_SEQ);
    Outcome o = new Outcome();
    List<RtpPacket> sent = new ArrayList<>();
    List<byte[]> frames = MediaFiles.frames(codec);
    for (int i = 0; i < frames.size(); i++) {
      long ts = 1000 + 3000L * i;
      byte[] frame = frames.get(i);
      o.sent.put(ts, frame);
      List<RtpPacket> packets = new ArrayList<>();
      if (mode == SframeRtpMode.PER_FRAME) {
        packets.addAll(packetizer.packetize(protector.protect(KID, codec, null, frame), ts, true,
            mode));
      } else {
        List<MediaPayloads.Payload> payloads = MediaPayloads.split(codec, frame, mtu - 100);
        for (int k = 0; k < payloads.size(); k++) {
          MediaPayloads.Payload p = payloads.get(k);
          packets.addAll(packetizer.packetize(protector.protect(KID, p.protectAs(), null, p.bytes()),
              ts, k == payloads.size() - 1, mode));
        }
      }
      o.packetsPerFrame.put(ts, packets.size());
      sent.addAll(packets);
    }
    LayerRelay relay = new LayerRelay(codec);
    List<RtpPacket> forwarded = relay.forward(sent);
    o.layerDropped = relay.droppedTimestamps;
    o.peekedKids = relay.peekedKids;
    o.packets = sent.size();
    for (RtpPacket p : sent) {
      o.wireBytes += p.encode().length;
    }
    List<RtpPacket> arriving = LayerRelay.network(forwarded, random, loss, duplicate, span);
    Set<Integer> arrivedSeqs = new HashSet<>();
    for (RtpPacket p : arriving) {
      if (arrivedSeqs.add(p.sequenceNumber())) {
        o.packetsArrived.merge(p.timestamp(), 1, Integer::sum);
      }
    }
    SframeDepacketizer depacketizer = new SframeDepacketizer(SSRC, DepacketizerLimits.defaults());
    MediaAssembler assembler = new MediaAssembler(mode, (FIRST_SEQ) & 0xffff);
    for (RtpPacket p : arriving) {
      Depacketized out;
      try {
        out = depacketizer.push(p.encode());
      } catch (ReplayException duplicateCopy) {
        continue;
      }
      o.incomplete.addAll(out.incompleteTimestamps());
      for (SframeRtpFrame f : out.frames()) {
        assembler.add(f, unprotector.unprotect(null, f.sframe()));
      }
    }
    o.incomplete.addAll(depacketizer.flush().incompleteTimestamps());
    o.delivered.putAll(assembler.frames());
    o.incomplete.addAll(assembler.incomplete());
    return o;
  }
}
