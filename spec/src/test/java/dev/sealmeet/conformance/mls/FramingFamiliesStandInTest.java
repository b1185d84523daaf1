package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The message-protection and welcome checks on every official case of all seven suites, with
 * signatures from {@link StandInSignatureSuite}: proves the framing code against the vectors
 * independently of the production signature schemes (which the registered families use).
 */
class FramingFamiliesStandInTest {
  private static JsonNode vectors(String file) throws IOException {
    return Json.parse(Files.readString(Path.of("vectors/mls", file)));
  }

  private interface Check {
    void run(dev.sealmeet.mls.crypto.MlsSuite suite, JsonNode c, Mismatches m) throws Exception;
  }

  private static List<String> failures(String file, Check check) throws Exception {
    List<String> failures = new ArrayList<>();
    List<JsonNode> cases = vectors(file).elements();
    assertThat(cases).hasSize(7);
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      Mismatches m = new Mismatches();
      try {
        check.run(StandInSignatureSuite.of(c.integer("cipher_suite")), c, m);
        if (!m.isEmpty()) {
          failures.add("case " + i + ": " + m.summary());
        }
      } catch (Exception e) {
        failures.add("case " + i + ": " + e);
      }
    }
    return failures;
  }

  @Test
  void messageProtection_allSuitesWithStandInSignatures_pass() throws Exception {
    assertThat(failures("message-protection.json", MessageProtectionFamily::check)).isEmpty();
  }

  @Test
  void welcome_allSuitesWithStandInSignatures_pass() throws Exception {
    assertThat(failures("welcome.json", WelcomeFamily::check)).isEmpty();
  }
}
