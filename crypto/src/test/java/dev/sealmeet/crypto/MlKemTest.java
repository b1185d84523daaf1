package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class MlKemTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final MlKem kem = MlKems.mlKem768();

  @Test
  void sizes_matchFips203MlKem768() {
    assertThat(kem.seedLength()).isEqualTo(64);
    assertThat(kem.encapsulationKeyLength()).isEqualTo(1184);
    assertThat(kem.ciphertextLength()).isEqualTo(1088);
  }

  @Test
  void encapsulateThenDecapsulate_roundTrip_sharesSecret() throws Exception {
    RawKeyPair kp = kem.generateKeyPair(RANDOM);
    assertThat(kem.deriveKeyPair(kp.privateKey()).publicKey()).isEqualTo(kp.publicKey());
    MlKem.Encapsulation e = kem.encapsulate(kp.publicKey(), RANDOM);
    assertThat(e.ciphertext()).hasSize(1088);
    assertThat(e.sharedSecret().length()).isEqualTo(32);
    assertThat(kem.decapsulate(kp.privateKey(), e.ciphertext()).equalsSecret(e.sharedSecret()))
        .isTrue();
    assertThat(kem.expandedDecapsulationKey(kp.privateKey())).hasSize(2400);
  }

  @Test
  void decapsulate_tamperedCiphertext_givesImplicitRejectionKeyNotError() throws Exception {
    RawKeyPair kp = kem.generateKeyPair(RANDOM);
    MlKem.Encapsulation e = kem.encapsulate(kp.publicKey(), RANDOM);
    byte[] bad = e.ciphertext();
    bad[100] ^= 1;
    Secret k = kem.decapsulate(kp.privateKey(), bad);
    assertThat(k.length()).isEqualTo(32);
    assertThat(k.equalsSecret(e.sharedSecret())).isFalse();
  }

  @Test
  void encapsulate_coefficientNotBelowQ_throwsInvalidKey() {
    RawKeyPair kp = kem.generateKeyPair(RANDOM);
    byte[] ek = kp.publicKey();
    ek[0] = (byte) 0xFF; // first 12-bit coefficient becomes 0x?FF | (low nibble of ek[1]) << 8
    ek[1] = (byte) (ek[1] | 0x0F); // = 0xFFF = 4095 >= 3329
    assertThatThrownBy(() -> kem.encapsulate(ek, RANDOM))
        .isInstanceOf(BadKeyException.class).hasMessageContaining("not below q");
  }

  @Test
  void wrongLengths_throwInvalidKey() {
    RawKeyPair kp = kem.generateKeyPair(RANDOM);
    assertThatThrownBy(() -> kem.encapsulate(new byte[1183], RANDOM))
        .isInstanceOf(BadKeyException.class);
    assertThatThrownBy(() -> kem.decapsulate(kp.privateKey(), new byte[1087]))
        .isInstanceOf(BadKeyException.class);
    assertThatThrownBy(() -> kem.decapsulate(new byte[32], new byte[1088]))
        .isInstanceOf(BadKeyException.class);
    assertThatThrownBy(() -> kem.deriveKeyPair(new byte[65])).isInstanceOf(BadKeyException.class);
  }

  @Test
  void encapsulation_toString_hidesSecret() throws Exception {
    MlKem.Encapsulation e = kem.encapsulate(kem.generateKeyPair(RANDOM).publicKey(), RANDOM);
    assertThat(e.toString()).isEqualTo("Encapsulation[ciphertext 1088 bytes, secret 32 bytes]");
  }
}
