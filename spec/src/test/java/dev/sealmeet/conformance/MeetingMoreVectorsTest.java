package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.error.SealmeetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The vectors of {@code spec/vectors/meeting-more/}: each committed file is what its generator
 * writes ({@code -Dsealmeet.regenerate=true} rewrites them), every case passes the family {@code
 * sealmeet conformance} runs, and a changed expectation fails it.
 */
class MeetingMoreVectorsTest {
  private record Generated(Path file, Callable<String> generator) {}

  private static final List<Generated> FILES = List.of(
      new Generated(RolesVectorGenerator.FILE, RolesVectorGenerator::generate),
      new Generated(CtrSuitesVectorGenerator.FILE, CtrSuitesVectorGenerator::generate),
      new Generated(RejectedFramesGenerator.FILE, RejectedFramesGenerator::generate),
      new Generated(TransitionVectorGenerator.FILE, TransitionVectorGenerator::generate));

  @Test
  @DisplayName("the committed meeting-more vectors are what their generators write")
  void committedFiles_areTheGeneratorsOutput() throws Exception {
    for (Generated g : FILES) {
      String content = g.generator().call();
      if (Boolean.getBoolean("sealmeet.regenerate")) {
        Files.createDirectories(g.file().getParent());
        Files.writeString(g.file(), content, StandardCharsets.UTF_8);
      }
      assertThat(Files.readString(g.file(), StandardCharsets.UTF_8)).as(g.file().toString())
          .isEqualTo(content);
    }
  }

  private static List<CaseResult> run(VectorFamily family, String text) {
    return family.run(Json.parse(text));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void assertAllPass(List<CaseResult> results, int atLeast) {
    assertThat(results).hasSizeGreaterThanOrEqualTo(atLeast).allSatisfy(
        r -> assertThat(r.outcome()).as(r.name() + ": " + r.detail()).isEqualTo(Outcome.PASSED));
  }

  @Test
  @DisplayName("roles extension bytes are exact and bad encodings are refused [SM-ROLE-1]")
  void rolesVectors_pass_andAChangedByteFails() throws IOException {
    String text = read(RolesVectorGenerator.FILE);
    assertAllPass(run(new RolesVectorFamily(), text), 20);
    // The bob-before-alice case with alice's entry first must fail.
    String unsorted = text.replace("\"1206000103626f620208000105616c69636503\"",
        "\"1208000105616c6963650306000103626f6202\"");
    assertThat(unsorted).isNotEqualTo(text);
    assertThat(run(new RolesVectorFamily(), unsorted)).anyMatch(r -> r.outcome() == Outcome.FAILED);
  }

  @Test
  @DisplayName("meetings in SFrame CTR suites 1-3 [SM-MEDIA-2] [SM-MEDIA-3]")
  void ctrSuites_pass() throws IOException {
    String text = read(CtrSuitesVectorGenerator.FILE);
    assertAllPass(run(new MeetingVectorFamily(), text), 5);
    int at = text.indexOf("\"sframe_key\": \"") + "\"sframe_key\": \"".length();
    String altered = text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0')
        + text.substring(at + 1);
    assertThat(run(new MeetingVectorFamily(), altered)).anyMatch(r -> r.outcome() == Outcome.FAILED);
  }

  @Test
  @DisplayName("a receive log of rejected frames [SM-MEDIA-5] [SM-MEDIA-6] [SM-MEDIA-11]")
  void rejectedFrames_pass_andEveryVerdictMatters() throws IOException {
    String text = read(RejectedFramesGenerator.FILE);
    assertAllPass(run(new ReceiveLogFamily(), text), 30);
    assertEveryVerdictIsChecked(text);
  }

  @Test
  @DisplayName("a key transition with grace and held frames [SM-MEDIA-7] [SM-MEDIA-13] "
      + "[SM-REKEY-4]")
  void transition_passes_andEveryVerdictMatters() throws IOException {
    String text = read(TransitionVectorGenerator.FILE);
    assertAllPass(run(new ReceiveLogFamily(), text), 20);
    assertEveryVerdictIsChecked(text);
    // A released frame's plaintext is checked too.
    int install = text.indexOf("\"install\": 41");
    int at = text.indexOf("\"plaintext\": \"", install) + "\"plaintext\": \"".length();
    assertThat(install).isPositive();
    String released = text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0')
        + text.substring(at + 1);
    assertThat(run(new ReceiveLogFamily(), released)).anyMatch(r -> r.outcome() == Outcome.FAILED);
  }

  /** Turning any one expected verdict into another makes that step fail. */
  private static void assertEveryVerdictIsChecked(String text) {
    String[][] swaps = {{"\"expect\": \"accept\"", "\"expect\": \"hold\""},
        {"\"expect\": \"hold\"", "\"expect\": \"accept\""},
        {"\"reason\": \"replay\"", "\"reason\": \"authentication\""},
        {"\"reason\": \"authentication\"", "\"reason\": \"malformed\""},
        {"\"reason\": \"malformed\"", "\"reason\": \"authentication\""},
        {"\"reason\": \"unknown_epoch\"", "\"reason\": \"unknown_sender\""},
        {"\"reason\": \"unknown_sender\"", "\"reason\": \"unknown_epoch\""}};
    for (String[] swap : swaps) {
      int from = 0;
      while ((from = text.indexOf(swap[0], from)) >= 0) {
        String altered = text.substring(0, from) + swap[1]
            + text.substring(from + swap[0].length());
        assertThat(run(new ReceiveLogFamily(), altered)).as(swap[0] + " at " + from)
            .anyMatch(r -> r.outcome() == Outcome.FAILED);
        from += swap[0].length();
      }
    }
  }
}
