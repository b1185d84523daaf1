package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.UnsupportedException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CipherSuitesTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @ParameterizedTest
  @ValueSource(ints = {0x0000, 0x0008, 0x0A0A, 0xF000, 0xFFFF, -1})
  void get_unsupportedId_throwsUnsupported(int id) {
    assertThatThrownBy(() -> CipherSuites.get(id, RANDOM))
        .isInstanceOf(UnsupportedException.class)
        .hasMessageContaining("MLS cipher suite");
  }

  @org.junit.jupiter.api.Test
  void supported_listsSuites1To7() {
    assertThat(CipherSuites.supported()).containsExactly(1, 2, 3, 4, 5, 6, 7);
  }

  @ParameterizedTest(name = "suite {0}")
  @CsvSource({
    // id, Nh, Nk, Nn, Npk (HPKE), hash of "abc" prefix
    "1, 32, 16, 12, 32, ba7816bf",
    "2, 32, 16, 12, 65, ba7816bf",
    "3, 32, 32, 12, 32, ba7816bf",
    "4, 64, 32, 12, 56, ddaf35a1",
    "5, 64, 32, 12, 133, ddaf35a1",
    "6, 64, 32, 12, 56, ddaf35a1",
    "7, 48, 32, 12, 97, cb00753f"
  })
  void suite_sizesAndHash_matchRfc9420Section17_1(
      int id, int nh, int nk, int nn, int npk, String hashPrefix) throws Exception {
    CipherSuite suite = CipherSuites.get(id, RANDOM);
    assertThat(suite.id()).isEqualTo(id);
    assertThat(suite.hashLength()).isEqualTo(nh);
    assertThat(suite.kdf().hashLength()).isEqualTo(nh);
    assertThat(suite.aeadKeyLength()).isEqualTo(nk);
    assertThat(suite.aeadNonceLength()).isEqualTo(nn);
    byte[] digest = suite.hash("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(digest).hasSize(nh);
    assertThat(HexFormat.of().formatHex(digest)).startsWith(hashPrefix);
    assertThat(suite.mac(new byte[0], new byte[0])).hasSize(nh);
    assertThat(suite.kdfExtract(new byte[0], new byte[nh])).hasSize(nh);
    assertThat(suite.kdfExpand(new byte[nh], new byte[0], 3 * nh + 1)).hasSize(3 * nh + 1);
    RawKeyPair kp = suite.hpkeGenerateKeyPair();
    assertThat(kp.publicKey()).hasSize(npk);
    assertThat(suite.hpkePublicKey(kp.privateKey())).isEqualTo(kp.publicKey());
  }

  @ParameterizedTest(name = "suite {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void hpkeSealThenOpen_roundTrips_andTamperIsRejected(int id) throws Exception {
    CipherSuite suite = CipherSuites.get(id, RANDOM);
    RawKeyPair r = suite.hpkeDeriveKeyPair(new byte[suite.hashLength()]);
    byte[] info = {1, 2};
    byte[] aad = {3};
    byte[] pt = "welcome secrets".getBytes(StandardCharsets.UTF_8);
    HpkeSealed sealed = suite.hpkeSeal(r.publicKey(), info, aad, pt);
    assertThat(suite.hpkeOpen(sealed.kemOutput(), r.privateKey(), info, aad, sealed.ciphertext()))
        .isEqualTo(pt);
    byte[] ct = sealed.ciphertext();
    ct[0] ^= 1;
    assertThatThrownBy(() -> suite.hpkeOpen(sealed.kemOutput(), r.privateKey(), info, aad, ct))
        .isInstanceOf(AuthenticationException.class);
    byte[] badEnc = new byte[sealed.kemOutput().length + 1];
    assertThatThrownBy(() -> suite.hpkeOpen(badEnc, r.privateKey(), info, aad, sealed.ciphertext()))
        .isInstanceOf(BadKeyException.class);
  }

  @ParameterizedTest(name = "suite {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void hpkeExport_senderAndReceiver_agree(int id) throws Exception {
    CipherSuite suite = CipherSuites.get(id, RANDOM);
    RawKeyPair r = suite.hpkeGenerateKeyPair();
    HpkeExport sent = suite.hpkeExportSend(r.publicKey(), new byte[0], new byte[] {9}, 32);
    Secret received =
        suite.hpkeExportReceive(sent.kemOutput(), r.privateKey(), new byte[0], new byte[] {9}, 32);
    assertThat(received.equalsSecret(sent.exportedSecret())).isTrue();
    assertThat(sent.toString()).doesNotContain(HexFormat.of().formatHex(received.copyBytes()));
  }

  @ParameterizedTest(name = "suite {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void hpkeDeriveKeyPair_isDeterministic(int id) throws Exception {
    CipherSuite suite = CipherSuites.get(id, RANDOM);
    byte[] ikm = new byte[suite.hashLength()];
    ikm[0] = 42;
    RawKeyPair a = suite.hpkeDeriveKeyPair(ikm);
    RawKeyPair b = suite.hpkeDeriveKeyPair(ikm);
    assertThat(a.privateKey()).isEqualTo(b.privateKey());
    assertThat(a.publicKey()).isEqualTo(b.publicKey());
    assertThat(a.toString()).doesNotContain(HexFormat.of().formatHex(a.privateKey()));
  }
  @ParameterizedTest(name = "suite {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void signThenVerify_roundTrips_andTamperIsFalse(int id) throws Exception {
    CipherSuite suite = CipherSuites.get(id, RANDOM);
    RawKeyPair kp = suite.signatureGenerateKeyPair();
    assertThat(suite.signaturePublicKey(kp.privateKey())).isEqualTo(kp.publicKey());
    byte[] msg = "commit".getBytes(StandardCharsets.UTF_8);
    byte[] sig = suite.sign(kp.privateKey(), msg);
    assertThat(suite.verify(kp.publicKey(), msg, sig)).isTrue();
    byte[] other = msg.clone();
    other[0] ^= 1;
    assertThat(suite.verify(kp.publicKey(), other, sig)).isFalse();
    assertThat(suite.verify(new byte[3], msg, sig)).isFalse();
    assertThat(suite.verify(kp.publicKey(), msg, new byte[0])).isFalse();
  }
}
