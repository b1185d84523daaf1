package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.PublicMessageProtection;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.security.SecureRandom;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** The bundled file with the first value of {@code field} replaced by zeros. */
  private static String zeroFirst(String file, String field) throws IOException {
    String text = Files.readString(VectorRoot.official().resolve("mls").resolve(file));
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([0-9a-f]*)\"").matcher(text);
    assertThat(m.find()).isTrue();
    return text.substring(0, m.start(1)) + "0".repeat(m.group(1).length())
        + text.substring(m.end(1));
  }

  @Test
  void run_realSuites_tamperedFirstCaseFailsOthersPass() throws IOException {
    String[][] tampers = {
        {"message-protection.json", "membership_key"},
        {"message-protection.json", "encryption_secret"},
        {"message-protection.json", "signature_pub"},
        {"welcome.json", "init_priv"},
        {"welcome.json", "signer_pub"}};
    for (String[] t : tampers) {
      VectorFamily family =
          t[0].startsWith("welcome") ? new WelcomeFamily() : new MessageProtectionFamily();
      List<CaseResult> results = family.run(Json.parse(zeroFirst(t[0], t[1])));
      assertThat(results).as(t[1]).extracting(CaseResult::outcome).containsExactly(
          Outcome.FAILED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED,
          Outcome.PASSED, Outcome.PASSED);
    }
  }

  @Test
  void fixedLengthScalar_shortP521Key_isLeftPadded() {
    assertThat(MessageProtectionFamily.fixedLengthScalar(5, new byte[] {1, 2}))
        .hasSize(66).endsWith(1, 2).startsWith(0, 0);
    assertThat(MessageProtectionFamily.fixedLengthScalar(1, new byte[] {1, 2})).hasSize(2);
  }

  @Test
  void refusesApplicationAsPublic_countsOnlyTheApplicationRefusal() throws SealmeetException {
    MlsSuite suite = MlsSuite.of(1, new SecureRandom());
    byte[] groupId = {1, 2, 3};
    GroupContext context = new GroupContext(ProtocolVersion.MLS10, suite.id(), groupId, 5,
        new byte[32], new byte[32], List.of());
    PublicMessageProtection pub =
        new PublicMessageProtection(suite, context, Secret.copyOf(new byte[32]));
    byte[] signingKey = new byte[32];
    FramedContent application = new FramedContent(groupId, 5, Sender.member(1), new byte[0],
        new MessageContent.Application(new byte[] {1}));
    assertThat(MessageProtectionFamily.refusesApplicationAsPublic(pub, application, signingKey))
        .isTrue();
    // A proposal for another epoch is refused too, but not for being application data.
    FramedContent otherEpoch = new FramedContent(groupId, 6, Sender.member(1), new byte[0],
        new MessageContent.ProposalContent(new RemoveProposal(0)));
    assertThatThrownBy(
        () -> MessageProtectionFamily.refusesApplicationAsPublic(pub, otherEpoch, signingKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not for this group and epoch");
  }
}
