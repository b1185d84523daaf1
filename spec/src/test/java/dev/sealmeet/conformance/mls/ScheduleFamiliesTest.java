package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.conformance.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The families report every case: unsupported suites skipped with a reason, errors as failures. */
class ScheduleFamiliesTest {
  @Test
  void run_unsupportedSuite_isSkippedWithReason() {
    List<CaseResult> results = new PskSecretFamily().run(Json.parse(
        "[{\"cipher_suite\": 65000, \"psks\": [], \"psk_secret\": \"00\"}]"));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(results.get(0).detail()).contains("not supported");
    assertThat(results.get(0).name()).isEqualTo("suite 65000 / case 0");
  }

  @Test
  void run_missingField_isFailedNotDropped() {
    List<CaseResult> results = new SecretTreeFamily().run(Json.parse(
        "[{\"cipher_suite\": 1}, {\"cipher_suite\": 1}]"));
    assertThat(results).extracting(CaseResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.FAILED);
    assertThat(results.get(0).detail()).contains("sender_data");
  }

  @Test
  void run_wrongExpectedValue_namesTheField() {
    String zeros = "00".repeat(32);
    List<CaseResult> results = new PskSecretFamily().run(Json.parse(
        "[{\"cipher_suite\": 1, \"psks\": [], \"psk_secret\": \"" + zeros.replace("00", "11")
            + "\"}, {\"cipher_suite\": 1, \"psks\": [], \"psk_secret\": \"" + zeros + "\"}]"));
    assertThat(results.get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(results.get(0).detail()).isEqualTo("mismatch in psk_secret");
    assertThat(results.get(1).outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void recognises_onlyItsOwnFile() {
    assertThat(new KeyScheduleFamily().recognises("mls/key-schedule.json", null)).isTrue();
    assertThat(new KeyScheduleFamily().recognises("mls/psk_secret.json", null)).isFalse();
    assertThat(new TranscriptHashesFamily().recognises("transcript-hashes.json", null)).isTrue();
    assertThat(new CryptoBasicsFamily().recognises("a/crypto-basics.json", null)).isTrue();
  }
}
