package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Hkdf;
import dev.sealmeet.crypto.SuiteDefinition;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.mls.GroupKeySet;
import org.bouncycastle.mls.KeyGeneration;
import org.bouncycastle.mls.KeyScheduleEpoch;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeSize;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.bouncycastle.mls.crypto.MlsSigner;
import org.bouncycastle.mls.crypto.Secret;
import org.bouncycastle.mls.crypto.bc.BcMlsAead;
import org.bouncycastle.mls.crypto.bc.BcMlsKdf;
import org.bouncycastle.mls.crypto.bc.BcMlsSigner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An independent peer for part of the post-quantum vectors: BouncyCastle's MLS (bcmls 1.84) has no
 * post-quantum suite, but its {@link MlsCipherSuite} can be composed from parts, and bcprov's own
 * HPKE implements draft-ietf-hpke-pq's KEMs (ML-KEM, X-Wing, the NIST-curve hybrids). Composed that
 * way it checks {@code crypto-basics.json} (labelled functions, Encrypt/DecryptWithLabel over the
 * PQ KEMs, VerifyWithLabel except ML-DSA, which bcmls lacks), {@code key-schedule.json} (every
 * epoch secret, the exporter, and {@code external_pub} through bcprov's DeriveKeyPair) and {@code
 * secret-tree.json}, with no Sealmeet code on the checking side. The same checks run on the
 * official RFC 9420 files first, which shows that this harness reads the layouts right.
 *
 * <p>Not checked by this peer: the framing files (message-protection, welcome, tree-operations)
 * need bcmls's group and codec layers, which resolve suites by their fixed RFC 9420 ids only.
 */
class BcPqPeerTest {
  private static final Path PQ = Path.of("vectors", "mls-pq");

  @TestFactory
  Stream<DynamicTest> mlsPqFiles_agreeWithBouncyCastle() throws IOException {
    return cases(PQ, SuiteRegistry.draftPq());
  }

  @TestFactory
  Stream<DynamicTest> officialFiles_agreeWithBouncyCastle_soTheHarnessReadsTheLayoutsRight()
      throws IOException {
    return cases(VectorRoot.official().resolve("mls"), SuiteRegistry.rfc9420());
  }

