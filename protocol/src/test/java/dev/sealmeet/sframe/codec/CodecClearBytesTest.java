package dev.sealmeet.sframe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The clear-byte rule of each codec ({@code protocol.md} §2.8, [SM-CODEC-1]) on real encoder output
 * from {@code spec/vectors/media/}: what a packetizer or SFU needs is clear, and nothing else.
 */
class CodecClearBytesTest {

  /** Which bytes the rule keeps clear; checks the ranges are in order and do not overlap. */
  static boolean[] mask(byte[] frame, List<ClearRange> ranges) {
    boolean[] clear = new boolean[frame.length];
    int end = 0;
    for (ClearRange r : ranges) {
      assertThat(r.offset()).as("ranges in order, not overlapping: %s", r).isGreaterThanOrEqualTo(end);
      assertThat(r.end()).isLessThanOrEqualTo(frame.length);
      for (int i = r.offset(); i < r.end(); i++) {
        clear[i] = true;
      }
      end = r.end();
    }
    return clear;
  }

  private static int count(boolean[] mask) {
    int n = 0;
    for (boolean b : mask) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** One NAL unit of an Annex B frame, found by the test itself. */
  private record Nal(int codeStart, int start, int end) {}

  private static List<Nal> nals(byte[] frame) {
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i + 2 < frame.length; i++) {
      if (frame[i] == 0 && frame[i + 1] == 0 && frame[i + 2] == 1) {
        codes.add(i);
      }
    }
    List<Nal> out = new ArrayList<>();
    for (int k = 0; k < codes.size(); k++) {
      int end = k + 1 < codes.size() ? codes.get(k + 1) : frame.length;
      while (frame[end - 1] == 0) {
        end--;
      }
      out.add(new Nal(codes.get(k), codes.get(k) + 3, end));
    }
    return out;
  }

  @Test
  @DisplayName("[SM-CODEC-1] H.264: start codes, NAL headers and SPS/PPS clear, slice and SEI payloads encrypted")
  void h264_headersAndParameterSetsClear_payloadsEncrypted() throws DecodeException {
    List<byte[]> frames = MediaFiles.frames(MediaCodec.H264);
    assertThat(frames).hasSize(6);
    int idr = 0;
    int nonIdr = 0;
    for (byte[] frame : frames) {
      boolean[] clear = mask(frame, MediaCodec.H264.rule().clearRanges(frame));
      for (Nal nal : nals(frame)) {
        int type = frame[nal.start()] & 0x1f;
        idr += type == 5 ? 1 : 0;
        nonIdr += type == 1 ? 1 : 0;
        for (int i = nal.codeStart(); i <= nal.start(); i++) {
          assertThat(clear[i]).as("start code and header byte %d (type %d)", i, type).isTrue();
        }
        boolean parameterSet = type == 7 || type == 8;
        for (int i = nal.start() + 1; i < nal.end(); i++) {
          assertThat(clear[i]).as("payload byte %d of NAL type %d", i, type).isEqualTo(parameterSet);
        }
      }
    }
    assertThat(idr).as("IDR slices").isEqualTo(4);
    assertThat(nonIdr).as("non-IDR slices").isEqualTo(8);
  }

