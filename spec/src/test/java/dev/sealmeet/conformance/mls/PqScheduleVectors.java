package dev.sealmeet.conformance.mls;

import static dev.sealmeet.conformance.mls.PqVectorGenerator.hex;

import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.HashRatchet;
import dev.sealmeet.mls.schedule.InitSecret;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.MessageKey;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.RatchetType;
import dev.sealmeet.mls.schedule.SecretTree;
import dev.sealmeet.mls.schedule.SenderDataKey;
import dev.sealmeet.mls.schedule.WelcomeSecret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code crypto-basics.json}, {@code key-schedule.json} or {@code secret-tree.json} in
 * the layouts of mls-implementations' test-vectors.md, computed with Sealmeet's MLS functions from
 * inputs drawn from a {@link SeededRandom}.
 */
final class PqScheduleVectors {
  private static final int KEY_SCHEDULE_EPOCHS = 3;
  private static final long[] GENERATIONS = {0, 1, 15};

  private PqScheduleVectors() {}

  /** RefHash, ExpandWithLabel, DeriveSecret, DeriveTreeSecret, Encrypt/SignWithLabel (§5). */
  static Map<String, Object> cryptoBasics(MlsSuite suite, SeededRandom r) throws SealmeetException {
    int nh = suite.hashLength();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("cipher_suite", suite.id());

    byte[] value = r.bytes(32);
    c.put("ref_hash", map("label", "RefHash", "value", hex(value),
        "out", hex(suite.refHash("RefHash", value))));

    byte[] secret = r.bytes(nh);
    byte[] context = r.bytes(32);
    int length = suite.primitives().aeadKeyLength();
    c.put("expand_with_label", map("secret", hex(secret), "label", "ExpandWithLabel",
        "context", hex(context), "length", length,
        "out", hex(suite.expandWithLabel(secret, "ExpandWithLabel", context, length))));

    secret = r.bytes(nh);
    c.put("derive_secret", map("secret", hex(secret), "label", "DeriveSecret",
        "out", hex(suite.deriveSecret(secret, "DeriveSecret"))));

    secret = r.bytes(nh);
    long generation = Integer.toUnsignedLong(r.nextInt());
    c.put("derive_tree_secret", map("secret", hex(secret), "label", "DeriveTreeSecret",
        "generation", generation, "length", nh,
        "out", hex(suite.deriveTreeSecret(secret, "DeriveTreeSecret", generation, nh))));

    RawKeyPair hpke = suite.primitives().hpkeDeriveKeyPair(r.bytes(32));
    context = r.bytes(32);
    byte[] plaintext = r.bytes(32);
    HpkeSealed sealed = suite.encryptWithLabel(
        hpke.publicKey(), "EncryptWithLabel", context, plaintext);
    c.put("encrypt_with_label", map("priv", hex(hpke.privateKey()), "pub", hex(hpke.publicKey()),
        "label", "EncryptWithLabel", "context", hex(context), "plaintext", hex(plaintext),
        "kem_output", hex(sealed.kemOutput()), "ciphertext", hex(sealed.ciphertext())));

    RawKeyPair signing = suite.primitives().signatureGenerateKeyPair();
    byte[] content = r.bytes(32);
    c.put("sign_with_label", map("priv", hex(signing.privateKey()),
        "pub", hex(signing.publicKey()), "content", hex(content), "label", "SignWithLabel",
        "signature", hex(suite.signWithLabel(signing.privateKey(), "SignWithLabel", content))));
    return c;
  }

