package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.error.SealmeetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The meeting-layer vectors: the committed file is what the generator writes, every case passes
 * the family that {@code sealmeet conformance} runs, and a changed value fails it.
 */
class MeetingVectorsTest {

  @Test
  @DisplayName("the committed meeting vectors are what the generator writes")
  void committedFile_isTheGeneratorsOutput() throws SealmeetException, IOException {
    if (Boolean.getBoolean("sealmeet.regenerate")) {
      MeetingVectorGenerator.main(new String[0]);
    }
    assertThat(Files.readString(MeetingVectorGenerator.FILE, StandardCharsets.UTF_8))
        .isEqualTo(MeetingVectorGenerator.generate());
  }

  @Test
  @DisplayName("base keys, KIDs, keys, frames and codes match [SM-MEDIA-2] [SM-MEDIA-3] [SM-SEC-1]")
  void everyCase_passes_andAChangedValueFails() throws IOException {
    String text = Files.readString(MeetingVectorGenerator.FILE, StandardCharsets.UTF_8);
    List<CaseResult> results = new MeetingVectorFamily().run(Json.parse(text));
    assertThat(results).hasSize(5).allSatisfy(
        r -> assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.PASSED));
    String code = text.replaceFirst("(\"security_code\": \")(\\d)", "$1x");
    int at = text.indexOf("\"base_key\": \"") + "\"base_key\": \"".length();
    String baseKey = text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0')
        + text.substring(at + 1);
    for (String altered : List.of(code, baseKey)) {
      assertThat(altered).isNotEqualTo(text);
      assertThat(new MeetingVectorFamily().run(Json.parse(altered)))
          .anyMatch(r -> r.outcome() == Outcome.FAILED);
    }
  }
}
