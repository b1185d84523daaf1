package dev.sealmeet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.interop.ScenarioRunner.Outcome;
import dev.sealmeet.interop.ScenarioRunner.Result;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interop client serves the post-quantum suites of draft-ietf-mls-pq-ciphersuites-06 at
 * Sealmeet's code points, and the working group's scripts play between two servers in the X-Wing
 * suite (TBD1, 0xF001) and an ML-DSA suite (TBD10, 0xF00A). {@link InteropScenarioTest} plays every
 * file in every shared suite; this test pins the PQ suites so that dropping them fails here.
 */
class PqSuitesInteropTest {
  private static final int XWING_ED25519 = SuiteRegistry.DRAFT_PQ_BASE + 1;
  private static final int MLKEM768_MLDSA65 = SuiteRegistry.DRAFT_PQ_BASE + 10;

  @Test
  void supportedSuites_areRfc9420sAndTheDraftsPqSuites() {
    assertThat(MlsClientService.supportedSuites())
        .isEqualTo(SuiteRegistry.draftPq().codePoints())
        .contains(XWING_ED25519, MLKEM768_MLDSA65, SuiteRegistry.DRAFT_PQ_BASE + 11);
  }

  @Test
  void scripts_playBetweenTwoServers_inPqSuites() throws IOException, InterruptedException {
    List<String> played = new ArrayList<>();
    try (InteropHarness harness = InteropHarness.start(2)) {
      assertThat(harness.commonSuites()).contains(XWING_ED25519, MLKEM768_MLDSA65);
      for (String file : List.of("commit.json", "external_join.json", "reinit.json")) {
        JsonObject scripts = JsonParser.parseString(Files.readString(
            VectorRoot.interopConfigs().resolve(file), StandardCharsets.UTF_8))
            .getAsJsonObject().getAsJsonObject("scripts");
        for (Map.Entry<String, JsonElement> script : scripts.entrySet()) {
          List<ScenarioStep> steps = new ArrayList<>();
          for (JsonElement step : script.getValue().getAsJsonArray()) {
            steps.add(new ScenarioStep(steps.size(), step.getAsJsonObject()));
          }
          for (int suite : List.of(XWING_ED25519, MLKEM768_MLDSA65)) {
            Result result = ScenarioRunner.run(steps, harness.clients(), suite, true);
            assertThat(result.outcome()).as("%s / %s / suite 0x%04x, step %d: %s", file,
                script.getKey(), suite, result.failedStep(), result.message())
                .isEqualTo(Outcome.PASSED);
            assertThat(result.stateAuthChecks()).isPositive();
            played.add(file + "/" + script.getKey());
          }
        }
      }
    }
    assertThat(played).hasSizeGreaterThan(10);
  }
}
