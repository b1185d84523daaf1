package dev.sealmeet.sframe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Codec-aware frames ({@code protocol.md} §2.8) over the real bitstreams of
 * {@code spec/vectors/media/}: byte-identical round trips, clear bytes in place on the wire, and a
 * changed clear byte, map or mode refused ([SM-CODEC-3]).
 */
class CodecAwareFrameTest {
  static final long KID = 0x35;
  static final byte[] BASE_KEY = "codec-aware frame test base key!".getBytes(StandardCharsets.US_ASCII);
  static final byte[] METADATA = {1, 2, 3};

  /** A sender and a receiver sharing one key under {@link #KID}. */
  static final class Pair {
    final SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    final SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128);
    final CodecAwareProtector protector = new CodecAwareProtector(sender);
    final CodecAwareUnprotector unprotector = new CodecAwareUnprotector(receiver);

    Pair() {
      sender.addKey(KID, Secret.copyOf(Arrays.copyOf(BASE_KEY, 16)));
      receiver.addKey(KID, Secret.copyOf(Arrays.copyOf(BASE_KEY, 16)));
    }
  }

  /** The parts of a protected frame, read back with the unprotector's own reader. */
  record Parts(int mode, byte[] header, ClearMap map, byte[] tag, byte[] clearInPlace, byte[] sframe) {
    static Parts of(byte[] wire, int tagLength) throws DecodeException {
      int n = wire.length;
      int mode = (wire[n - 1] & 0xff) ^ CodecFrameFormat.MARKER_BASE;
      int trailerWire = ((wire[n - 3] & 0xff) << 8) | (wire[n - 2] & 0xff);
      int bodyEnd = n - 3 - trailerWire;
      byte[] trailer;
      if (mode == 0) {
        trailer = Arrays.copyOfRange(wire, bodyEnd, n - 3);
      } else {
        int zeros = Emulation.trailingZeros(wire, 0, bodyEnd);
        trailer = new byte[Emulation.unescapedLength(wire, bodyEnd, n - 3, zeros)];
        Emulation.unescape(wire, bodyEnd, n - 3, zeros, trailer.length, trailer, 0);
      }
      int headerLength = dev.sealmeet.sframe.SframeHeader.decode(java.nio.ByteBuffer.wrap(trailer))
          .encodedLength();
      byte[] mapBytes = Arrays.copyOfRange(trailer, headerLength, trailer.length - tagLength);
      ClearMap map = ClearMap.decode(mapBytes, bodyEnd);
      byte[] clear = new byte[map.frameLength()];
      byte[] sframe = new byte[headerLength + map.frameLength() - map.clearLength() + tagLength];
      FrameReader.readBody(wire, bodyEnd, mode, map, clear, sframe, headerLength);
      return new Parts(mode, Arrays.copyOf(trailer, headerLength), map,
          Arrays.copyOfRange(trailer, trailer.length - tagLength, trailer.length), clear, sframe);
    }

    /**
     * The wire frame with the same clear bytes and the same ciphertext, in order, laid out by
     * {@code newMap} (which must have as many clear bytes as the original).
     */
    byte[] rearrange(ClearMap newMap) {
      byte[] clearBytes = new byte[map.clearLength()];
      int at = 0;
      for (int i = 0; i < map.rangeCount(); i++) {
        System.arraycopy(clearInPlace, map.start(i), clearBytes, at, map.length(i));
        at += map.length(i);
      }
      byte[] frame = new byte[newMap.frameLength()];
      at = 0;
      for (int i = 0; i < newMap.rangeCount(); i++) {
        System.arraycopy(clearBytes, at, frame, newMap.start(i), newMap.length(i));
        at += newMap.length(i);
      }
      byte[] trailer = new byte[header.length + newMap.encodedLength() + tag.length];
      System.arraycopy(header, 0, trailer, 0, header.length);
      System.arraycopy(newMap.encode(), 0, trailer, header.length, newMap.encodedLength());
      System.arraycopy(tag, 0, trailer, trailer.length - tag.length, tag.length);
      return mode == 0 ? FrameWriter.plain(newMap, frame, sframe, header.length, trailer)
          : FrameWriter.escaped(newMap, frame, sframe, header.length, trailer);
    }

    /** The wire frame these parts make, with {@code map} instead of the original one. */
    byte[] rebuild(ClearMap newMap) {
      byte[] trailer = new byte[header.length + newMap.encodedLength() + tag.length];
      System.arraycopy(header, 0, trailer, 0, header.length);
      System.arraycopy(newMap.encode(), 0, trailer, header.length, newMap.encodedLength());
      System.arraycopy(tag, 0, trailer, trailer.length - tag.length, tag.length);
      // The body bytes as received: clear bytes where the new map says clear, ciphertext elsewhere.
      byte[] frame = clearInPlace.clone();
      byte[] all = new byte[sframe.length];
      System.arraycopy(sframe, 0, all, 0, header.length);
      int ct = header.length;
      for (int i = 0; i < frame.length; i++) {
        if (map.isClear(i)) {
          continue;
        }
        frame[i] = sframe[ct++]; // what the wire carried at i
      }
      int out = header.length;
      for (int i = 0; i < frame.length; i++) {
        if (!newMap.isClear(i)) {
          all[out++] = frame[i];
        }
      }
      byte[] padded = Arrays.copyOf(all, out + tag.length);
      return mode == 0 ? FrameWriter.plain(newMap, frame, padded, header.length, trailer)
          : FrameWriter.escaped(newMap, frame, padded, header.length, trailer);
    }
  }

  @ParameterizedTest
  @EnumSource(MediaCodec.class)
  @DisplayName("[SM-CODEC-1] every frame of the real clip round-trips byte for byte, clear bytes in place")
  void realClip_roundTrips_clearBytesInPlace(MediaCodec codec) throws SealmeetException {
    Pair pair = new Pair();
    for (byte[] frame : MediaFiles.frames(codec)) {
      byte[] wire = pair.protector.protect(KID, codec, METADATA, frame);
      List<ClearRange> ranges = codec.rule().clearRanges(frame);
      if (!codec.rule().annexB()) {
        for (ClearRange r : ranges) {
          assertThat(Arrays.copyOfRange(wire, r.offset(), r.end()))
              .as("%s clear range %s on the wire", codec, r)
              .isEqualTo(Arrays.copyOfRange(frame, r.offset(), r.end()));
        }
      }
      Parts parts = Parts.of(wire, 16);
      assertThat(parts.map()).isEqualTo(ClearMap.of(frame.length, ranges));
      assertThat(pair.unprotector.unprotect(METADATA, wire)).isEqualTo(frame);
    }
  }

  @ParameterizedTest
  @EnumSource(MediaCodec.class)
  @DisplayName("[SM-CODEC-3] a changed clear byte fails authentication, and the frame still opens afterwards")
  void clearByteChanged_failsAuthentication(MediaCodec codec) throws SealmeetException {
    Pair pair = new Pair();
    for (byte[] frame : MediaFiles.frames(codec)) {
      List<ClearRange> ranges = codec.rule().clearRanges(frame);
      if (ranges.isEmpty()) {
        continue; // Opus: no clear byte to change
      }
      byte[] wire = pair.protector.protect(KID, codec, METADATA, frame);
      // the last byte of the last header range: a NAL/OBU header or payload header byte, never 0
      ClearRange r = ranges.stream().filter(x -> x.reason() != ClearReason.ANNEX_B_START_CODE)
          .reduce((a, b) -> b).orElseThrow();
      int at = wireOffset(wire, frame, r.offset());
      byte[] tampered = wire.clone();
      tampered[at] ^= 0x40;
      assertThat(tampered[at]).isNotZero();
      assertThatThrownBy(() -> pair.unprotector.unprotect(METADATA, tampered))
          .isInstanceOf(AuthenticationException.class);
      assertThat(pair.unprotector.unprotect(METADATA, wire)).isEqualTo(frame);
    }
  }

  @ParameterizedTest
  @EnumSource(MediaCodec.class)
  @DisplayName("[SM-CODEC-3] a well-formed frame rebuilt with one more byte marked clear fails authentication")
  void mapChanged_wellFormed_failsAuthentication(MediaCodec codec) throws SealmeetException {
    Pair pair = new Pair();
    for (byte[] frame : MediaFiles.frames(codec)) {
      byte[] wire = pair.protector.protect(KID, codec, METADATA, frame);
      Parts parts = Parts.of(wire, 16);
      ClearMap map = parts.map();
      int extra = 0;
      while (map.isClear(extra)) {
        extra++; // the first encrypted byte
      }
      List<ClearRange> more = new java.util.ArrayList<>(codec.rule().clearRanges(frame));
      more.add(new ClearRange(extra, 1, ClearReason.VP8_PAYLOAD_HEADER));
      more.sort(java.util.Comparator.comparingInt(ClearRange::offset));
      byte[] forged = parts.rebuild(ClearMap.of(frame.length, more));
      assertThat(Parts.of(forged, 16).map()).isNotEqualTo(map); // well formed, another map
      assertThatThrownBy(() -> pair.unprotector.unprotect(METADATA, forged))
          .isInstanceOf(AuthenticationException.class);
      // the rebuilding is faithful: with the original map it opens
      assertThat(pair.unprotector.unprotect(METADATA, parts.rebuild(map))).isEqualTo(frame);
    }
  }

  @ParameterizedTest
  @EnumSource(value = MediaCodec.class, names = "OPUS", mode = EnumSource.Mode.EXCLUDE)
  @DisplayName("[SM-CODEC-3] [SM-CODEC-6] a well-formed frame whose map moves a clear range, same clear bytes and ciphertext, fails authentication")
  void clearRangeMoved_sameBytes_failsAuthentication(MediaCodec codec) throws SealmeetException {
    Pair pair = new Pair();
    for (byte[] frame : MediaFiles.frames(codec)) {
      byte[] wire = pair.protector.protect(KID, codec, METADATA, frame);
      Parts parts = Parts.of(wire, 16);
      ClearMap map = parts.map();
      int last = map.rangeCount() - 1;
      int previousEnd = last == 0 ? 0 : map.start(last - 1) + map.length(last - 1);
      int gapBefore = map.start(last) - previousEnd;
      int shift = gapBefore > (last == 0 ? 0 : 1) ? -1 : 1;
      if (shift == 1 && map.start(last) + map.length(last) == map.frameLength()) {
        continue; // nowhere to move it in this frame
      }
      List<ClearRange> moved = new java.util.ArrayList<>();
      for (int i = 0; i < map.rangeCount(); i++) {
        moved.add(new ClearRange(map.start(i) + (i == last ? shift : 0), map.length(i),
            ClearReason.AV1_OBU_HEADER));
      }
      byte[] forged = parts.rearrange(ClearMap.of(map.frameLength(), moved));
      assertThat(Parts.of(forged, 16).map()).isNotEqualTo(map);
      assertThatThrownBy(() -> pair.unprotector.unprotect(METADATA, forged))
          .isInstanceOf(AuthenticationException.class);
      assertThat(pair.unprotector.unprotect(METADATA, parts.rearrange(map))).isEqualTo(frame);
    }
  }

  @ParameterizedTest
  @EnumSource(MediaCodec.class)
  @DisplayName("[SM-CODEC-3] [SM-CODEC-5] a changed map byte, mode marker or metadata is refused")
  void mapByteModeOrMetadataChanged_isRefused(MediaCodec codec) throws SealmeetException {
    Pair pair = new Pair();
    byte[] frame = MediaFiles.frames(codec).get(0);
    byte[] wire = pair.protector.protect(KID, codec, METADATA, frame);
    int n = wire.length;
    int trailerWire = ((wire[n - 3] & 0xff) << 8) | (wire[n - 2] & 0xff);
    int headerLength = 2; // KID 0x35 and CTR 0: config byte and one KID byte
    int mapAt = n - 3 - trailerWire + headerLength; // first map byte (no escape before it here)
    for (int delta : new int[] {1, -1}) {
      byte[] tampered = wire.clone();
      tampered[mapAt] += (byte) delta;
      assertThatThrownBy(() -> pair.unprotector.unprotect(METADATA, tampered))
          .isInstanceOfAny(DecodeException.class, AuthenticationException.class);
    }
    byte[] otherMode = wire.clone();
    otherMode[n - 1] ^= 1;
    assertThatThrownBy(() -> pair.unprotector.unprotect(METADATA, otherMode))
        .isInstanceOfAny(DecodeException.class, AuthenticationException.class);
    assertThatThrownBy(() -> pair.unprotector.unprotect(new byte[] {1, 2, 4}, wire))
        .isInstanceOf(AuthenticationException.class);
    assertThat(pair.unprotector.unprotect(METADATA, wire)).isEqualTo(frame);
  }

  @Test
  @DisplayName("[SM-CODEC-3] a mode 0 frame whose clear range is shortened by one map byte fails authentication")
  void vp8MapLengthByteChanged_failsAuthentication() throws SealmeetException {
    Pair pair = new Pair();
    byte[] frame = MediaFiles.frames(MediaCodec.VP8).get(0); // key frame: one range 0+10
    byte[] wire = pair.protector.protect(KID, MediaCodec.VP8, METADATA, frame);
    int n = wire.length;
    int trailerWire = ((wire[n - 3] & 0xff) << 8) | (wire[n - 2] & 0xff);
    int lengthAt = n - 3 - trailerWire + 2 + 2 + 1 + 1; // header, frame_length (2), count, gap
    assertThat(wire[lengthAt]).isEqualTo((byte) 10);
    byte[] tampered = wire.clone();
    tampered[lengthAt] = 9;
    assertThatThrownBy(() -> pair.unprotector.unprotect(METADATA, tampered))
        .isInstanceOf(AuthenticationException.class);
  }

  @ParameterizedTest
  @EnumSource(MediaCodec.class)
  void peekHeader_readsKidAndCtr_withoutKeys(MediaCodec codec) throws SealmeetException {
    Pair pair = new Pair();
    long ctr = 0;
    for (byte[] frame : MediaFiles.frames(codec)) {
      byte[] wire = pair.protector.protect(KID, codec, null, frame);
      assertThat(CodecAwareUnprotector.peekHeader(wire))
          .isEqualTo(new dev.sealmeet.sframe.SframeHeader(KID, ctr++));
    }
    assertThatThrownBy(() -> CodecAwareUnprotector.peekHeader(new byte[] {0, 0, 1, (byte) 0xA2}))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void readmeExample_runsAsWritten() throws SealmeetException {
    Pair pair = new Pair();
    SframeSender sframeSender = pair.sender;
    SframeReceiver sframeReceiver = pair.receiver;
    long kid = KID;
    byte[] metadata = METADATA;
    byte[] accessUnit = MediaFiles.frames(MediaCodec.H264).get(0);

    CodecAwareProtector protector = new CodecAwareProtector(sframeSender);
    byte[] frame = protector.protect(kid, MediaCodec.H264, metadata, accessUnit);
    dev.sealmeet.sframe.SframeHeader routing = CodecAwareUnprotector.peekHeader(frame);
    byte[] accessUnitAgain = new CodecAwareUnprotector(sframeReceiver).unprotect(metadata, frame);

    assertThat(routing.kid()).isEqualTo(kid);
    assertThat(accessUnitAgain).isEqualTo(accessUnit);
  }

  /** Where byte {@code offset} of a frame's clear range sits on the wire (mode 1 shifts it). */
  static int wireOffset(byte[] wire, byte[] frame, int offset) throws DecodeException {
    Parts parts = Parts.of(wire, 16);
    if (parts.mode() == 0) {
      return offset;
    }
    // Walk body runs as the reader does: clear range i starts after the escaped run before it.
    int wireAt = 0;
    int from = 0;
    ClearMap map = parts.map();
    byte[] sink = new byte[frame.length];
    for (int i = 0; i < map.rangeCount(); i++) {
      int run = map.start(i) - from;
      if (run > 0) {
        wireAt = Emulation.unescape(wire, wireAt, wire.length, Emulation.trailingZeros(wire, 0, wireAt),
            run, sink, 0);
      }
      if (offset < map.start(i) + map.length(i)) {
        return wireAt + offset - map.start(i);
      }
      wireAt += map.length(i);
      from = map.start(i) + map.length(i);
    }
    throw new AssertionError("offset " + offset + " is not clear");
  }
}
