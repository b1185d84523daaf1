package dev.sealmeet.conformance;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.codec.ClearMap;
import dev.sealmeet.sframe.codec.ClearRange;
import dev.sealmeet.sframe.codec.CodecAwareUnprotector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code invalid[]} cases of {@code codec-frames.json}: each a valid frame with one change a
 * receiver must refuse, and the error class {@code protocol.md} §2.8 gives it. The class is decided
 * here from the rule each change breaks, never read off the code under test; the generator only
 * checks that Sealmeet agrees and refuses to write a case it does not.
 */
final class CodecFramesInvalidCases {
  private static final String DECODE = "DecodeException";
  private static final String AUTH = "AuthenticationException";

  private CodecFramesInvalidCases() {}

  /**
   * The cases: the general ones on the last frame of each codec, the escaping ones on every frame
   * picked for its escape.
   */
  static List<Object> all(List<CodecFramesVectorGenerator.Protected> frames)
      throws SealmeetException {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      CodecFramesVectorGenerator.Protected f = frames.get(i);
      boolean lastOfCodec = i + 1 == frames.size()
          || frames.get(i + 1).pick().codec() != f.pick().codec();
      if (lastOfCodec) {
        general(f, out);
      }
      if (f.pick().needsEscape()) {
        escaping(f, out);
      }
    }
    return out;
  }

  private static void general(CodecFramesVectorGenerator.Protected f, List<Object> out)
      throws SealmeetException {
    byte[] wire = f.wire();
    ClearMap map = f.map();
    CodecFrameLayout layout = CodecFrameLayout.of(wire, map);
    int clear = firstChangeableClearByte(f.plaintext(), map);
    if (clear >= 0) {
      int range = rangeOf(map, clear);
      byte[] changed = wire.clone();
      changed[layout.clearAt()[range] + clear - map.start(range)] ^= 0x40;
      add(out, f, "clear byte changed", "SM-CODEC-3", "clear byte " + clear
          + " of the frame XOR 0x40: the rebuilt metadata differs", changed, null, AUTH);
    }
    byte[] moved = movedMap(map);
    if (layout.mode() == 0 && moved != null) {
      add(out, f, "clear range moved", "SM-CODEC-3", "the map's first range one byte later,"
          + " body and tag as sent: a well-formed map that was not authenticated",
          withMap(f, layout, moved), null, AUTH);
    }
    byte[] mapBytes = mapBytes(f, layout);
    int countAt = TlsWriter.varintLength(map.frameLength());
    byte[] moreRanges = mapBytes.clone();
    moreRanges[countAt]++;
    add(out, f, "range_count one too many", "SM-CODEC-2", "the map's range_count + 1: the map"
        + " is truncated", withMap(f, layout, moreRanges), null, DECODE);
    byte[] nonMinimal = new byte[mapBytes.length + 1];
    System.arraycopy(mapBytes, 0, nonMinimal, 0, countAt);
    nonMinimal[countAt] = 0x40;
    System.arraycopy(mapBytes, countAt, nonMinimal, countAt + 1, mapBytes.length - countAt);
    add(out, f, "non-minimal varint", "SM-CODEC-2", "the map's range_count as a 2-byte varint",
        withMap(f, layout, nonMinimal), null, DECODE);
    byte[] longer = new TlsWriter(mapBytes.length + 1).writeVarint(map.frameLength() + 1)
        .toByteArray();
    byte[] longerMap = Arrays.copyOf(longer, longer.length + mapBytes.length - countAt);
    System.arraycopy(mapBytes, countAt, longerMap, longer.length, mapBytes.length - countAt);
    add(out, f, "frame_length beyond the body", "SM-CODEC-2", "the map's frame_length + 1: more"
        + " bytes than the body holds", withMap(f, layout, longerMap), null, DECODE);
    byte[] marker = wire.clone();
    marker[wire.length - 1] = (byte) 0xA2;
    add(out, f, "unknown marker", "SM-CODEC-3", "marker 0xA2", marker, null, DECODE);
    byte[] beyond = wire.clone();
    int length = wire.length - 3 + 1;
    beyond[wire.length - 3] = (byte) (length >>> 8);
    beyond[wire.length - 2] = (byte) length;
    add(out, f, "trailer beyond the frame", "SM-CODEC-3", "trailer_wire_length one more than"
        + " the bytes before the footer", beyond, null, DECODE);
    byte[] trailer = layout.trailer().clone();
    trailer[trailer.length - 1] ^= 0x01;
    add(out, f, "tag changed", "SM-CODEC-3", "the tag's last byte XOR 0x01",
        withTrailer(f, layout, trailer), null, AUTH);
    byte[] metadata = Arrays.copyOf(f.metadata(), f.metadata().length + 1);
    add(out, f, "other metadata", "SM-CODEC-3", "the receiver passes other application metadata"
        + " (one byte 0x00 appended)", wire, metadata, AUTH);
  }

  private static void escaping(CodecFramesVectorGenerator.Protected f, List<Object> out)
      throws SealmeetException {
    byte[] wire = f.wire();
    CodecFrameLayout layout = CodecFrameLayout.of(wire, f.map());
    int escape = layout.escapeBeforeStartCode(wire);
    byte[] removed = new byte[wire.length - 1];
    System.arraycopy(wire, 0, removed, 0, escape);
    System.arraycopy(wire, escape + 1, removed, escape, wire.length - escape - 1);
    add(out, f, "escape removed", "SM-CODEC-4", "the escape byte at wire offset " + escape
        + " removed: 00 00 0" + wire[escape + 1] + " in a run", removed, null, DECODE);
    byte[] notEscaping = wire.clone();
    notEscaping[escape + 1] = 0x04;
    add(out, f, "escape before 0x04", "SM-CODEC-4", "the byte after the escape at wire offset "
        + escape + " set to 0x04", notEscaping, null, DECODE);
    byte[] unended = wire.clone();
    int runEnd = layout.runEnds().get(0);
    unended[runEnd] = 0x04;
    add(out, f, "run without its final 0x03", "SM-CODEC-4", "the first encrypted run's final"
        + " 0x03 (wire offset " + runEnd + ") set to 0x04", unended, null, DECODE);
  }

  /** The first clear byte that is neither 0x00 nor 0x01 nor 0x40 (so XOR 0x40 keeps zeros apart). */
  private static int firstChangeableClearByte(byte[] plaintext, ClearMap map) {
    for (int i = 0; i < map.rangeCount(); i++) {
      for (int at = map.start(i); at < map.start(i) + map.length(i); at++) {
        int b = plaintext[at] & 0xff;
        if (b != 0 && b != 1 && b != 0x40) {
          return at;
        }
      }
    }
    return -1;
  }

  private static int rangeOf(ClearMap map, int offset) {
    for (int i = 0; i < map.rangeCount(); i++) {
      if (offset >= map.start(i) && offset < map.start(i) + map.length(i)) {
        return i;
      }
    }
    throw new AssertionError("offset " + offset + " is not clear");
  }

  /** The map with its first range one byte later, if that is a valid map of the same length. */
  private static byte[] movedMap(ClearMap map) {
    if (map.rangeCount() == 0) {
      return null;
    }
    List<ClearRange> ranges = new ArrayList<>();
    for (int i = 0; i < map.rangeCount(); i++) {
      ranges.add(new ClearRange(map.start(i) + (i == 0 ? 1 : 0), map.length(i),
          dev.sealmeet.sframe.codec.ClearReason.VP8_PAYLOAD_HEADER));
    }
    boolean apart = map.rangeCount() == 1 || ranges.get(0).end() < ranges.get(1).offset();
    if (!apart || ranges.get(ranges.size() - 1).end() > map.frameLength()) {
      return null;
    }
    ClearMap moved = ClearMap.of(map.frameLength(), ranges);
    return moved.encodedLength() == map.encodedLength() ? moved.encode() : null;
  }

  private static int headerLength(CodecFramesVectorGenerator.Protected f) {
    return SframeHeader.encodedLength(f.pick().kid(), f.ctr());
  }

  private static byte[] mapBytes(CodecFramesVectorGenerator.Protected f, CodecFrameLayout layout) {
    byte[] trailer = layout.trailer();
    return Arrays.copyOfRange(trailer, headerLength(f), trailer.length - f.pick().suite().tagLength());
  }

  private static byte[] withMap(CodecFramesVectorGenerator.Protected f, CodecFrameLayout layout,
      byte[] map) {
    byte[] trailer = layout.trailer();
    int header = headerLength(f);
    int tag = f.pick().suite().tagLength();
    byte[] out = new byte[header + map.length + tag];
    System.arraycopy(trailer, 0, out, 0, header);
    System.arraycopy(map, 0, out, header, map.length);
    System.arraycopy(trailer, trailer.length - tag, out, header + map.length, tag);
    return withTrailer(f, layout, out);
  }

  /** The frame with {@code trailer} (unescaped) in place of its own, escaped as the mode says. */
  private static byte[] withTrailer(CodecFramesVectorGenerator.Protected f, CodecFrameLayout layout,
      byte[] trailer) {
    byte[] wire = f.wire();
    byte[] written = layout.mode() == 0 ? trailer
        : CodecFrameLayout.escape(trailer, CodecFrameLayout.zerosBefore(wire, layout.bodyEnd()));
    byte[] out = Arrays.copyOf(wire, layout.bodyEnd() + written.length + 3);
    System.arraycopy(written, 0, out, layout.bodyEnd(), written.length);
    out[out.length - 3] = (byte) (written.length >>> 8);
    out[out.length - 2] = (byte) written.length;
    out[out.length - 1] = wire[wire.length - 1];
    return out;
  }

  /** Checks that Sealmeet refuses {@code wire} with {@code error}, and records the case as a splice. */
  private static void add(List<Object> out, CodecFramesVectorGenerator.Protected f, String what,
      String rule, String description, byte[] wire, byte[] metadata, String error)
      throws SealmeetException {
    String name = f.pick().name() + " / " + what;
    String got;
    try (SframeReceiver receiver = new SframeReceiver(f.pick().suite())) {
      receiver.addKey(f.pick().kid(), Secret.copyOf(f.baseKey()));
      new CodecAwareUnprotector(receiver).unprotect(metadata == null ? f.metadata() : metadata, wire);
      got = "accepted";
    } catch (DecodeException e) {
      got = DECODE;
    } catch (AuthenticationException e) {
      got = AUTH;
    }
    if (!got.equals(error)) {
      throw new AssertionError(name + ": expected " + error + ", Sealmeet says " + got);
    }
    HexFormat hex = HexFormat.of();
    byte[] base = f.wire();
    int prefix = 0;
    while (prefix < Math.min(base.length, wire.length) && base[prefix] == wire[prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < Math.min(base.length, wire.length) - prefix
        && base[base.length - 1 - suffix] == wire[wire.length - 1 - suffix]) {
      suffix++;
    }
    Map<String, Object> edit = new LinkedHashMap<>();
    edit.put("offset", prefix);
    edit.put("delete", base.length - prefix - suffix);
    edit.put("insert", hex.formatHex(Arrays.copyOfRange(wire, prefix, wire.length - suffix)));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("frame", f.pick().name());
    c.put("rule", rule);
    c.put("description", description);
    c.put("edit", edit);
    if (metadata != null) {
      c.put("metadata", hex.formatHex(metadata));
    }
    c.put("error", error);
    out.add(c);
  }
}
