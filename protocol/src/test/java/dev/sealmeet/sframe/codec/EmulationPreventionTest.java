package dev.sealmeet.sframe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Start-code emulation prevention of mode 1 ({@code protocol.md} §2.8, [SM-CODEC-4]): frames whose
 * ciphertext is made to contain {@code 00 00 01}, {@code 00 00 00}, {@code 00 00 02} and to end in
 * zero bytes still parse into the same NAL units, and round-trip.
 */
class EmulationPreventionTest {
  /** The ciphertext we force: every start-code pattern, and zero bytes at both run ends. */
  private static final byte[] SLICE_CT = hex("000001" + "000000" + "000002" + "000003" + "00000004"
      + "aa0000" + "01" + "0000" + "00" + "000001ff" + "00");
  private static final byte[] SECOND_CT = hex("0000" + "00000100" + "0300" + "0000");

  @ParameterizedTest
  @EnumSource(value = MediaCodec.class, names = {"H264", "H265"})
  @DisplayName("[SM-CODEC-4] ciphertext forced to emulate start codes still parses into the same NAL units and round-trips")
  void ciphertextEmulatingStartCodes_isEscaped(MediaCodec codec) throws SealmeetException {
    byte[] h1 = codec == MediaCodec.H264 ? new byte[] {0x65} : new byte[] {0x26, 0x01}; // IDR slice
    byte[] h2 = codec == MediaCodec.H264 ? new byte[] {0x41} : new byte[] {0x02, 0x01}; // non-IDR
    byte[] keystream = keystream(SLICE_CT.length + SECOND_CT.length);
    byte[] frame = concat(hex("00000001"), h1, xor(SLICE_CT, keystream, 0), hex("000001"), h2,
        xor(SECOND_CT, keystream, SLICE_CT.length));
    assertThat(nalHeaders(frame, h1.length)).hasSize(2); // the plaintext is two NAL units

    CodecAwareFrameTest.Pair pair = new CodecAwareFrameTest.Pair();
    byte[] wire = pair.protector.protect(CodecAwareFrameTest.KID, codec, null, frame);
    CodecAwareFrameTest.Parts parts = CodecAwareFrameTest.Parts.of(wire, 16);
    int headerLength = parts.header().length;
    assertThat(Arrays.copyOfRange(parts.sframe(), headerLength, parts.sframe().length - 16))
        .as("the ciphertext is the one forced").isEqualTo(concat(SLICE_CT, SECOND_CT));

    // Without escaping, the body would split into more NAL units: the test can fail.
    byte[] unescaped = FrameWriter.plain(parts.map(), parts.clearInPlace(), parts.sframe(),
        headerLength, new byte[] {1});
    assertThat(nalHeaders(unescaped, h1.length)).hasSizeGreaterThan(2);

    assertThat(nalHeaders(wire, h1.length)).as("NAL headers on the wire")
        .containsExactly(h1, h2);
    int startCodes = 0;
    for (int i = 1; i + 2 < wire.length; i++) { // from 1: the 4-byte start code's zero_byte
      if (wire[i] == 0 && wire[i + 1] == 0) {
        assertThat(wire[i + 2]).as("00 00 at wire offset %d", i).isNotIn((byte) 0, (byte) 2);
        startCodes += wire[i + 2] == 1 ? 1 : 0;
      }
    }
    assertThat(startCodes).as("00 00 01 on the wire: the two real start codes").isEqualTo(2);
    assertThat(wire[wire.length - 1]).as("no trailing zero byte").isNotZero();
    assertThat(pair.unprotector.unprotect(null, wire)).isEqualTo(frame);
  }

