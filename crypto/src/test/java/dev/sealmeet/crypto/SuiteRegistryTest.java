package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.UnsupportedException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuiteRegistryTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void rfc9420_isSuites1To7_andCipherSuitesAgree() throws Exception {
    assertThat(SuiteRegistry.rfc9420().codePoints()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    for (int id = 1; id <= 7; id++) {
      assertThat(SuiteRegistry.rfc9420().get(id, RANDOM).toString())
          .isEqualTo(CipherSuites.get(id, RANDOM).toString());
    }
  }

  @Test
  void draftPq_addsTbd1To11AtPrivateUseCodePoints() {
    assertThat(SuiteRegistry.draftPq().codePoints()).containsExactly(1, 2, 3, 4, 5, 6, 7,
        0xF001, 0xF002, 0xF003, 0xF004, 0xF005, 0xF006, 0xF007, 0xF008, 0xF009, 0xF00A, 0xF00B);
    assertThat(SuiteRegistry.draftPqDefinitions()).hasSize(11);
    assertThat(SuiteRegistry.draftPq().definition(0xF009)).get()
        .extracting(SuiteDefinition::name)
        .isEqualTo("MLS_128_MLKEM768X25519_CHACHA20POLY1305_SHA384_MLDSA44");
  }

  @ParameterizedTest(name = "OpenMLS 0.9 suite {0}")
  @CsvSource({
    // code point, KEM, KDF, AEAD, signature (OpenMLS traits/src/types.rs, openmls-v0.9.0-rc.3)
    "0x0042, 0x0042, 0x0002, 0x0002, 0x0503",
    "0x0050, 0x0041, 0x0002, 0x0002, 0x0403",
    "0x0051, 0x0041, 0x0002, 0x0002, 0x0905",
    "0x0906, 0x0042, 0x0003, 0x0002, 0x0906",
    "0x0907, 0x0042, 0x0002, 0x0002, 0x0906",
    "0xF042, 0x0041, 0x0002, 0x0002, 0x0807"
  })
  void openMls09_holdsOpenMlsCodePoints(String codePoint, String kem, String kdf, String aead,
      String signature) throws Exception {
    assertDefinition(SuiteRegistry.openMls09(), codePoint, kem, kdf, aead, signature);
  }

  @ParameterizedTest(name = "ts-mls 1.6 suite {0}")
  @CsvSource({
    // code point, KEM, KDF, AEAD, signature (ts-mls src/crypto/ciphersuite.ts, v1.6.2 and 1.x)
    "81, 0x0042, 0x0003, 0x0002, 0x0807",
    "82, 0x0042, 0x0003, 0x0003, 0x0807",
    "83, 0x647a, 0x0003, 0x0002, 0x0807",
    "84, 0x647a, 0x0003, 0x0003, 0x0807",
    "85, 0x0042, 0x0003, 0x0002, 0x0906",
    "86, 0x0042, 0x0003, 0x0003, 0x0906",
    "87, 0x647a, 0x0003, 0x0002, 0x0906",
    "88, 0x647a, 0x0003, 0x0003, 0x0906"
  })
  void tsMls164_holdsTsMlsCodePoints(String codePoint, String kem, String kdf, String aead,
      String signature) throws Exception {
    assertDefinition(SuiteRegistry.tsMls164(), codePoint, kem, kdf, aead, signature);
  }

  @Test
  void peerPresets_holdNothingElse_andLeaveOutWhatTheyCannotState() {
    assertThat(SuiteRegistry.openMls09().codePoints()).containsExactly(1, 2, 3, 4, 5, 6, 7,
        0x0042, 0x0050, 0x0051, 0x0906, 0x0907, 0xF042);
    assertThat(SuiteRegistry.openMls09().definition(0x004D)).isEmpty();
    assertThat(SuiteRegistry.tsMls164().codePoints()).containsExactly(1, 2, 3, 4, 5, 6, 7,
        81, 82, 83, 84, 85, 86, 87, 88);
    assertThat(SuiteRegistry.tsMls164().definition(83)).get().extracting(SuiteDefinition::name)
        .isEqualTo("MLS_256_XWING_AES256GCM_SHA512_Ed25519");
  }

  private static void assertDefinition(SuiteRegistry registry, String codePoint, String kem,
      String kdf, String aead, String signature) throws Exception {
    int id = Integer.decode(codePoint);
    SuiteDefinition d = registry.definition(id).orElseThrow();
    assertThat(d.kemId()).isEqualTo(Integer.decode(kem));
    assertThat(d.kdf().hpkeId()).isEqualTo(Integer.decode(kdf));
    assertThat(d.aeadId()).isEqualTo(Integer.decode(aead));
    assertThat(d.signatureTlsId()).isEqualTo(Integer.decode(signature));
    assertThat(registry.get(id, RANDOM).id()).isEqualTo(id);
  }

  @ParameterizedTest(name = "TBD{0}")
  @CsvSource({
    // n, KEM, KDF, AEAD, signature, Nh, Npk (HPKE), signature public key length
    "1, 0x647a, 0x0001, 0x0001, 0x0807, 32, 1216, 32",
    "2, 0x647a, 0x0002, 0x0002, 0x0807, 48, 1216, 32",
    "3, 0x0050, 0x0001, 0x0001, 0x0403, 32, 1249, 65",
    "4, 0x0050, 0x0002, 0x0002, 0x0403, 48, 1249, 65",
    "5, 0x0051, 0x0002, 0x0002, 0x0503, 48, 1665, 97",
    "6, 0x0041, 0x0002, 0x0002, 0x0807, 48, 1184, 32",
    "7, 0x0041, 0x0002, 0x0002, 0x0403, 48, 1184, 65",
    "8, 0x0042, 0x0002, 0x0002, 0x0503, 48, 1568, 97",
    "9, 0x647a, 0x0002, 0x0003, 0x0904, 48, 1216, 1312",
    "10, 0x0041, 0x0002, 0x0002, 0x0905, 48, 1184, 1952",
    "11, 0x0042, 0x0002, 0x0002, 0x0906, 48, 1568, 2592"
  })
  void draftPqSuite_matchesTheDraftTable_andRoundTrips(int n, String kem, String kdf, String aead,
      String signature, int nh, int npk, int signatureKeyLength) throws Exception {
    SuiteDefinition d = SuiteRegistry.draftPq().definition(SuiteRegistry.DRAFT_PQ_BASE + n)
        .orElseThrow();
    assertThat(d.kemId()).isEqualTo(Integer.decode(kem));
    assertThat(d.kdf().hpkeId()).isEqualTo(Integer.decode(kdf));
    assertThat(d.aeadId()).isEqualTo(Integer.decode(aead));
    assertThat(d.signatureTlsId()).isEqualTo(Integer.decode(signature));

    CipherSuite suite = SuiteRegistry.draftPq().get(SuiteRegistry.DRAFT_PQ_BASE + n, RANDOM);
    assertThat(suite.id()).isEqualTo(SuiteRegistry.DRAFT_PQ_BASE + n);
    assertThat(suite.hashLength()).isEqualTo(nh);
    RawKeyPair kp = suite.hpkeDeriveKeyPair(new byte[nh]);
    assertThat(kp.publicKey()).hasSize(npk);
    byte[] pt = "path secret".getBytes(StandardCharsets.UTF_8);
    HpkeSealed sealed = suite.hpkeSeal(kp.publicKey(), new byte[] {1}, new byte[0], pt);
    assertThat(suite.hpkeOpen(sealed.kemOutput(), kp.privateKey(), new byte[] {1}, new byte[0],
        sealed.ciphertext())).isEqualTo(pt);
    byte[] ct = sealed.ciphertext();
    ct[0] ^= 1;
    assertThatThrownBy(() -> suite.hpkeOpen(sealed.kemOutput(), kp.privateKey(), new byte[] {1},
        new byte[0], ct)).isInstanceOf(AuthenticationException.class);
    RawKeyPair signer = Signatures.forTlsId(d.signatureTlsId()).generateKeyPair(RANDOM);
    assertThat(signer.publicKey()).hasSize(signatureKeyLength);
    byte[] sig = suite.sign(signer.privateKey(), pt);
    assertThat(suite.verify(signer.publicKey(), pt, sig)).isTrue();
  }

  @Test
  void get_codePointNotInTheRegistry_throwsUnsupportedNamingIt() {
    assertThatThrownBy(() -> SuiteRegistry.rfc9420().get(0xF001, RANDOM))
        .isInstanceOf(UnsupportedException.class)
        .hasMessageContaining("MLS cipher suite 0xf001");
  }

  @Test
  void with_takenCodePointOrSecondCodePointForOneSuite_isRefused() {
    SuiteDefinition xWing = SuiteRegistry.draftPqDefinitions().get(0);
    assertThatThrownBy(() -> SuiteRegistry.rfc9420().with(1, xWing))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    assertThatThrownBy(() -> SuiteRegistry.draftPq().with(0x004D, xWing))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has");
    SuiteRegistry openMlsStyle = SuiteRegistry.rfc9420().with(0x004D, xWing);
    assertThat(openMlsStyle.definition(0x004D)).contains(xWing);
  }

  @Test
  void definition_withAComponentNotOffered_isRefused() {
    assertThatThrownBy(() -> new SuiteDefinition("x", 0x0030, Hkdf.SHA256, 1, 0x0807))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KEM 0x0030");
    assertThatThrownBy(() -> new SuiteDefinition("x", 0x0020, Hkdf.SHA256, 1, 0x0401))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x0401");
  }
}
