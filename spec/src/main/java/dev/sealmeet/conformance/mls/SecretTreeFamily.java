package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.schedule.HashRatchet;
import dev.sealmeet.mls.schedule.MessageKey;
import dev.sealmeet.mls.schedule.RatchetType;
import dev.sealmeet.mls.schedule.SecretTree;
import dev.sealmeet.mls.schedule.SenderDataKey;
import java.util.List;

/**
 * {@code secret-tree.json} (test-vectors.md "Secret Tree"): sender-data key and nonce (RFC 9420
 * §6.3.2) and every listed handshake and application key and nonce of every leaf (§9).
 */
public final class SecretTreeFamily implements VectorFamily {
  private final SuiteRegistry suites;

  /** Resolves suite ids with RFC 9420's registry ({@link SuiteRegistry#rfc9420()}). */
  public SecretTreeFamily() {
    this(SuiteRegistry.rfc9420());
  }

  /** Resolves suite ids with {@code suites} (e.g. {@link SuiteRegistry#draftPq()}). */
  public SecretTreeFamily(SuiteRegistry suites) {
    this.suites = java.util.Objects.requireNonNull(suites, "suites");
  }

  @Override
  public String name() {
    return "mls/secret-tree";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("secret-tree.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, suites, SecretTreeFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    JsonNode senderData = c.get("sender_data");
    SenderDataKey sdk = SenderDataKey.derive(suite,
        Secret.copyOf(senderData.hex("sender_data_secret")), senderData.hex("ciphertext"));
    m.secret("sender_data.key", senderData.hex("key"), sdk.key());
    m.secret("sender_data.nonce", senderData.hex("nonce"), sdk.nonce());
    sdk.destroy();

    List<JsonNode> leaves = c.get("leaves").elements();
    SecretTree tree =
        new SecretTree(suite, Secret.copyOf(c.hex("encryption_secret")), leaves.size());
    for (int leaf = 0; leaf < leaves.size(); leaf++) {
      for (JsonNode entry : leaves.get(leaf).elements()) {
        long generation = entry.get("generation").asLong();
        String at = "leaves[" + leaf + "] generation " + generation + " ";
        checkKey(m, at + "handshake", entry.hex("handshake_key"), entry.hex("handshake_nonce"),
            tree.ratchet(leaf, RatchetType.HANDSHAKE), generation);
        checkKey(m, at + "application", entry.hex("application_key"),
            entry.hex("application_nonce"), tree.ratchet(leaf, RatchetType.APPLICATION),
            generation);
      }
    }
    tree.destroy();
  }

  private static void checkKey(Mismatches m, String what, byte[] key, byte[] nonce,
      HashRatchet ratchet, long generation) throws SealmeetException {
    MessageKey actual = ratchet.take(generation);
    m.isTrue(what + " generation", actual.generation() == generation);
    m.secret(what + "_key", key, actual.key());
    m.secret(what + "_nonce", nonce, actual.nonce());
    actual.destroy();
  }
}