  @Test
  @DisplayName("[SM-CODEC-4] escaping round-trips and never leaves 00 00 00-02 in a run, whatever precedes it")
  void escape_roundTrips_andLeavesNoStartCode() {
    qt().withExamples(2000).forAll(zeroHeavyBytes(), Gens.ints(0, 2))
        .checkAssert(Checked.of((data, zerosBefore) -> {
          byte[] wire = new byte[2 + Emulation.escapedLength(data, 0, data.length, zerosBefore)];
          int end = Emulation.escape(data, 0, data.length, zerosBefore, wire, 2);
          assertThat(end).isEqualTo(wire.length);
          wire[0] = (byte) (zerosBefore >= 2 ? 0 : 7);
          wire[1] = (byte) (zerosBefore >= 1 ? 0 : 7);
          for (int i = 0; i + 2 < wire.length; i++) {
            if (wire[i] == 0 && wire[i + 1] == 0) {
              assertThat(wire[i + 2]).as("00 00 at %d", i).isNotIn((byte) 0, (byte) 1, (byte) 2);
            }
          }
          assertThat(wire[wire.length - 1]).isEqualTo((byte) 3);
          byte[] back = new byte[data.length];
          assertThat(Emulation.unescape(wire, 2, wire.length, zerosBefore, data.length, back, 0))
              .isEqualTo(wire.length);
          assertThat(back).isEqualTo(data);
          assertThat(Emulation.unescapedLength(wire, 2, wire.length, zerosBefore)).isEqualTo(data.length);
        }));
  }

