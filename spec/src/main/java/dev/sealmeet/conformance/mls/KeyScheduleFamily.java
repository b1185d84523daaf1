package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.InitSecret;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.WelcomeSecret;
import java.util.List;

/**
 * {@code key-schedule.json} (test-vectors.md "Key Schedule"): for every epoch the GroupContext, every
 * secret of RFC 9420 §8, {@code external_pub} and one MLS-Exporter output (§8.5).
 */
public final class KeyScheduleFamily implements VectorFamily {
  private final SuiteRegistry suites;

  /** Resolves suite ids with RFC 9420's registry ({@link SuiteRegistry#rfc9420()}). */
  public KeyScheduleFamily() {
    this(SuiteRegistry.rfc9420());
  }

  /** Resolves suite ids with {@code suites} (e.g. {@link SuiteRegistry#draftPq()}). */
  public KeyScheduleFamily(SuiteRegistry suites) {
    this.suites = java.util.Objects.requireNonNull(suites, "suites");
  }

  @Override
  public String name() {
    return "mls/key-schedule";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("key-schedule.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, suites, KeyScheduleFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    byte[] groupId = c.hex("group_id");
    InitSecret init = InitSecret.of(Secret.copyOf(c.hex("initial_init_secret")));
    List<JsonNode> epochs = c.get("epochs").elements();
    for (int i = 0; i < epochs.size(); i++) {
      JsonNode e = epochs.get(i);
      String at = "epochs[" + i + "].";
      byte[] groupContext = new GroupContext(ProtocolVersion.MLS10, suite.id(), groupId, i,
          e.hex("tree_hash"), e.hex("confirmed_transcript_hash"), List.of()).toBytes();
      m.bytes(at + "group_context", e.hex("group_context"), groupContext);

      Secret commit = Secret.copyOf(e.hex("commit_secret"));
      JoinerSecret joiner = JoinerSecret.derive(suite, init, commit, groupContext);
      commit.destroy();
      init.destroy();
      PskSecret psk = PskSecret.of(Secret.copyOf(e.hex("psk_secret")));
      m.secret(at + "joiner_secret", e.hex("joiner_secret"), joiner.copySecret());
      WelcomeSecret welcome = joiner.welcomeSecret(psk);
      m.secret(at + "welcome_secret", e.hex("welcome_secret"), welcome.copySecret());
      welcome.destroy();
      EpochSecrets secrets = joiner.epochSecrets(psk, groupContext);
      joiner.destroy();
      psk.destroy();

      init = secrets.initSecret();
      m.secret(at + "init_secret", e.hex("init_secret"), init.copySecret());
      m.secret(at + "sender_data_secret", e.hex("sender_data_secret"), secrets.senderDataSecret());
      m.secret(at + "encryption_secret", e.hex("encryption_secret"), secrets.encryptionSecret());
      m.secret(at + "exporter_secret", e.hex("exporter_secret"), secrets.exporterSecret());
      m.secret(at + "epoch_authenticator", e.hex("epoch_authenticator"),
          secrets.epochAuthenticator());
      m.secret(at + "external_secret", e.hex("external_secret"), secrets.externalSecret());
      m.secret(at + "confirmation_key", e.hex("confirmation_key"), secrets.confirmationKey());
      m.secret(at + "membership_key", e.hex("membership_key"), secrets.membershipKey());
      m.secret(at + "resumption_psk", e.hex("resumption_psk"), secrets.resumptionPsk());
      m.bytes(at + "external_pub", e.hex("external_pub"), secrets.externalPublicKey());

      JsonNode exporter = e.get("exporter");
      m.secret(at + "exporter.secret", exporter.hex("secret"), secrets.export(
          exporter.string("label"), exporter.hex("context"), exporter.integer("length")));
      secrets.destroy();
    }
    init.destroy();
  }
}
