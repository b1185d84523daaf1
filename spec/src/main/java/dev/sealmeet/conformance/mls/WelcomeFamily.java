package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.PskLookup;
import dev.sealmeet.mls.framing.VerifiedWelcome;
import dev.sealmeet.mls.framing.WelcomeReceiver;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.GroupSecrets;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Welcome;
import java.util.List;

/**
 * {@code welcome.json} (test-vectors.md "Welcome"): find the entry for {@code key_package}, decrypt
 * the GroupSecrets with {@code init_priv} and the GroupInfo with the welcome key, verify the
 * GroupInfo
 * signature with {@code signer_pub}, and verify its confirmation tag against the epoch derived from
 * the joiner secret without PSKs (RFC 9420 §12.4.3.1).
 */
public final class WelcomeFamily implements VectorFamily {
  private final SuiteRegistry suites;

  /** Resolves suite ids with RFC 9420's registry ({@link SuiteRegistry#rfc9420()}). */
  public WelcomeFamily() {
    this(SuiteRegistry.rfc9420());
  }

  /** Resolves suite ids with {@code suites} (e.g. {@link SuiteRegistry#draftPq()}). */
  public WelcomeFamily(SuiteRegistry suites) {
    this.suites = java.util.Objects.requireNonNull(suites, "suites");
  }

  @Override
  public String name() {
    return "mls/welcome";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("welcome.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, suites, WelcomeFamily::check);
  }

  static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    byte[] keyPackageBytes = c.hex("key_package");
    byte[] welcomeBytes = c.hex("welcome");
    MlsMessage keyPackageMessage = MlsMessage.fromBytes(keyPackageBytes);
    MlsMessage welcomeMessage = MlsMessage.fromBytes(welcomeBytes);
    m.bytes("key_package re-encoding", keyPackageBytes, keyPackageMessage.toBytes());
    m.bytes("welcome re-encoding", welcomeBytes, welcomeMessage.toBytes());
    KeyPackage keyPackage = (KeyPackage) keyPackageMessage.body();
    Welcome welcome = (Welcome) welcomeMessage.body();
    byte[] signerPub = c.hex("signer_pub");

    GroupSecrets secrets =
        WelcomeReceiver.openGroupSecrets(suite, welcome, keyPackage, c.hex("init_priv"));
    m.isTrue("group secrets name no PSK", secrets.psks().isEmpty());

    VerifiedWelcome joined = WelcomeReceiver.join(suite, welcome, keyPackage, c.hex("init_priv"),
        PskLookup.none(), info -> signerPub);
    try {
      GroupInfo info = joined.groupInfo();
      m.isTrue("group info cipher suite", info.groupContext().cipherSuite() == suite.id());
      m.bytes("confirmation_tag recomputed",
          info.confirmationTag(),
          joined.epochSecrets().confirmationTag(info.groupContext().confirmedTranscriptHash()));
    } finally {
      joined.epochSecrets().destroy();
    }
  }
}