  @Test
  @DisplayName("[SM-CODEC-4] non-canonical escaping is refused")
  void nonCanonicalEscaping_isRefused() {
    byte[] sink = new byte[8];
    // 00 00 followed by 01 inside a run
    assertThatThrownBy(() -> Emulation.unescape(hex("00000103"), 0, 4, 0, 3, sink, 0))
        .isInstanceOf(DecodeException.class).hasMessageContaining("emulation");
    assertThatThrownBy(() -> Emulation.unescapedLength(hex("00000103"), 0, 4, 0))
        .isInstanceOf(DecodeException.class);
    // an escape byte followed by 0x04 (the sender never escapes before it)
    assertThatThrownBy(() -> Emulation.unescape(hex("0000030403"), 0, 5, 0, 3, sink, 0))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> Emulation.unescapedLength(hex("0000030403"), 0, 5, 0))
        .isInstanceOf(DecodeException.class);
    // missing final 0x03
    assertThatThrownBy(() -> Emulation.unescape(hex("0102"), 0, 2, 0, 2, sink, 0))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> Emulation.unescapedLength(hex("0102"), 0, 2, 0))
        .isInstanceOf(DecodeException.class);
    // an escape with nothing after it but the final byte
    assertThatThrownBy(() -> Emulation.unescapedLength(hex("00000303"), 0, 4, 0))
        .isInstanceOf(DecodeException.class);
    // zeros before the run count: 00 | 00 01 is an emulation
    assertThatThrownBy(() -> Emulation.unescape(hex("000103"), 0, 3, 1, 2, sink, 0))
        .isInstanceOf(DecodeException.class);
  }

  @ParameterizedTest
  @EnumSource(value = MediaCodec.class, names = {"H264", "H265"})
  @DisplayName("[SM-CODEC-4] clear zero bytes that end a frame are counted before a trailer that starts with 00 (KID 0, CTR 0)")
  void trailingClearZeros_thenTrailerStartingWithZero_areEscapedAtTheSeam(MediaCodec codec)
      throws SealmeetException {
    byte[] header = codec == MediaCodec.H264 ? new byte[] {0x65} : new byte[] {0x26, 0x01};
    byte[] frame = concat(hex("00000001"), header, hex("aabbcc"), hex("0000"));
    byte[] key = Arrays.copyOf(CodecAwareFrameTest.BASE_KEY, 16);
    try (SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
        dev.sealmeet.sframe.SframeReceiver receiver =
            new dev.sealmeet.sframe.SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128)) {
      sender.addKey(0, Secret.copyOf(key));
      receiver.addKey(0, Secret.copyOf(key));
      byte[] wire = new CodecAwareProtector(sender).protect(0, codec, null, frame);
      int trailerAt = wire.length - 3 - (((wire[wire.length - 3] & 0xff) << 8) | (wire[wire.length - 2] & 0xff));
      assertThat(Arrays.copyOfRange(wire, trailerAt - 2, trailerAt + 2))
          .as("the body's clear 00 00, then the escape before the header's config byte 00")
          .containsExactly(0, 0, 3, 0);
      for (int i = 1; i + 2 < wire.length; i++) { // from 1: the 4-byte start code's zero_byte
        if (wire[i] == 0 && wire[i + 1] == 0) {
          assertThat(wire[i + 2]).as("00 00 at wire offset %d", i).isNotIn((byte) 0, (byte) 2);
        }
      }
      assertThat(new CodecAwareUnprotector(receiver).unprotect(null, wire)).isEqualTo(frame);
    }
  }

  @Test
  @DisplayName("[SM-CODEC-4] the word-at-a-time zero scan finds the first zero byte at every offset and alignment")
  void nextZero_findsTheFirstZero_likeAByteLoop() {
    java.util.Random random = new java.util.Random(19);
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] data = new byte[random.nextInt(80)];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) (1 + random.nextInt(255));
      }
      for (int zeros = random.nextInt(3); zeros > 0 && data.length > 0; zeros--) {
        data[random.nextInt(data.length)] = 0;
      }
      int from = data.length == 0 ? 0 : random.nextInt(data.length + 1);
      int to = from + random.nextInt(data.length - from + 1);
      int expected = from;
      while (expected < to && data[expected] != 0) {
        expected++;
      }
      assertThat(Emulation.nextZero(data, from, to)).as("trial %d", trial).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("[SM-CODEC-4] long runs with sparse zero bytes (the fast path) round-trip and leave no start code")
  void sparseZeros_longRuns_roundTrip() throws DecodeException {
    java.util.Random random = new java.util.Random(9605);
    for (int trial = 0; trial < 2_000; trial++) {
      byte[] data = new byte[random.nextInt(600)];
      for (int i = 0; i < data.length; i++) {
        data[i] = random.nextInt(40) == 0 ? (byte) random.nextInt(4) : (byte) random.nextInt(256);
      }
      int zerosBefore = random.nextInt(3);
      byte[] wire = new byte[2 + Emulation.escapedLength(data, 0, data.length, zerosBefore)];
      wire[0] = (byte) (zerosBefore == 2 ? 0 : 1); // the zero bytes the run follows
      wire[1] = (byte) (zerosBefore >= 1 ? 0 : 1);
      assertThat(Emulation.escape(data, 0, data.length, zerosBefore, wire, 2)).isEqualTo(wire.length);
      for (int i = 0; i + 2 < wire.length; i++) {
        if (wire[i] == 0 && wire[i + 1] == 0) {
          assertThat(wire[i + 2] & 0xff).as("trial %d, wire offset %d", trial, i).isGreaterThan(2);
        }
      }
      byte[] back = new byte[data.length];
      assertThat(Emulation.unescape(wire, 2, wire.length, Emulation.trailingZeros(wire, 0, 2),
          data.length, back, 0)).isEqualTo(wire.length);
      assertThat(back).as("trial %d", trial).isEqualTo(data);
    }
  }

  /** Bytes drawn mostly from 00-04, so that every escape case occurs. */
  private static Gen<byte[]> zeroHeavyBytes() {
    Gen<Byte> b = Generate.frequency(
        org.quicktheories.api.Pair.of(6, Generate.constant((byte) 0)),
        org.quicktheories.api.Pair.of(4, Gens.ints(1, 4).map(Integer::byteValue)),
        org.quicktheories.api.Pair.of(1, Gens.anyByte()));
    return Gens.lists(b, 0, 40).map(list -> {
      byte[] out = new byte[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = list.get(i);
      }
      return out;
    });
  }

  /** The AES-GCM keystream of the test key at KID {@code KID}, CTR 0. */
  private static byte[] keystream(int length) {
    try (SframeSender plain = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128)) {
      plain.addKey(CodecAwareFrameTest.KID,
          Secret.copyOf(Arrays.copyOf(CodecAwareFrameTest.BASE_KEY, 16)));
      byte[] out = plain.protect(CodecAwareFrameTest.KID, null, new byte[length]);
      return Arrays.copyOfRange(out, out.length - 16 - length, out.length - 16);
    }
  }

  /** The headers of the NAL units an Annex B parser finds in {@code data} (00 00 01 splits). */
  static List<byte[]> nalHeaders(byte[] data, int headerLength) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i + 2 < data.length; i++) {
      if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
        out.add(Arrays.copyOfRange(data, i + 3, Math.min(data.length, i + 3 + headerLength)));
      }
    }
    return out;
  }

  private static byte[] xor(byte[] a, byte[] keystream, int from) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ keystream[from + i]);
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
