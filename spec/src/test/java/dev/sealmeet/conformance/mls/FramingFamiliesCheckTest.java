package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The message-protection and welcome checks on every official case of all seven suites, with the
 * real suites of {@code CipherSuites}, and the field a tampered vector reports as different.
 */
class FramingFamiliesCheckTest {
  private static JsonNode vectors(String file) throws IOException {
    return Json.parse(Files.readString(VectorRoot.official().resolve("mls").resolve(file)));
  }

  /** The file with the first value of {@code field} replaced by zeros of the same length. */
  private static JsonNode zeroFirst(String file, String field) throws IOException {
    String text = Files.readString(VectorRoot.official().resolve("mls").resolve(file));
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([0-9a-f]*)\"").matcher(text);
    assertThat(m.find()).isTrue();
    return Json.parse(text.substring(0, m.start(1)) + "0".repeat(m.group(1).length())
        + text.substring(m.end(1)));
  }

  private interface Check {
    void run(MlsSuite suite, JsonNode c, Mismatches m) throws Exception;
  }

  private static List<String> failures(String file, Check check) throws Exception {
    return failures(vectors(file), check);
  }

  private static List<String> failures(JsonNode vectors, Check check) {
    List<String> failures = new ArrayList<>();
    List<JsonNode> cases = vectors.elements();
    assertThat(cases).hasSize(7);
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      Mismatches m = new Mismatches();
      try {
        check.run(MlsSuite.of(c.integer("cipher_suite"), new SecureRandom()), c, m);
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
  void messageProtection_allSuites_pass() throws Exception {
    assertThat(failures("message-protection.json", MessageProtectionFamily::check)).isEmpty();
  }

  @Test
  void welcome_allSuites_pass() throws Exception {
    assertThat(failures("welcome.json", WelcomeFamily::check)).isEmpty();
  }

  @Test
  void messageProtection_wrongMembershipKey_failsOnlyThatCase() throws Exception {
    List<String> failures = failures(
        zeroFirst("message-protection.json", "membership_key"), MessageProtectionFamily::check);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).startsWith("case 0").contains("membership_tag");
  }

  @Test
  void messageProtection_wrongSenderDataSecret_fails() throws Exception {
    List<String> failures = failures(
        zeroFirst("message-protection.json", "sender_data_secret"), MessageProtectionFamily::check);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).contains("encrypted_sender_data");
  }

  @Test
  void welcome_wrongSignerKey_fails() throws Exception {
    List<String> failures = failures(zeroFirst("welcome.json", "signer_pub"), WelcomeFamily::check);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).contains("GroupInfo signature");
  }
}
