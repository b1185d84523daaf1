package dev.sealmeet.mls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.mls.testing.TestSuites;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the official crypto-basics.json (suite 1) and hand-built encodings of the §5
 * structs, checked by verifying or opening with the raw suite over exactly those bytes.
 */
class MlsSuiteTest {
  private static final HexFormat HEX = HexFormat.of();
  private final MlsSuite suite = TestSuites.suite1();

  private static String hex(String ascii) {
    return HEX.formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void expandWithLabel_suite1Vector_matches() {
    byte[] out = suite.expandWithLabel(
        HEX.parseHex("1499360a561335f4ef51d0a1b0d586900dc8007ae405b1ab79bf4207bb3d67e4"),
        "ExpandWithLabel",
        HEX.parseHex("2ff8c1f9d9c1248f82e372ddb5791c771695e01882abca6a64097bd2f04c971f"),
        16);
    assertThat(HEX.formatHex(out)).isEqualTo("c1e8eb360391526c0c64039f13e0c5b1");
  }

  @Test
  void deriveSecret_suite1Vector_matches() {
    byte[] out = suite.deriveSecret(
        HEX.parseHex("1a9ce178a53f8752d2513c27efe9c85133f6c0a97f7b35ac200695024a77228e"),
        "DeriveSecret");
    assertThat(HEX.formatHex(out))
        .isEqualTo("3b08c195a246c4ad469c1d11c10e62890d8fa6b684494ff925409efdb1ff0464");
  }

  @Test
  void deriveSecret_secretHolder_matchesArrayVariant() {
    byte[] raw = HEX.parseHex("1a9ce178a53f8752d2513c27efe9c85133f6c0a97f7b35ac200695024a77228e");
    Secret out = suite.deriveSecret(Secret.copyOf(raw), "DeriveSecret");
    assertThat(HEX.formatHex(out.copyBytes()))
        .isEqualTo("3b08c195a246c4ad469c1d11c10e62890d8fa6b684494ff925409efdb1ff0464");
  }

  @Test
  void deriveTreeSecret_suite1Vector_matches() {
    byte[] out = suite.deriveTreeSecret(
        HEX.parseHex("5133c6f8bad297f5d3beacdf477f0c45ec51b02de659d305220c5f9385c6eb43"),
        "DeriveTreeSecret", 2694881440L, 32);
    assertThat(HEX.formatHex(out))
        .isEqualTo("8461f3ccc603eae52149a23a4134d29c880a1ad1ba70441e5d586e3521ec7b25");
  }

  @Test
  void refHash_suite1Vector_matches() {
    byte[] out = suite.refHash("RefHash",
        HEX.parseHex("40312db83f651883c05ab26fa12c6af61930015c81947cfd0f129e6d99210bb2"));
    assertThat(HEX.formatHex(out))
        .isEqualTo("e8027fffc5f9bb469f29172538dc0f3a78f14f323495bbd2217eba7a77fb242a");
  }

  @Test
  void signWithLabel_anyContent_signsPrefixedSignContent() throws Exception {
    RawKeyPair keys = suite.primitives().signatureGenerateKeyPair();
    byte[] sig = suite.signWithLabel(keys.privateKey(), "LeafNodeTBS", new byte[] {1, 2});
    // varint 19, "MLS 1.0 LeafNodeTBS", varint 2, 01 02
    byte[] signContent = HEX.parseHex("13" + hex("MLS 1.0 LeafNodeTBS") + "020102");
    assertThat(suite.primitives().verify(keys.publicKey(), signContent, sig)).isTrue();
  }

  @Test
  void verifyWithLabel_wrongLabel_isFalse() throws Exception {
    RawKeyPair keys = suite.primitives().signatureGenerateKeyPair();
    byte[] sig = suite.signWithLabel(keys.privateKey(), "A", new byte[] {7});
    assertThat(suite.verifyWithLabel(keys.publicKey(), "A", new byte[] {7}, sig)).isTrue();
    assertThat(suite.verifyWithLabel(keys.publicKey(), "B", new byte[] {7}, sig)).isFalse();
  }

  @Test
  void requireValidSignature_badSignature_throwsNamingTheCheck() {
    byte[] publicKey = suite.primitives().signatureGenerateKeyPair().publicKey();
    assertThatThrownBy(() -> suite.requireValidSignature(
            publicKey, "A", new byte[] {7}, new byte[64], "GroupInfo signature"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("GroupInfo signature");
  }

  @Test
  void encryptWithLabel_anyContext_usesEncryptContextAsInfo() throws Exception {
    RawKeyPair keys = suite.primitives().hpkeGenerateKeyPair();
    HpkeSealed sealed =
        suite.encryptWithLabel(keys.publicKey(), "UpdatePathNode", new byte[] {9}, new byte[] {1});
    // varint 22, "MLS 1.0 UpdatePathNode", varint 1, 09; the aad is empty (§5.1.3)
    byte[] info = HEX.parseHex("16" + hex("MLS 1.0 UpdatePathNode") + "0109");
    assertThat(suite.primitives().hpkeOpen(sealed.kemOutput(), keys.privateKey(), info, new byte[0],
        sealed.ciphertext())).containsExactly(1);
  }

  @Test
  void decryptWithLabel_anyContext_usesEncryptContextAsInfo() throws Exception {
    RawKeyPair keys = suite.primitives().hpkeGenerateKeyPair();
    byte[] info = HEX.parseHex("0f" + hex("MLS 1.0 Welcome") + "00");
    HpkeSealed sealed = suite.primitives().hpkeSeal(keys.publicKey(), info, new byte[0], new byte[] {1});
    assertThat(suite.decryptWithLabel(keys.privateKey(), "Welcome", new byte[0],
        sealed.kemOutput(), sealed.ciphertext())).containsExactly(1);
  }

  @Test
  void expandWithLabel_lengthAboveUint16_isRejected() {
    assertThatThrownBy(() -> suite.expandWithLabel(new byte[32], "x", new byte[0], 0x10000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decryptWithLabel_realSuite_roundTripsAndRejectsOtherLabelOrContext() throws Exception {
    MlsSuite real = MlsSuite.of(1, new java.security.SecureRandom());
    RawKeyPair keys = real.primitives().hpkeGenerateKeyPair();
    HpkeSealed sealed =
        real.encryptWithLabel(keys.publicKey(), "Welcome", new byte[] {1}, new byte[] {42});
    assertThat(real.decryptWithLabel(keys.privateKey(), "Welcome", new byte[] {1},
        sealed.kemOutput(), sealed.ciphertext())).containsExactly(42);
    assertThatThrownBy(() -> real.decryptWithLabel(keys.privateKey(), "UpdatePathNode",
        new byte[] {1}, sealed.kemOutput(), sealed.ciphertext()))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> real.decryptWithLabel(keys.privateKey(), "Welcome",
        new byte[] {2}, sealed.kemOutput(), sealed.ciphertext()))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void verifyWithLabel_realSuite_acceptsOwnSignatureOnlyUnderSameLabel() throws Exception {
    for (int id = 1; id <= 7; id++) {
      MlsSuite real = MlsSuite.of(id, new java.security.SecureRandom());
      RawKeyPair keys = real.primitives().signatureGenerateKeyPair();
      byte[] sig = real.signWithLabel(keys.privateKey(), "LeafNodeTBS", new byte[] {5});
      assertThat(real.verifyWithLabel(keys.publicKey(), "LeafNodeTBS", new byte[] {5}, sig))
          .as("suite %d", id).isTrue();
      assertThat(real.verifyWithLabel(keys.publicKey(), "GroupInfoTBS", new byte[] {5}, sig))
          .as("suite %d", id).isFalse();
      assertThat(real.verifyWithLabel(keys.publicKey(), "LeafNodeTBS", new byte[] {6}, sig))
          .as("suite %d", id).isFalse();
    }
  }

  @Test
  void of_unknownSuite_throwsUnsupported() {
    assertThatThrownBy(() -> MlsSuite.of(0x7777, new java.security.SecureRandom()))
        .isInstanceOf(dev.sealmeet.error.UnsupportedException.class);
  }

  @Test
  void toString_showsSuiteIdOnly() {
    assertThat(suite).hasToString("MlsSuite[0x0001]");
  }
}