  @Test
  @DisplayName("[SM-CODEC-1] H.265: 2-byte NAL headers (with TemporalId) and VPS/SPS/PPS clear, the rest encrypted")
  void h265_headersAndParameterSetsClear_payloadsEncrypted() throws DecodeException {
    List<byte[]> frames = MediaFiles.frames(MediaCodec.H265);
    assertThat(frames).hasSize(6);
    int temporalLayer1 = 0;
    int irap = 0;
    for (byte[] frame : frames) {
      boolean[] clear = mask(frame, MediaCodec.H265.rule().clearRanges(frame));
      for (Nal nal : nals(frame)) {
        int type = (frame[nal.start()] >> 1) & 0x3f;
        int temporalId = (frame[nal.start() + 1] & 7) - 1;
        temporalLayer1 += temporalId == 1 && type < 32 ? 1 : 0;
        irap += type >= 16 && type <= 21 ? 1 : 0;
        for (int i = nal.codeStart(); i <= nal.start() + 1; i++) {
          assertThat(clear[i]).as("start code and header byte %d (type %d)", i, type).isTrue();
        }
        boolean parameterSet = type >= 32 && type <= 34;
        for (int i = nal.start() + 2; i < nal.end(); i++) {
          assertThat(clear[i]).as("payload byte %d of NAL type %d", i, type).isEqualTo(parameterSet);
        }
      }
    }
    assertThat(irap).as("IRAP pictures (IDR_N_LP, CRA)").isEqualTo(2);
    assertThat(temporalLayer1).as("slices at TemporalId 1").isPositive();
  }

  @Test
  @DisplayName("[SM-CODEC-1] VP8: 10 bytes clear on key frames, 3 on inter frames, nothing else")
  void vp8_payloadHeaderClear() throws DecodeException {
    int keyFrames = 0;
    List<byte[]> frames = MediaFiles.frames(MediaCodec.VP8);
    for (byte[] frame : frames) {
      boolean key = (frame[0] & 1) == 0;
      keyFrames += key ? 1 : 0;
      boolean[] clear = mask(frame, MediaCodec.VP8.rule().clearRanges(frame));
      int header = key ? 10 : 3;
      for (int i = 0; i < frame.length; i++) {
        assertThat(clear[i]).as("byte %d of a %s frame", i, key ? "key" : "inter").isEqualTo(i < header);
      }
    }
    assertThat(keyFrames).isEqualTo(2);
    assertThat(frames.size() - keyFrames).isEqualTo(4);
  }

  @Test
  @DisplayName("[SM-CODEC-1] VP9: each frame's first header byte and the superframe index clear, nothing else")
  void vp9_frameHeadersAndSuperframeIndexClear() throws DecodeException {
    int superframes = 0;
    for (byte[] frame : MediaFiles.frames(MediaCodec.VP9)) {
      List<ClearRange> ranges = MediaCodec.VP9.rule().clearRanges(frame);
      boolean[] clear = mask(frame, ranges);
      int last = frame[frame.length - 1] & 0xff;
      List<Integer> starts = new ArrayList<>();
      int indexLength = 0;
      if ((last & 0xe0) == 0xc0) { // the test reads the index itself (VP9 Annex B)
        int sizeBytes = ((last >> 3) & 3) + 1;
        int count = (last & 7) + 1;
        indexLength = 2 + sizeBytes * count;
        int at = frame.length - indexLength + 1;
        int offset = 0;
        for (int f = 0; f < count; f++) {
          starts.add(offset);
          int size = 0;
          for (int b = 0; b < sizeBytes; b++) {
            size |= (frame[at++] & 0xff) << (8 * b);
          }
          offset += size;
        }
        superframes++;
      } else {
        starts.add(0);
      }
      for (int s : starts) {
        assertThat(clear[s]).as("first header byte of the frame at %d", s).isTrue();
        assertThat(frame[s] & 0xc0).as("frame marker").isEqualTo(0x80);
      }
      for (int i = frame.length - indexLength; i < frame.length; i++) {
        assertThat(clear[i]).as("superframe index byte %d", i).isTrue();
      }
      assertThat(count(clear)).isEqualTo(starts.size() + indexLength);
    }
    assertThat(superframes).as("superframes in the clip").isEqualTo(2);
  }

