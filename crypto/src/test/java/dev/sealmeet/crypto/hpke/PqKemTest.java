package dev.sealmeet.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The KEMs of draft-ietf-hpke-pq through {@link Hpke}: round trips in base and PSK mode with HKDF and
 * SHAKE, no auth modes, and hostile keys and encapsulations refused with {@link BadKeyException}. The
 * known answers are checked by the conformance family of the draft's vectors.
 */
class PqKemTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] NONE = new byte[0];
  private static final byte[] INFO = {1, 2, 3};

  @ParameterizedTest(name = "KEM 0x{0}")
  @ValueSource(ints = {0x0040, 0x0041, 0x0042, 0x0050, 0x0051, 0x647a})
  void sealOpenAndExport_baseAndPsk_roundTrip(int kemId) throws Exception {
    for (int kdfId : new int[] {0x0001, 0x0011}) {
      Hpke hpke = Hpke.of(kemId, kdfId, 0x0003);
      RawKeyPair r = hpke.generateKeyPair(RANDOM);
      assertThat(r.privateKey()).hasSize(hpke.privateKeyLength());
      assertThat(r.publicKey()).hasSize(hpke.publicKeyLength())
          .isEqualTo(hpke.publicKey(r.privateKey()));
      HpkeSealed sealed = hpke.seal(
          HpkeMode.BASE, r.publicKey(), INFO, NONE, new byte[] {42}, NONE, NONE, null, RANDOM);
      assertThat(sealed.kemOutput()).hasSize(hpke.encLength());
      assertThat(hpke.open(HpkeMode.BASE, sealed.kemOutput(), r.privateKey(), INFO, NONE,
          sealed.ciphertext(), NONE, NONE, null)).containsExactly(42);
      byte[] psk = new byte[32];
      byte[] pskId = {7};
      HpkeSenderContext s =
          hpke.setupSender(HpkeMode.PSK, r.publicKey(), INFO, psk, pskId, null, RANDOM);
      HpkeReceiverContext o =
          hpke.setupReceiver(HpkeMode.PSK, s.enc(), r.privateKey(), INFO, psk, pskId, null);
      assertThat(o.export(INFO, 17).equalsSecret(s.export(INFO, 17))).isTrue();
    }
  }

  @ParameterizedTest(name = "KEM 0x{0}")
  @ValueSource(ints = {0x0040, 0x0041, 0x0042, 0x0050, 0x0051, 0x647a})
  void deriveKeyPair_sameIkm_sameKeys_otherIkm_otherKeys(int kemId) throws Exception {
    Hpke hpke = Hpke.of(kemId, 1, 1);
    byte[] ikm = new byte[32];
    RawKeyPair a = hpke.deriveKeyPair(ikm);
    assertThat(hpke.deriveKeyPair(ikm).publicKey()).isEqualTo(a.publicKey());
    ikm[31] = 1;
    assertThat(hpke.deriveKeyPair(ikm).publicKey()).isNotEqualTo(a.publicKey());
  }

  @ParameterizedTest(name = "KEM 0x{0}")
  @ValueSource(ints = {0x0040, 0x0050, 0x647a})
  void authModes_areRefused(int kemId) throws Exception {
    Hpke hpke = Hpke.of(kemId, 1, 1);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    assertThat(hpke.supportsAuthModes()).isFalse();
    assertThatThrownBy(() -> hpke.setupSender(
            HpkeMode.AUTH, r.publicKey(), INFO, NONE, NONE, r.privateKey(), RANDOM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no authenticated");
  }

  @ParameterizedTest(name = "KEM 0x{0}")
  @ValueSource(ints = {0x0040, 0x0041, 0x0042, 0x0050, 0x0051, 0x647a})
  void wrongLengths_ofEncKeysAndSeeds_throwBadKey(int kemId) throws Exception {
    Hpke hpke = Hpke.of(kemId, 1, 1);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    byte[] enc = hpke.setupSender(HpkeMode.BASE, r.publicKey(), INFO, NONE, NONE, null, RANDOM)
        .enc();
    assertThatThrownBy(() -> receive(hpke, Arrays.copyOf(enc, enc.length - 1), r.privateKey()))
        .isInstanceOf(BadKeyException.class);
    assertThatThrownBy(() -> receive(hpke, Arrays.copyOf(enc, enc.length + 1), r.privateKey()))
        .isInstanceOf(BadKeyException.class);
    byte[] shortSeed = Arrays.copyOf(r.privateKey(), r.privateKey().length - 1);
    assertThatThrownBy(() -> receive(hpke, enc, shortSeed)).isInstanceOf(BadKeyException.class);
    assertThatThrownBy(() -> hpke.publicKey(shortSeed)).isInstanceOf(BadKeyException.class);
    byte[] longKey = Arrays.copyOf(r.publicKey(), r.publicKey().length + 1);
    assertThatThrownBy(() -> send(hpke, longKey)).isInstanceOf(BadKeyException.class);
  }

  @ParameterizedTest(name = "KEM 0x{0}")
  @ValueSource(ints = {0x0050, 0x0051})
  void nistHybrid_pointOffTheCurve_throwsBadKey(int kemId) throws Exception {
    Hpke hpke = Hpke.of(kemId, 1, 1);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    byte[] enc = send(hpke, r.publicKey()).enc();
    enc[enc.length - 1] ^= 1; // last byte of ct_T's y coordinate: off the curve
    assertThatThrownBy(() -> receive(hpke, enc, r.privateKey()))
        .isInstanceOf(BadKeyException.class);
    byte[] pk = r.publicKey();
    pk[pk.length - 1] ^= 1; // ek_T off the curve
    assertThatThrownBy(() -> send(hpke, pk)).isInstanceOf(BadKeyException.class);
  }

  @Test
  void xWing_smallOrderShare_throwsBadKey() throws Exception {
    Hpke hpke = Hpke.of(0x647a, 1, 1);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    byte[] enc = send(hpke, r.publicKey()).enc();
    Arrays.fill(enc, enc.length - 32, enc.length, (byte) 0); // ct_X = 0, a small-order point
    assertThatThrownBy(() -> receive(hpke, enc, r.privateKey()))
        .isInstanceOf(BadKeyException.class).hasMessageContaining("all zero");
  }

  @ParameterizedTest(name = "KEM 0x{0}")
  @ValueSource(ints = {0x0041, 0x647a})
  void mlKemKeyWithCoefficientNotBelowQ_throwsBadKey(int kemId) throws Exception {
    Hpke hpke = Hpke.of(kemId, 1, 1);
    byte[] pk = hpke.generateKeyPair(RANDOM).publicKey();
    pk[0] = (byte) 0xFF;
    pk[1] = (byte) (pk[1] | 0x0F); // first 12-bit coefficient = 4095 >= q
    assertThatThrownBy(() -> send(hpke, pk))
        .isInstanceOf(BadKeyException.class).hasMessageContaining("not below q");
  }

  @ParameterizedTest(name = "KEM 0x{0}")
  @ValueSource(ints = {0x0042, 0x0051, 0x647a})
  void tamperedMlKemCiphertext_givesAnotherKey_andOpenFails(int kemId) throws Exception {
    Hpke hpke = Hpke.of(kemId, 1, 1);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    HpkeSealed sealed = hpke.seal(
        HpkeMode.BASE, r.publicKey(), INFO, NONE, new byte[] {1}, NONE, NONE, null, RANDOM);
    byte[] enc = sealed.kemOutput();
    enc[5] ^= 1; // inside ct_PQ: ML-KEM's implicit rejection yields an unrelated key
    assertThatThrownBy(() -> hpke.open(HpkeMode.BASE, enc, r.privateKey(), INFO, NONE,
            sealed.ciphertext(), NONE, NONE, null))
        .isInstanceOf(AuthenticationException.class);
  }

  private static HpkeSenderContext send(Hpke hpke, byte[] pkR) throws BadKeyException {
    return hpke.setupSender(HpkeMode.BASE, pkR, INFO, NONE, NONE, null, RANDOM);
  }

  private static HpkeReceiverContext receive(Hpke hpke, byte[] enc, byte[] skR)
      throws BadKeyException {
    return hpke.setupReceiver(HpkeMode.BASE, enc, skR, INFO, NONE, NONE, null);
  }
}
