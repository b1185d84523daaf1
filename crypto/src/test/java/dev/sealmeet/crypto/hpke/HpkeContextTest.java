package dev.sealmeet.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.HpkeExport;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.UnsupportedException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HpkeContextTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] NONE = new byte[0];

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void toString_ofContextsKeysAndExports_printsNoSecret() throws Exception {
    Hpke hpke = Hpke.of(0x0020, 0x0001, 0x0001);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    HpkeSenderContext s = hpke.setupSender(HpkeMode.BASE, r.publicKey(), NONE, NONE, NONE, null, RANDOM);
    HpkeReceiverContext rc = hpke.setupReceiver(HpkeMode.BASE, s.enc(), r.privateKey(), NONE, NONE, NONE, null);
    HpkeExport export = hpke.sendExport(
        HpkeMode.BASE, r.publicKey(), NONE, NONE, 32, NONE, NONE, null, RANDOM);
    String secretsHex = String.join("|",
        hex(s.aeadKey().copyBytes()), hex(s.baseNonce().copyBytes()),
        hex(s.exporterSecret().copyBytes()), hex(r.privateKey()),
        hex(export.exportedSecret().copyBytes()));
    for (Object o : new Object[] {s, rc, r, export, hpke, s.export(NONE, 16), s.aeadKey()}) {
      String text = o.toString();
      for (String secret : secretsHex.split("\\|")) {
        assertThat(text).doesNotContainIgnoringCase(secret.substring(0, 16));
      }
    }
    assertThat(s.toString()).contains("seq 0");
  }

  @Test
  void open_tamperedCiphertext_keepsSequenceNumber_andNextGenuineOpens() throws Exception {
    Hpke hpke = Hpke.of(0x0010, 0x0001, 0x0003);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    HpkeSenderContext s = hpke.setupSender(HpkeMode.BASE, r.publicKey(), NONE, NONE, NONE, null, RANDOM);
    HpkeReceiverContext rc = hpke.setupReceiver(HpkeMode.BASE, s.enc(), r.privateKey(), NONE, NONE, NONE, null);
    byte[] ct = s.seal(NONE, new byte[] {1, 2, 3});
    byte[] bad = ct.clone();
    bad[0] ^= 1;
    assertThatThrownBy(() -> rc.open(NONE, bad)).isInstanceOf(AuthenticationException.class);
    assertThat(rc.sequenceNumber()).isZero();
    assertThat(rc.open(NONE, ct)).containsExactly(1, 2, 3);
    assertThat(rc.sequenceNumber()).isEqualTo(1);
  }

  @Test
  void open_outOfOrder_isRejected() throws Exception {
    Hpke hpke = Hpke.of(0x0020, 0x0001, 0x0001);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    HpkeSenderContext s = hpke.setupSender(HpkeMode.BASE, r.publicKey(), NONE, NONE, NONE, null, RANDOM);
    HpkeReceiverContext rc = hpke.setupReceiver(HpkeMode.BASE, s.enc(), r.privateKey(), NONE, NONE, NONE, null);
    s.seal(NONE, NONE);
    byte[] second = s.seal(NONE, NONE);
    assertThatThrownBy(() -> rc.open(NONE, second)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void exportOnly_sealOrOpen_throwsIllegalState_butExports() throws Exception {
    Hpke hpke = Hpke.of(0x0020, 0x0001, Hpke.EXPORT_ONLY);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    HpkeSenderContext s = hpke.setupSender(HpkeMode.BASE, r.publicKey(), NONE, NONE, NONE, null, RANDOM);
    HpkeReceiverContext rc = hpke.setupReceiver(HpkeMode.BASE, s.enc(), r.privateKey(), NONE, NONE, NONE, null);
    assertThatThrownBy(() -> s.seal(NONE, NONE)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> rc.open(NONE, new byte[16])).isInstanceOf(IllegalStateException.class);
    assertThat(s.export(NONE, 10).equalsSecret(rc.export(NONE, 10))).isTrue();
  }

  @Test
  void destroy_thenUse_throwsIllegalState() throws Exception {
    Hpke hpke = Hpke.of(0x0020, 0x0001, 0x0001);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    HpkeSenderContext s = hpke.setupSender(HpkeMode.BASE, r.publicKey(), NONE, NONE, NONE, null, RANDOM);
    s.destroy();
    assertThatThrownBy(() -> s.seal(NONE, NONE)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.export(NONE, 1)).isInstanceOf(IllegalStateException.class);
    assertThat(s.toString()).contains("destroyed");
  }

  @Test
  void setup_pskInputsInconsistentWithMode_throwsIllegalArgument() throws Exception {
    Hpke hpke = Hpke.of(0x0020, 0x0001, 0x0001);
    byte[] pk = hpke.generateKeyPair(RANDOM).publicKey();
    byte[] psk = new byte[32];
    byte[] id = {1};
    assertThatThrownBy(() -> hpke.setupSender(HpkeMode.BASE, pk, NONE, psk, id, null, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hpke.setupSender(HpkeMode.PSK, pk, NONE, NONE, NONE, null, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hpke.setupSender(HpkeMode.PSK, pk, NONE, psk, NONE, null, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hpke.setupSender(HpkeMode.AUTH, pk, NONE, NONE, NONE, null, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> hpke.setupSender(HpkeMode.PSK, pk, NONE, new byte[31], id, null, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void of_unsupportedIds_throwsUnsupportedNamingTheId() {
    assertThatThrownBy(() -> Hpke.of(0x0030, 1, 1))
        .isInstanceOf(UnsupportedException.class).hasMessageContaining("KEM 0x0030");
    assertThatThrownBy(() -> Hpke.of(0x0020, 0x0004, 1))
        .isInstanceOf(UnsupportedException.class).hasMessageContaining("KDF 0x0004");
    assertThatThrownBy(() -> Hpke.of(0x0020, 0x0012, 1))
        .isInstanceOf(UnsupportedException.class).hasMessageContaining("KDF 0x0012 (TurboSHAKE");
    assertThatThrownBy(() -> Hpke.of(0x0020, 1, 4))
        .isInstanceOf(UnsupportedException.class).hasMessageContaining("AEAD 0x0004");
  }

  @Test
  void deriveKeyPair_p521_masksTopByteToOneBit() throws Exception {
    Hpke hpke = Hpke.of(0x0012, 0x0003, 0x0002);
    for (int i = 0; i < 8; i++) {
      RawKeyPair kp = hpke.deriveKeyPair(new byte[] {(byte) i});
      assertThat(kp.privateKey()).hasSize(66);
      assertThat(kp.privateKey()[0] & 0xFE).isZero();
      assertThat(hpke.publicKey(kp.privateKey())).isEqualTo(kp.publicKey());
    }
  }

  @Test
  void secretCopy_isIndependentOfContext() throws Exception {
    Hpke hpke = Hpke.of(0x0020, 0x0001, 0x0001);
    RawKeyPair r = hpke.generateKeyPair(RANDOM);
    HpkeSenderContext s = hpke.setupSender(HpkeMode.BASE, r.publicKey(), NONE, NONE, NONE, null, RANDOM);
    Secret key = s.aeadKey();
    s.destroy();
    assertThat(key.copyBytes()).hasSize(16);
  }
}