  /** {@value #KEY_SCHEDULE_EPOCHS} epochs of the key schedule (§8), each with one export (§8.5). */
  static Map<String, Object> keySchedule(MlsSuite suite, SeededRandom r) {
    int nh = suite.hashLength();
    byte[] groupId = r.bytes(16);
    byte[] initial = r.bytes(nh);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("cipher_suite", suite.id());
    c.put("group_id", hex(groupId));
    c.put("initial_init_secret", hex(initial));
    List<Object> epochs = new ArrayList<>();
    InitSecret init = InitSecret.of(Secret.copyOf(initial));
    for (int epoch = 0; epoch < KEY_SCHEDULE_EPOCHS; epoch++) {
      byte[] treeHash = r.bytes(nh);
      byte[] commitSecret = r.bytes(nh);
      byte[] pskSecret = r.bytes(nh);
      byte[] confirmedTranscriptHash = r.bytes(nh);
      byte[] groupContext = new GroupContext(ProtocolVersion.MLS10, suite.id(), groupId, epoch,
          treeHash, confirmedTranscriptHash, List.of()).toBytes();
      JoinerSecret joiner =
          JoinerSecret.derive(suite, init, Secret.copyOf(commitSecret), groupContext);
      init.destroy();
      PskSecret psk = PskSecret.of(Secret.copyOf(pskSecret));
      WelcomeSecret welcome = joiner.welcomeSecret(psk);
      EpochSecrets secrets = joiner.epochSecrets(psk, groupContext);
      init = secrets.initSecret();
      byte[] exporterContext = r.bytes(32);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("tree_hash", hex(treeHash));
      e.put("commit_secret", hex(commitSecret));
      e.put("psk_secret", hex(pskSecret));
      e.put("confirmed_transcript_hash", hex(confirmedTranscriptHash));
      e.put("group_context", hex(groupContext));
      e.put("joiner_secret", hex(joiner.copySecret()));
      e.put("welcome_secret", hex(welcome.copySecret()));
      e.put("init_secret", hex(init.copySecret()));
      e.put("sender_data_secret", hex(secrets.senderDataSecret()));
      e.put("encryption_secret", hex(secrets.encryptionSecret()));
      e.put("exporter_secret", hex(secrets.exporterSecret()));
      e.put("epoch_authenticator", hex(secrets.epochAuthenticator()));
      e.put("external_secret", hex(secrets.externalSecret()));
      e.put("confirmation_key", hex(secrets.confirmationKey()));
      e.put("membership_key", hex(secrets.membershipKey()));
      e.put("resumption_psk", hex(secrets.resumptionPsk()));
      e.put("external_pub", hex(secrets.externalPublicKey()));
      e.put("exporter", map("label", "sealmeet pq exporter", "context", hex(exporterContext),
          "length", 32, "secret",
          hex(secrets.export("sealmeet pq exporter", exporterContext, 32))));
      epochs.add(e);
      joiner.destroy();
      welcome.destroy();
      psk.destroy();
      secrets.destroy();
    }
    init.destroy();
    c.put("epochs", epochs);
    return c;
  }

  /** The sender-data key and nonce (§6.3.2) and the ratchets of {@code leaves} leaves (§9). */
  static Map<String, Object> secretTree(MlsSuite suite, SeededRandom r, int leaves)
      throws SealmeetException {
    int nh = suite.hashLength();
    byte[] senderDataSecret = r.bytes(nh);
    byte[] ciphertext = r.bytes(77);
    SenderDataKey sdk = SenderDataKey.derive(suite, Secret.copyOf(senderDataSecret), ciphertext);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("cipher_suite", suite.id());
    c.put("sender_data", map("sender_data_secret", hex(senderDataSecret),
        "ciphertext", hex(ciphertext), "key", hex(sdk.key()), "nonce", hex(sdk.nonce())));
    sdk.destroy();
    byte[] encryptionSecret = r.bytes(nh);
    c.put("encryption_secret", hex(encryptionSecret));
    SecretTree tree = new SecretTree(suite, Secret.copyOf(encryptionSecret), leaves);
    List<Object> all = new ArrayList<>();
    for (int leaf = 0; leaf < leaves; leaf++) {
      List<Object> entries = new ArrayList<>();
      HashRatchet handshake = tree.ratchet(leaf, RatchetType.HANDSHAKE);
      HashRatchet application = tree.ratchet(leaf, RatchetType.APPLICATION);
      for (long generation : GENERATIONS) {
        MessageKey h = handshake.take(generation);
        MessageKey a = application.take(generation);
        entries.add(map("generation", generation,
            "handshake_key", hex(h.key()), "handshake_nonce", hex(h.nonce()),
            "application_key", hex(a.key()), "application_nonce", hex(a.nonce())));
        h.destroy();
        a.destroy();
      }
      all.add(entries);
    }
    tree.destroy();
    c.put("leaves", all);
    return c;
  }

  /** A map of the given key/value pairs, in order. */
  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1]);
    }
    return out;
  }
}
