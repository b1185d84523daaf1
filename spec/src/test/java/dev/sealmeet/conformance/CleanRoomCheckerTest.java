package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the second implementation of the meeting layer ({@code spec/checker/}, Python, written from
 * {@code protocol.md} and the RFCs without reading the Java) over every meeting vector file, so the
 * text and the code cannot drift apart unnoticed. Needs {@code python3} with the {@code
 * cryptography} package; without them the test is skipped and says so.
 */
class CleanRoomCheckerTest {
  private static final Path CHECKER = Path.of("checker", "check.py");
  private static final Path VECTORS = Path.of("vectors", "meeting");
  /** Roles extension bytes, CTR suites, rejected frames and a key transition. */
  private static final Path MORE = Path.of("vectors", "meeting-more");

  private record Run(int exit, String output) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", CHECKER.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("checker finished").isTrue();
    return new Run(process.exitValue(), output);
  }

  private static boolean pythonWithCryptography;

  /** Looks for python3 with {@code cryptography} once for both tests. */
  @BeforeAll
  static void probePython() throws InterruptedException {
    try {
      Process probe = new ProcessBuilder("python3", "-c", "import cryptography").start();
      pythonWithCryptography = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      pythonWithCryptography = false;
    }
  }

  private static void assumePythonWithCryptography() {
    assumeTrue(pythonWithCryptography,
        "python3 with the cryptography package is not installed here");
  }

  @Test
  @DisplayName("a clean-room checker reproduces every meeting vector [SM-MEDIA-2] [SM-MEDIA-3] "
      + "[SM-SEC-1]")
  void everyMeetingVectorFile_passesTheSecondImplementation() throws Exception {
    assumePythonWithCryptography();
    assertThat(Files.exists(CHECKER)).isTrue();
    Run checked = run(VECTORS.toString());
    assertThat(checked.exit()).as(checked.output()).isZero();
    assertThat(checked.output()).contains("meeting-keys.json: ").contains(" 0 failed");
  }

  @Test
  @DisplayName("a clean-room checker reproduces the roles bytes, CTR-suite meetings, rejected "
      + "frames and a transition [SM-ROLE-1] [SM-MEDIA-5] [SM-MEDIA-11] [SM-MEDIA-13]")
  void everyMeetingMoreVectorFile_passesTheSecondImplementation() throws Exception {
    assumePythonWithCryptography();
    Run checked = run(MORE.toString());
    assertThat(checked.exit()).as(checked.output()).isZero();
    assertThat(checked.output()).contains("roles-extension.json: ", "ctr-suites.json: ",
        "rejected-frames.json: ", "transition.json: ").doesNotContain(" 0 passed");
  }

  @Test
  @DisplayName("the clean-room checker detects every flipped field and verdict of those vectors")
  void checkerSelfTest_detectsEveryFlippedFieldOfTheMoreVectors() throws Exception {
    assumePythonWithCryptography();
    Run self = run("--self-test", MORE.toString());
    assertThat(self.exit()).as(self.output()).isZero();
    assertThat(self.output()).contains(", 0 missed").doesNotContain("NOT DETECTED");
  }

  @Test
  @DisplayName("the clean-room checker detects every flipped field of the vectors")
  void checkerSelfTest_detectsEveryFlippedField() throws Exception {
    assumePythonWithCryptography();
    Run self = run("--self-test", VECTORS.toString());
    assertThat(self.exit()).as(self.output()).isZero();
    assertThat(self.output()).contains(", 0 missed").doesNotContain("NOT DETECTED");
  }
}
