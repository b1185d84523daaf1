package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages and deserialization families fail when a vector is tampered with. */
class MlsMessagesFamilyTest {

  private static String firstCase() throws IOException {
    String text = Files.readString(VectorRoot.official().resolve("mls/messages.json"));
    int start = text.indexOf('{');
    return text.substring(start, text.indexOf('}', start) + 1);
  }

  private static List<CaseResult> runMessages(String oneCase) {
    return new MlsMessagesFamily().run(Json.parse("[" + oneCase + "]"));
  }

  @Test
  void messages_untouchedCase_passesWithSuiteInName() throws IOException {
    List<CaseResult> results = runMessages(firstCase());
    assertThat(results).hasSize(1);
    assertThat(results.get(0).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(results.get(0).name()).matches("suite \\d+ / case 0");
  }

  @Test
  void messages_trailingByteInCommit_failsNamingTheField() throws IOException {
    String c = firstCase();
    JsonNode node = Json.parse(c);
    String commit = node.string("commit");
    List<CaseResult> results = runMessages(c.replace("\"" + commit + "\"", "\"" + commit + "00\""));
    assertThat(results.get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(results.get(0).detail()).contains("commit");
  }

  @Test
  void messages_privateMessageLabelledAsWelcome_failsOnWireFormat() throws IOException {
    String c = firstCase();
    JsonNode node = Json.parse(c);
    String welcome = node.string("mls_welcome");
    String priv = node.string("private_message");
    List<CaseResult> results = runMessages(c.replace("\"" + welcome + "\"", "\"" + priv + "\""));
    assertThat(results.get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(results.get(0).detail()).contains("mls_welcome: wire format PRIVATE_MESSAGE");
  }

  @Test
  void deserialization_wrongLengthOrNonMinimalHeader_fails() {
    List<CaseResult> results = new MlsDeserializationFamily().run(Json.parse(
        "[{\"vlbytes_header\":\"4040\",\"length\":64},"
            + "{\"vlbytes_header\":\"4040\",\"length\":63},"
            + "{\"vlbytes_header\":\"4001\",\"length\":1},"
            + "{\"vlbytes_header\":\"c0\",\"length\":0}]"));
    assertThat(results).extracting(CaseResult::outcome)
        .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED);
  }
}
