package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeKeyMaterial;
import dev.sealmeet.sframe.SframeKeySchedule;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.codec.ClearMap;
import dev.sealmeet.sframe.codec.ClearRange;
import dev.sealmeet.sframe.codec.CodecAwareProtector;
import dev.sealmeet.sframe.codec.CodecAwareUnprotector;
import dev.sealmeet.sframe.codec.MediaCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code codec/codec-frames.json}: codec-aware frames ({@code spec/protocol.md} §2.8) of real encoded
 * frames of the six codecs. Each {@code frames[]} case gives an SFrame base key, KID and CTR; the
 * code under test must derive the same SFrame key and salt (RFC 9605 §4.4.2), find the same clear
 * ranges and map [SM-CODEC-1] [SM-CODEC-2], write the same protected frame [SM-CODEC-3]
 * [SM-CODEC-4], and open it again to the plaintext. Each {@code invalid[]} case is one valid frame
 * with one splice applied; the receiver must refuse it with the error class the case names
 * ({@code DecodeException} or {@code AuthenticationException}), and nothing else.
 */
public final class CodecFramesFamily implements VectorFamily {
  /** The error classes an invalid case may expect, by the name the file uses. */
  private static final Map<String, Class<? extends SealmeetException>> ERRORS = Map.of(
      "DecodeException", DecodeException.class,
      "AuthenticationException", AuthenticationException.class);

  @Override
  public String name() {
    return "codec/frames";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("codec-frames.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> out = new ArrayList<>();
    Map<String, JsonNode> byName = new HashMap<>();
    List<JsonNode> frames = content.get("frames").elements();
    for (int i = 0; i < frames.size(); i++) {
      JsonNode f = frames.get(i);
      String name = "frames / case " + i;
      try {
        name = "frames / " + f.string("name");
        byName.put(f.string("name"), f);
        List<String> bad = checkValid(f);
        out.add(bad.isEmpty() ? CaseResult.passed(name)
            : CaseResult.failed(name, "mismatch in " + String.join(", ", bad)));
      } catch (SealmeetException | RuntimeException e) {
        out.add(CaseResult.failed(name, e));
      }
    }
    List<JsonNode> invalid = content.get("invalid").elements();
    for (int i = 0; i < invalid.size(); i++) {
      JsonNode c = invalid.get(i);
      String name = "invalid / case " + i;
      try {
        name = "invalid / " + c.string("name");
        out.add(checkInvalid(name, c, byName.get(c.string("frame"))));
      } catch (RuntimeException e) {
        out.add(CaseResult.failed(name, e));
      }
    }
    return out;
  }

  private static List<String> checkValid(JsonNode f) throws SealmeetException {
    MediaCodec codec = MediaCodec.valueOf(f.string("codec"));
    SframeSuite suite = SframeSuite.fromId(f.integer("sframe_cipher_suite"));
    long kid = f.get("kid").asLong();
    byte[] baseKey = f.hex("base_key");
    byte[] plaintext = f.hex("plaintext");
    byte[] metadata = f.hex("metadata");
    List<String> bad = new ArrayList<>();
    SframeKeyMaterial keys = SframeKeySchedule.derive(suite, kid, Secret.copyOf(baseKey));
    expect(bad, "sframe_key", f.hex("sframe_key"), keys.key().copyBytes());
    expect(bad, "sframe_salt", f.hex("sframe_salt"), keys.salt().copyBytes());
    keys.destroy();
    List<ClearRange> ranges = codec.rule().clearRanges(plaintext);
    if (!ranges(ranges).equals(ranges(f.get("clear_ranges")))) {
      bad.add("clear_ranges");
    }
    expect(bad, "clear_map", f.hex("clear_map"), ClearMap.of(plaintext.length, ranges).encode());
    if (f.integer("mode") != (codec.rule().annexB() ? 1 : 0)) {
      bad.add("mode");
    }
    try (SframeSender sender = new SframeSender(suite)) {
      sender.addKey(kid, Secret.copyOf(baseKey), f.get("ctr").asLong());
      expect(bad, "protected", f.hex("protected"),
          new CodecAwareProtector(sender).protect(kid, codec, metadata, plaintext));
    }
    try (SframeReceiver receiver = receiver(f)) {
      expect(bad, "unprotected", plaintext,
          new CodecAwareUnprotector(receiver).unprotect(metadata, f.hex("protected")));
    }
    return bad;
  }

  private static CaseResult checkInvalid(String name, JsonNode c, JsonNode frame) {
    if (frame == null) {
      return CaseResult.failed(name, "names frame " + c.string("frame") + ", which the file lacks");
    }
    Class<? extends SealmeetException> expected = ERRORS.get(c.string("error"));
    if (expected == null) {
      return CaseResult.failed(name, "unknown error class " + c.string("error"));
    }
    byte[] wire = splice(frame.hex("protected"), c.get("edit"));
    byte[] metadata = c.has("metadata") ? c.hex("metadata") : frame.hex("metadata");
    try (SframeReceiver receiver = receiver(frame)) {
      new CodecAwareUnprotector(receiver).unprotect(metadata, wire);
      return CaseResult.failed(name, "accepted, but it breaks " + c.string("rule") + ": "
          + c.string("description"));
    } catch (SealmeetException e) {
      return expected.isInstance(e) ? CaseResult.passed(name)
          : CaseResult.failed(name, "expected " + c.string("error") + ", got "
              + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * {@code wire} with {@code edit.delete} bytes at {@code edit.offset} replaced by {@code
   * edit.insert}.
   *
   * @throws IllegalArgumentException if the edit does not fit the frame
   */
  static byte[] splice(byte[] wire, JsonNode edit) {
    int offset = edit.integer("offset");
    int delete = edit.integer("delete");
    byte[] insert = edit.hex("insert");
    if (offset < 0 || delete < 0 || offset > wire.length - delete) {
      throw new IllegalArgumentException("edit of " + delete + " bytes at " + offset
          + " outside a " + wire.length + "-byte frame");
    }
    byte[] out = Arrays.copyOf(wire, wire.length - delete + insert.length);
    System.arraycopy(insert, 0, out, offset, insert.length);
    System.arraycopy(wire, offset + delete, out, offset + insert.length,
        wire.length - offset - delete);
    return out;
  }

  private static SframeReceiver receiver(JsonNode f) throws SealmeetException {
    SframeReceiver receiver = new SframeReceiver(SframeSuite.fromId(f.integer("sframe_cipher_suite")));
    receiver.addKey(f.get("kid").asLong(), Secret.copyOf(f.hex("base_key")));
    return receiver;
  }

  /** Each range as {@code offset+length reason}, for comparing lists. */
  private static List<String> ranges(List<ClearRange> ranges) {
    List<String> out = new ArrayList<>();
    for (ClearRange r : ranges) {
      out.add(r.offset() + "+" + r.length() + " " + r.reason());
    }
    return out;
  }

  private static List<String> ranges(JsonNode ranges) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : ranges.elements()) {
      out.add(r.integer("offset") + "+" + r.integer("length") + " " + r.string("reason"));
    }
    return out;
  }

  private static void expect(List<String> bad, String field, byte[] expected, byte[] actual) {
    if (!Arrays.equals(expected, actual)) {
      bad.add(field);
    }
  }
}
