package dev.sealmeet.conformance;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeKeyMaterial;
import dev.sealmeet.sframe.SframeKeySchedule;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.codec.ClearMap;
import dev.sealmeet.sframe.codec.ClearRange;
import dev.sealmeet.sframe.codec.CodecAwareProtector;
import dev.sealmeet.sframe.codec.MediaCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code spec/vectors/codec/codec-frames.json}: real frames of the clips in {@code
 * spec/vectors/media/} protected as codec-aware frames ({@code protocol.md} §2.8), and hostile
 * variants of them ({@link CodecFramesInvalidCases}). Inputs are fixed (each key and metadata is
 * the start of SHA-512 of a label naming it); for one H.264 and one H.265 frame the CTR is the
 * first from {@link Pick#ctr()} at which the ciphertext forms {@code 00 00 00}–{@code 00 00 02}, so
 * that an emulation-prevention byte is inserted ([SM-CODEC-4]). The outputs are Sealmeet's own
 * ({@link CodecAwareProtector}); its building blocks are checked against RFC 9605's vectors.
 *
 * <p>Regenerate: {@code mvn -B -q -pl spec -am verify -Dtest=CodecFramesVectorsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsealmeet.regenerate=true}, then update SHA256SUMS.
 */
final class CodecFramesVectorGenerator {
  static final Path FILE = Path.of("vectors", "codec", "codec-frames.json");
  /** The most CTRs tried for a frame that must need an escape. */
  private static final int MAX_SEARCH = 1 << 16;

  /**
   * One frame: frame {@code index} of {@code clip}, protected under {@code kid} at {@code ctr}
   * (or the first CTR from there whose ciphertext needs an escape, if {@code needsEscape}).
   */
  record Pick(String name, MediaCodec codec, String clip, int index, String frameType,
      SframeSuite suite, long kid, long ctr, boolean metadata, boolean needsEscape) {}

  static final List<Pick> PICKS = List.of(
      new Pick("opus 0", MediaCodec.OPUS, "opus.ogg", 0, "audio",
          SframeSuite.AES_128_GCM_SHA256_128, 1, 0, true, false),
      new Pick("opus 3", MediaCodec.OPUS, "opus.ogg", 3, "audio",
          SframeSuite.AES_128_GCM_SHA256_128, 1, 3, false, false),
      new Pick("vp8 key", MediaCodec.VP8, "vp8-temporal.ivf", 0, "key",
          SframeSuite.AES_128_CTR_HMAC_SHA256_80, 0x1234, 0, true, false),
      new Pick("vp8 delta", MediaCodec.VP8, "vp8-temporal.ivf", 3, "delta",
          SframeSuite.AES_128_CTR_HMAC_SHA256_80, 0x1234, 0x1_0000, true, false),
      new Pick("vp9 key", MediaCodec.VP9, "vp9-superframes.ivf", 0, "key",
          SframeSuite.AES_128_GCM_SHA256_128, 7, 0, true, false),
      new Pick("vp9 superframe", MediaCodec.VP9, "vp9-superframes.ivf", 5, "delta",
          SframeSuite.AES_128_GCM_SHA256_128, 7, 1, false, false),
      new Pick("h264 key", MediaCodec.H264, "h264-2slices.h264", 0, "key",
          SframeSuite.AES_128_GCM_SHA256_128, 0x2a, 0, true, false),
      new Pick("h264 delta", MediaCodec.H264, "h264-2slices.h264", 3, "delta",
          SframeSuite.AES_128_GCM_SHA256_128, 0x2a, 1, true, true),
      new Pick("h265 key", MediaCodec.H265, "h265-temporal.h265", 0, "key",
          SframeSuite.AES_256_GCM_SHA512_128, 0x1_0000, 0, true, true),
      new Pick("h265 delta", MediaCodec.H265, "h265-temporal.h265", 4, "delta",
          SframeSuite.AES_256_GCM_SHA512_128, 0x1_0000, 0x0102_0304, false, false),
      new Pick("av1 key", MediaCodec.AV1, "av1.ivf", 0, "key",
          SframeSuite.AES_256_GCM_SHA512_128, 3, 0, true, false),
      new Pick("av1 delta", MediaCodec.AV1, "av1.ivf", 3, "delta",
          SframeSuite.AES_256_GCM_SHA512_128, 3, 5, true, false));

  /** A protected frame as the file records it, for building the invalid cases on it. */
  record Protected(Pick pick, byte[] baseKey, byte[] metadata, byte[] plaintext, ClearMap map,
      long ctr, byte[] wire) {}

  private CodecFramesVectorGenerator() {}

  /** The first {@code n} bytes of SHA-512("sealmeet codec vector " ‖ label). */
  static byte[] input(String label, int n) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-512")
          .digest(("sealmeet codec vector " + label).getBytes(StandardCharsets.US_ASCII));
      return Arrays.copyOf(h, n);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** The file's content. */
  static String generate() throws SealmeetException {
    HexFormat hex = HexFormat.of();
    List<Object> frames = new ArrayList<>();
    List<Protected> protectedFrames = new ArrayList<>();
    for (Pick p : PICKS) {
      Protected f = protect(p);
      protectedFrames.add(f);
      SframeKeyMaterial keys = SframeKeySchedule.derive(p.suite(), p.kid(), Secret.copyOf(f.baseKey()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("codec", p.codec().name());
      m.put("clip", p.clip());
      m.put("clip_frame", p.index());
      m.put("frame_type", p.frameType());
      m.put("sframe_cipher_suite", p.suite().id());
      m.put("base_key", hex.formatHex(f.baseKey()));
      m.put("kid", p.kid());
      m.put("sframe_key", hex.formatHex(keys.key().copyBytes()));
      m.put("sframe_salt", hex.formatHex(keys.salt().copyBytes()));
      keys.destroy();
      m.put("ctr", f.ctr());
      m.put("metadata", hex.formatHex(f.metadata()));
      m.put("mode", p.codec().rule().annexB() ? 1 : 0);
      m.put("plaintext", hex.formatHex(f.plaintext()));
      List<Object> ranges = new ArrayList<>();
      for (ClearRange r : p.codec().rule().clearRanges(f.plaintext())) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("offset", r.offset());
        range.put("length", r.length());
        range.put("reason", r.reason().name());
        ranges.add(range);
      }
      m.put("clear_ranges", ranges);
      m.put("clear_map", hex.formatHex(f.map().encode()));
      m.put("escapes", p.codec().rule().annexB()
          ? CodecFrameLayout.of(f.wire(), f.map()).escapes().size() : 0);
      m.put("protected", hex.formatHex(f.wire()));
      frames.add(m);
    }
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("description", "codec-aware SFrame frames, spec/protocol.md section 2.8;"
        + " see spec/vectors/codec/README.md");
    file.put("frames", frames);
    file.put("invalid", CodecFramesInvalidCases.all(protectedFrames));
    return VectorJson.render(file);
  }

  private static Protected protect(Pick p) throws SealmeetException {
    byte[] baseKey = input(p.name() + " base_key", p.suite().keyLength());
    byte[] metadata = p.metadata() ? input(p.name() + " metadata", 12) : new byte[0];
    byte[] plaintext = MediaClips.frame(p.clip(), p.index());
    ClearMap map = ClearMap.of(plaintext.length, p.codec().rule().clearRanges(plaintext));
    for (long ctr = p.ctr(); ctr < p.ctr() + MAX_SEARCH; ctr++) {
      byte[] wire;
      try (SframeSender sender = new SframeSender(p.suite())) {
        sender.addKey(p.kid(), Secret.copyOf(baseKey), ctr);
        wire = new CodecAwareProtector(sender).protect(p.kid(), p.codec(), metadata, plaintext);
      }
      if (!p.needsEscape() || CodecFrameLayout.of(wire, map).escapeBeforeStartCode(wire) >= 0) {
        return new Protected(p, baseKey, metadata, plaintext, map, ctr, wire);
      }
    }
    throw new AssertionError(p.name() + ": no CTR in " + MAX_SEARCH + " needs an escape");
  }

  /** Writes the file (run from the {@code spec} folder). */
  public static void main(String[] args) throws SealmeetException, IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
  }
}
