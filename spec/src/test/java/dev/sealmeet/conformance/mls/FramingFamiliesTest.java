package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.conformance.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registered framing families report every case and recognise only their own files. */
class FramingFamiliesTest {
  @Test
  void recognises_onlyItsOwnFile() {
    assertThat(new MessageProtectionFamily().recognises("mls/message-protection.json", null))
        .isTrue();
    assertThat(new MessageProtectionFamily().recognises("mls/welcome.json", null)).isFalse();
    assertThat(new WelcomeFamily().recognises("x/welcome.json", null)).isTrue();
    assertThat(new WelcomeFamily().recognises("mls/passive-client-welcome.json", null)).isFalse();
  }

  @Test
  void run_unsupportedSuite_isSkippedWithReason() {
    List<CaseResult> results = new WelcomeFamily().run(Json.parse("[{\"cipher_suite\": 65000}]"));
    assertThat(results).extracting(CaseResult::outcome).containsExactly(Outcome.SKIPPED);
    assertThat(results.get(0).name()).isEqualTo("suite 65000 / case 0");
  }

  @Test
  void run_missingFields_areFailedNotDropped() {
    List<CaseResult> results = new MessageProtectionFamily().run(Json.parse(
        "[{\"cipher_suite\": 1}, {\"cipher_suite\": 3, \"group_id\": \"00\"}]"));
    assertThat(results).extracting(CaseResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.FAILED);
    assertThat(new WelcomeFamily().run(Json.parse("[{\"cipher_suite\": 1}]")))
        .extracting(CaseResult::outcome).containsExactly(Outcome.FAILED);
  }
}
