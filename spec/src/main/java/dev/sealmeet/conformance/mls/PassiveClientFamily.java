package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.ProcessedMessage;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.List;
import java.util.Optional;

/**
 * The passive-client files (test-vectors.md "Passive Client Scenarios"): join from {@code welcome}
 * with the given KeyPackage keys, tree and external PSKs, check the epoch authenticator, then for
 * each epoch process its proposals and commit through the public {@link MlsGroup} API and check the
 * epoch authenticator again. Any file whose name starts with {@code passive-client} is taken.
 */
public final class PassiveClientFamily implements VectorFamily {
  private final SuiteRegistry suites;

  /** Resolves suite ids with RFC 9420's registry ({@link SuiteRegistry#rfc9420()}). */
  public PassiveClientFamily() {
    this(SuiteRegistry.rfc9420());
  }

  /** Resolves suite ids with {@code suites} (e.g. {@link SuiteRegistry#draftPq()}). */
  public PassiveClientFamily(SuiteRegistry suites) {
    this.suites = java.util.Objects.requireNonNull(suites, "suites");
  }

  @Override
  public String name() {
    return "mls/passive-client";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).startsWith("passive-client");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, suites, (suite, c, m) -> check(suite, c, m, suites));
  }

  /** One case; the joining group resolves code points with {@code suites}, as the case did. */
  static void check(MlsSuite suite, JsonNode c, Mismatches m, SuiteRegistry suites)
      throws SealmeetException {
    KeyPackage keyPackage = (KeyPackage) MlsMessage.fromBytes(c.hex("key_package")).body();
    PskStore psks = new PskStore();
    for (JsonNode psk : c.get("external_psks").elements()) {
      psks.putExternal(psk.hex("psk_id"), psk.hex("psk"));
    }
    Optional<RatchetTree> tree = c.get("ratchet_tree").isNull()
        ? Optional.empty() : Optional.of(RatchetTree.decode(c.hex("ratchet_tree")));
    GroupConfig config = GroupConfig.defaults().withSuites(suites);
    try (KeyPackageBundle bundle = KeyPackageBundle.of(
            suite, keyPackage, scalar(suite, c, "init_priv"), scalar(suite, c, "encryption_priv"));
        SigningIdentity identity = SigningIdentity.of(
            suite, keyPackage.leafNode().credential(), scalar(suite, c, "signature_priv"));
        MlsGroup group = MlsGroup.join(MlsMessage.fromBytes(c.hex("welcome")), bundle, identity,
            tree, psks, config)) {
      m.isTrue("signature_priv matches the KeyPackage",
          java.util.Arrays.equals(identity.signaturePublicKey(),
              keyPackage.leafNode().signatureKey()));
      m.bytes("initial_epoch_authenticator", c.hex("initial_epoch_authenticator"),
          group.epochAuthenticator());
      List<JsonNode> epochs = c.get("epochs").elements();
      for (int i = 0; i < epochs.size(); i++) {
        JsonNode epoch = epochs.get(i);
        for (JsonNode proposal : epoch.get("proposals").elements()) {
          ProcessedMessage processed = group.process(MlsMessage.fromBytes(proposal.asHex()));
          m.isTrue("epoch " + i + " proposal stored", processed instanceof ReceivedProposal);
        }
        ProcessedMessage processed = group.process(MlsMessage.fromBytes(epoch.hex("commit")));
        if (!(processed instanceof StagedCommit staged)) {
          m.isTrue("epoch " + i + " commit staged", false);
          return;
        }
        group.merge(staged);
        m.bytes("epoch " + i + " epoch_authenticator", epoch.hex("epoch_authenticator"),
            group.epochAuthenticator());
        if (!m.isEmpty()) {
          return;
        }
      }
    } finally {
      psks.close();
    }
  }

  /** A private key of the case in fixed length (the vectors may drop a P-521 leading zero). */
  private static byte[] scalar(MlsSuite suite, JsonNode c, String field) {
    return MessageProtectionFamily.fixedLengthScalar(suite.id(), c.hex(field));
  }
}