  @Test
  @DisplayName("[SM-CODEC-1] AV1: OBU headers, obu_size fields and sequence headers clear, OBU payloads encrypted")
  void av1_obuHeadersSizesAndSequenceHeadersClear() throws DecodeException {
    int sequenceHeaders = 0;
    for (byte[] frame : MediaFiles.frames(MediaCodec.AV1)) {
      boolean[] clear = mask(frame, MediaCodec.AV1.rule().clearRanges(frame));
      int at = 0;
      while (at < frame.length) {
        int header = frame[at] & 0xff;
        int type = (header >> 3) & 0xf;
        int headerLength = (header & 4) != 0 ? 2 : 1;
        assertThat(header & 2).as("ffmpeg writes size fields").isEqualTo(2);
        int sizeAt = at + headerLength;
        int size = 0;
        int n = 0;
        int b;
        do {
          b = frame[sizeAt + n] & 0xff;
          size |= (b & 0x7f) << (7 * n);
          n++;
        } while ((b & 0x80) != 0);
        for (int i = at; i < sizeAt + n; i++) {
          assertThat(clear[i]).as("OBU header/size byte %d (type %d)", i, type).isTrue();
        }
        sequenceHeaders += type == 1 ? 1 : 0;
        for (int i = sizeAt + n; i < sizeAt + n + size; i++) {
          assertThat(clear[i]).as("payload byte %d of OBU type %d", i, type).isEqualTo(type == 1);
        }
        at = sizeAt + n + size;
      }
    }
    assertThat(sequenceHeaders).as("key temporal units carry a sequence header").isEqualTo(2);
  }

  @Test
  @DisplayName("[SM-CODEC-1] Opus: no byte clear")
  void opus_nothingClear() throws DecodeException {
    List<byte[]> packets = MediaFiles.frames(MediaCodec.OPUS);
    assertThat(packets).hasSizeGreaterThanOrEqualTo(5);
    for (byte[] packet : packets) {
      assertThat(packet).isNotEmpty();
      assertThat(MediaCodec.OPUS.rule().clearRanges(packet)).isEmpty();
    }
  }

  @Test
  void everyRange_citesItsPayloadFormat() throws DecodeException {
    for (MediaCodec codec : MediaCodec.values()) {
      for (byte[] frame : MediaFiles.frames(codec)) {
        for (ClearRange r : codec.rule().clearRanges(frame)) {
          assertThat(r.reason().citation()).matches("(RFC \\d+|H\\.264|AV1 RTP) .*");
        }
      }
    }
  }

  @Test
  void malformedFrames_areRefused_neverGuessed() {
    assertThatThrownBy(() -> MediaCodec.VP8.rule().clearRanges(new byte[] {0x10, 0})).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> MediaCodec.VP8.rule().clearRanges(new byte[] {0x10, 0, 0, 1, 2, 3, 4, 5, 6, 7}))
        .isInstanceOf(DecodeException.class); // key frame without 9d 01 2a
    assertThatThrownBy(() -> MediaCodec.VP9.rule().clearRanges(new byte[] {0x40})).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> MediaCodec.H264.rule().clearRanges(new byte[] {1, 2, 3})).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> MediaCodec.H264.rule().clearRanges(new byte[] {9, 0, 0, 1, 0x65}))
        .isInstanceOf(DecodeException.class); // data before the first start code
    assertThatThrownBy(() -> MediaCodec.H264.rule().clearRanges(new byte[] {0, 0, 1, 0x65, 0, 0, 1}))
        .isInstanceOf(DecodeException.class); // an empty NAL unit at the end (found by a property)
    assertThatThrownBy(() -> MediaCodec.H265.rule().clearRanges(new byte[] {0, 0, 1, 0x40}))
        .isInstanceOf(DecodeException.class); // 1 byte of a 2-byte header
    assertThatThrownBy(() -> MediaCodec.AV1.rule().clearRanges(new byte[] {0x32, 0x05, 1}))
        .isInstanceOf(DecodeException.class); // obu_size beyond the frame
    assertThatThrownBy(() -> MediaCodec.AV1.rule().clearRanges(new byte[] {0x32, (byte) 0x80}))
        .isInstanceOf(DecodeException.class); // truncated leb128
  }
}
