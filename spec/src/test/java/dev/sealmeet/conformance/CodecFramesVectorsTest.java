package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.error.SealmeetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec-aware frame vectors ({@code spec/vectors/codec/codec-frames.json}, {@code protocol.md}
 * §2.8): the committed file is what the generator writes, it covers every codec and both modes,
 * every case passes the family {@code sealmeet conformance} runs, and a corrupted copy fails it.
 */
class CodecFramesVectorsTest {

  private static String committed() throws IOException {
    return Files.readString(CodecFramesVectorGenerator.FILE, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the committed codec frame vectors are what the generator writes")
  void committedFile_isTheGeneratorsOutput() throws SealmeetException, IOException {
    if (Boolean.getBoolean("sealmeet.regenerate")) {
      CodecFramesVectorGenerator.main(new String[0]);
    }
    assertThat(committed()).isEqualTo(CodecFramesVectorGenerator.generate());
  }

  @Test
  @DisplayName("the vectors cover the six codecs, escapes in H.264 and H.265, and both error classes")
  void file_coversEveryCodecAndRule() throws IOException {
    JsonNode file = Json.parse(committed());
    List<JsonNode> frames = file.get("frames").elements();
    assertThat(frames).extracting(f -> f.string("codec")).containsOnly(
        "OPUS", "VP8", "VP9", "H264", "H265", "AV1").hasSize(CodecFramesVectorGenerator.PICKS.size());
    assertThat(frames).filteredOn(f -> f.integer("escapes") > 0)
        .extracting(f -> f.string("codec")).contains("H264", "H265");
    List<JsonNode> invalid = file.get("invalid").elements();
    assertThat(invalid).extracting(c -> c.string("error"))
        .contains("DecodeException", "AuthenticationException");
    assertThat(invalid).extracting(c -> c.string("rule"))
        .contains("SM-CODEC-2", "SM-CODEC-3", "SM-CODEC-4");
  }

  @Test
  @DisplayName("every frame and every invalid case passes [SM-CODEC-1] [SM-CODEC-2] [SM-CODEC-3] [SM-CODEC-4] [SM-CODEC-5] [SM-CODEC-6]")
  void everyCase_passes() throws IOException {
    JsonNode file = Json.parse(committed());
    List<CaseResult> results = new CodecFramesFamily().run(file);
    assertThat(results).hasSize(file.get("frames").elements().size()
        + file.get("invalid").elements().size());
    assertThat(results).allSatisfy(
        r -> assertThat(r.outcome()).as(r.name() + ": " + r.detail()).isEqualTo(Outcome.PASSED));
  }

  @Test
  @DisplayName("a changed protected byte, an emptied edit or a swapped error class fails its case")
  void corruptedCopy_fails() throws IOException {
    String text = committed();
    int at = text.indexOf("\"protected\": \"") + "\"protected\": \"".length() + 40;
    String protectedByte = text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0')
        + text.substring(at + 1);
    String noEdit = text.replaceFirst("\"delete\": 1, \"insert\": \"[0-9a-f]{2}\"",
        "\"delete\": 0, \"insert\": \"\"");
    String swapped = text.replaceFirst("\"error\": \"DecodeException\"",
        "\"error\": \"AuthenticationException\"");
    for (String altered : List.of(protectedByte, noEdit, swapped)) {
      assertThat(altered).isNotEqualTo(text);
      assertThat(new CodecFramesFamily().run(Json.parse(altered)))
          .filteredOn(r -> r.outcome() == Outcome.FAILED).hasSize(1);
    }
  }

  @Test
  @DisplayName("the conformance runner claims the file for the codec family and fails a corrupted copy")
  void runner_runsTheFile_andFailsACorruptedCopy(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("codec").resolve("codec-frames.json");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, committed(), StandardCharsets.UTF_8);
    FileReport good = ConformanceRunner.withAllFamilies().run(List.of(dir)).files().get(0);
    assertThat(good.family()).isEqualTo("codec/frames");
    assertThat(good.cases()).isNotEmpty().allMatch(c -> c.outcome() == Outcome.PASSED);

    Files.writeString(copy, committed().replaceFirst("\"clear_map\": \"([0-9a-f])",
        "\"clear_map\": \"f"), StandardCharsets.UTF_8);
    FileReport bad = ConformanceRunner.withAllFamilies().run(List.of(dir)).files().get(0);
    assertThat(bad.cases()).anyMatch(c -> c.outcome() == Outcome.FAILED
        && c.detail().contains("clear_map"));
  }
}