  private static Stream<DynamicTest> cases(Path folder, SuiteRegistry registry)
      throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : List.of("crypto-basics.json", "key-schedule.json", "secret-tree.json")) {
      List<JsonNode> all = Json.parse(
          Files.readString(folder.resolve(file), StandardCharsets.UTF_8)).elements();
      for (int i = 0; i < all.size(); i++) {
        JsonNode c = all.get(i);
        int id = c.integer("cipher_suite");
        SuiteDefinition definition = registry.definition(id).orElseThrow();
        tests.add(DynamicTest.dynamicTest(
            String.format("%s / suite 0x%04x / case %d", file, id, i), () -> {
              SoftAssertions soft = new SoftAssertions();
              MlsCipherSuite suite = bcSuite(id, definition);
              switch (file) {
                case "crypto-basics.json":
                  cryptoBasics(suite, definition, c, soft);
                  break;
                case "key-schedule.json":
                  keySchedule(suite, c, soft);
                  break;
                default:
                  secretTree(suite, c, soft);
              }
              soft.assertAll();
            }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /** bcmls's suite composed from bcprov's HPKE and bcmls's KDF, AEAD and (if any) signer. */
  private static MlsCipherSuite bcSuite(int id, SuiteDefinition d) {
    return new MlsCipherSuite((short) id, signer(d.signatureTlsId()), new BcMlsKdf(digest(d.kdf())),
        new BcMlsAead((short) d.aeadId()),
        new HPKE(HPKE.mode_base, (short) d.kemId(), (short) d.kdf().hpkeId(), (short) d.aeadId()));
  }

  /** bcmls's signer for the TLS scheme, or null for ML-DSA, which bcmls 1.84 does not have. */
  private static MlsSigner signer(int tlsId) {
    switch (tlsId) {
      case 0x0403: return new BcMlsSigner(MlsSigner.ecdsa_secp256r1_sha256);
      case 0x0503: return new BcMlsSigner(MlsSigner.ecdsa_secp384r1_sha384);
      case 0x0603: return new BcMlsSigner(MlsSigner.ecdsa_secp521r1_sha512);
      case 0x0807: return new BcMlsSigner(MlsSigner.ed25519);
      case 0x0808: return new BcMlsSigner(MlsSigner.ed448);
      default: return null;
    }
  }

  private static Digest digest(Hkdf kdf) {
    switch (kdf) {
      case SHA256: return new SHA256Digest();
      case SHA384: return new SHA384Digest();
      default: return new SHA512Digest();
    }
  }

  private static void cryptoBasics(MlsCipherSuite suite, SuiteDefinition d, JsonNode c,
      SoftAssertions soft) throws Exception {
    JsonNode ref = c.get("ref_hash");
    soft.assertThat(suite.refHash(ref.hex("value"), ref.string("label")))
        .as("ref_hash").isEqualTo(ref.hex("out"));
    JsonNode expand = c.get("expand_with_label");
    soft.assertThat(suite.getKDF().expandWithLabel(expand.hex("secret"), expand.string("label"),
        expand.hex("context"), expand.integer("length")))
        .as("expand_with_label").isEqualTo(expand.hex("out"));
    JsonNode derive = c.get("derive_secret");
    soft.assertThat(new Secret(derive.hex("secret")).deriveSecret(suite, derive.string("label"))
        .value()).as("derive_secret").isEqualTo(derive.hex("out"));
    JsonNode tree = c.get("derive_tree_secret");
    soft.assertThat(new Secret(tree.hex("secret")).deriveTreeSecret(suite, tree.string("label"),
        (int) tree.get("generation").asLong(), tree.integer("length")).value())
        .as("derive_tree_secret").isEqualTo(tree.hex("out"));
    JsonNode enc = c.get("encrypt_with_label");
    soft.assertThat(suite.decryptWithLabel(enc.hex("priv"), enc.string("label"),
        enc.hex("context"), enc.hex("kem_output"), enc.hex("ciphertext")))
        .as("encrypt_with_label: BouncyCastle decrypts").isEqualTo(enc.hex("plaintext"));
    if (signer(d.signatureTlsId()) != null) {
      JsonNode sign = c.get("sign_with_label");
      soft.assertThat(suite.verifyWithLabel(sign.hex("pub"), sign.string("label"),
          sign.hex("content"), sign.hex("signature")))
          .as("sign_with_label: BouncyCastle verifies").isTrue();
    }
  }

  private static void keySchedule(MlsCipherSuite suite, JsonNode c, SoftAssertions soft)
      throws Exception {
    Secret init = new Secret(c.hex("initial_init_secret"));
    List<JsonNode> epochs = c.get("epochs").elements();
    for (int i = 0; i < epochs.size(); i++) {
      JsonNode e = epochs.get(i);
      String at = "epochs[" + i + "].";
      byte[] context = e.hex("group_context");
      Secret joiner = Secret.extract(suite, init, new Secret(e.hex("commit_secret")))
          .expandWithLabel(suite, "joiner", context, suite.getKDF().getHashLength());
      soft.assertThat(joiner.value()).as(at + "joiner_secret").isEqualTo(e.hex("joiner_secret"));
      Secret psk = new Secret(e.hex("psk_secret"));
      soft.assertThat(Secret.extract(suite, joiner, psk).deriveSecret(suite, "welcome").value())
          .as(at + "welcome_secret").isEqualTo(e.hex("welcome_secret"));
      KeyScheduleEpoch epoch = new KeyScheduleEpoch(suite, TreeSize.forLeaves(1),
          new Secret(e.hex("joiner_secret")), psk, context);
      soft.assertThat(epoch.initSecret.value()).as(at + "init_secret")
          .isEqualTo(e.hex("init_secret"));
      soft.assertThat(epoch.senderDataSecret.value()).as(at + "sender_data_secret")
          .isEqualTo(e.hex("sender_data_secret"));
      soft.assertThat(epoch.encryptionSecret.value()).as(at + "encryption_secret")
          .isEqualTo(e.hex("encryption_secret"));
      soft.assertThat(epoch.exporterSecret.value()).as(at + "exporter_secret")
          .isEqualTo(e.hex("exporter_secret"));
      soft.assertThat(epoch.epochAuthenticator.value()).as(at + "epoch_authenticator")
          .isEqualTo(e.hex("epoch_authenticator"));
      soft.assertThat(epoch.externalSecret.value()).as(at + "external_secret")
          .isEqualTo(e.hex("external_secret"));
      soft.assertThat(epoch.confirmationKey.value()).as(at + "confirmation_key")
          .isEqualTo(e.hex("confirmation_key"));
      soft.assertThat(epoch.membershipKey.value()).as(at + "membership_key")
          .isEqualTo(e.hex("membership_key"));
      soft.assertThat(epoch.resumptionPSK.value()).as(at + "resumption_psk")
          .isEqualTo(e.hex("resumption_psk"));
      HPKE hpke = suite.getHPKE();
      soft.assertThat(hpke.serializePublicKey(
          hpke.deriveKeyPair(e.hex("external_secret")).getPublic()))
          .as(at + "external_pub (bcprov DeriveKeyPair)").isEqualTo(e.hex("external_pub"));
      JsonNode exporter = e.get("exporter");
      soft.assertThat(new Secret(e.hex("exporter_secret"))
          .deriveSecret(suite, exporter.string("label"))
          .expandWithLabel(suite, "exported", suite.hash(exporter.hex("context")),
              exporter.integer("length")).value())
          .as(at + "exporter.secret").isEqualTo(exporter.hex("secret"));
      init = new Secret(e.hex("init_secret"));
    }
  }

  private static void secretTree(MlsCipherSuite suite, JsonNode c, SoftAssertions soft)
      throws Exception {
    JsonNode senderData = c.get("sender_data");
    KeyGeneration sdk = KeyScheduleEpoch.senderDataKeys(suite,
        senderData.hex("sender_data_secret"), senderData.hex("ciphertext"));
    soft.assertThat(sdk.key).as("sender_data.key").isEqualTo(senderData.hex("key"));
    soft.assertThat(sdk.nonce).as("sender_data.nonce").isEqualTo(senderData.hex("nonce"));
    List<JsonNode> leaves = c.get("leaves").elements();
    GroupKeySet keys = new GroupKeySet(suite, TreeSize.forLeaves(leaves.size()),
        new Secret(c.hex("encryption_secret")));
    for (int leaf = 0; leaf < leaves.size(); leaf++) {
      for (JsonNode entry : leaves.get(leaf).elements()) {
        int generation = (int) entry.get("generation").asLong();
        String at = "leaves[" + leaf + "] generation " + generation + " ";
        KeyGeneration h = keys.handshakeRatchet(new LeafIndex(leaf)).get(generation);
        KeyGeneration a = keys.applicationRatchet(new LeafIndex(leaf)).get(generation);
        soft.assertThat(h.key).as(at + "handshake_key").isEqualTo(entry.hex("handshake_key"));
        soft.assertThat(h.nonce).as(at + "handshake_nonce")
            .isEqualTo(entry.hex("handshake_nonce"));
        soft.assertThat(a.key).as(at + "application_key")
            .isEqualTo(entry.hex("application_key"));
        soft.assertThat(a.nonce).as(at + "application_nonce")
            .isEqualTo(entry.hex("application_nonce"));
      }
    }
  }
}
