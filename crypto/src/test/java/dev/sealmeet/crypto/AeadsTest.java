package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AeadsTest {
  static Stream<Aead> aeads() {
    return Stream.of(Aeads.aes128Gcm(), Aeads.aes256Gcm(), Aeads.chacha20Poly1305());
  }

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (value + i);
    }
    return b;
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void seal_thenOpen_returnsPlaintext(Aead aead) throws Exception {
    byte[] key = filled(aead.keyLength(), 1);
    byte[] nonce = filled(aead.nonceLength(), 7);
    byte[] aad = "header".getBytes(StandardCharsets.UTF_8);
    byte[] pt = "frame payload".getBytes(StandardCharsets.UTF_8);

    byte[] ct = aead.seal(key, nonce, aad, pt);

    assertThat(ct).hasSize(pt.length + aead.tagLength());
    assertThat(aead.open(key, nonce, aad, ct)).isEqualTo(pt);
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void seal_sameKeyAndNonceTwice_throwsAndKeepsRefusing(Aead aead) {
    byte[] key = filled(aead.keyLength(), 3);
    byte[] nonce = filled(aead.nonceLength(), 9);
    aead.seal(key, nonce, new byte[0], new byte[0]);
    assertThatThrownBy(() -> aead.seal(key, nonce, new byte[0], filled(4, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nonce must never repeat");
    assertThatThrownBy(() -> aead.seal(key, nonce, new byte[0], filled(4, 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void seal_reuseAfterOpenOfSamePair_stillThrows(Aead aead) throws Exception {
    byte[] key = filled(aead.keyLength(), 5);
    byte[] nonce = filled(aead.nonceLength(), 11);
    byte[] ct = aead.seal(key, nonce, new byte[0], filled(3, 2));
    aead.open(key, nonce, new byte[0], ct);
    assertThatThrownBy(() -> aead.seal(key, nonce, new byte[0], filled(3, 2)))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void sealsTo_sameKeyAndNonceRepeated_comparesWithoutTrippingSeal(Aead aead) {
    byte[] key = filled(aead.keyLength(), 6);
    byte[] nonce = filled(aead.nonceLength(), 12);
    byte[] ct = aead.seal(key, nonce, new byte[0], filled(5, 1));
    assertThat(aead.sealsTo(key, nonce, new byte[0], filled(5, 1), ct)).isTrue();
    assertThat(aead.sealsTo(key, nonce, new byte[0], filled(5, 2), ct)).isFalse();
    assertThat(aead.sealsTo(key, nonce, new byte[0], filled(5, 1), new byte[3])).isFalse();
    assertThatThrownBy(() -> aead.seal(key, nonce, new byte[0], filled(5, 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void open_sameKeyAndNonceTwice_opensTwice(Aead aead) throws Exception {
    byte[] key = filled(aead.keyLength(), 4);
    byte[] nonce = filled(aead.nonceLength(), 10);
    byte[] ct = aead.seal(key, nonce, new byte[0], filled(7, 1));
    assertThat(aead.open(key, nonce, new byte[0], ct)).isEqualTo(filled(7, 1));
    assertThat(aead.open(key, nonce, new byte[0], ct)).isEqualTo(filled(7, 1));
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void open_anyFlippedBit_throwsAuthenticationException(Aead aead) {
    byte[] key = filled(aead.keyLength(), 1);
    byte[] nonce = filled(aead.nonceLength(), 2);
    byte[] aad = filled(5, 3);
    byte[] ct = aead.seal(key, nonce, aad, filled(20, 4));
    for (int bit = 0; bit < ct.length * 8; bit += 7) {
      byte[] bad = ct.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> aead.open(key, nonce, aad, bad))
          .isInstanceOf(AuthenticationException.class);
    }
    byte[] badAad = aad.clone();
    badAad[0] ^= 1;
    assertThatThrownBy(() -> aead.open(key, nonce, badAad, ct))
        .isInstanceOf(AuthenticationException.class);
    byte[] badNonce = nonce.clone();
    badNonce[11] ^= 1;
    assertThatThrownBy(() -> aead.open(key, badNonce, aad, ct))
        .isInstanceOf(AuthenticationException.class);
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void open_shorterThanTag_throwsAuthenticationException(Aead aead) {
    byte[] key = filled(aead.keyLength(), 1);
    byte[] nonce = filled(aead.nonceLength(), 2);
    assertThatThrownBy(() -> aead.open(key, nonce, new byte[0], new byte[15]))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("shorter");
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void seal_wrongKeyOrNonceLength_throwsIllegalArgument(Aead aead) {
    assertThatThrownBy(
            () -> aead.seal(new byte[aead.keyLength() + 1], new byte[12], new byte[0], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> aead.seal(new byte[aead.keyLength()], new byte[8], new byte[0], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void open_tamperMessage_doesNotContainKeyMaterial(Aead aead) {
    byte[] key = filled(aead.keyLength(), 0x41);
    byte[] nonce = filled(aead.nonceLength(), 0x61);
    byte[] ct = aead.seal(key, nonce, new byte[0], new byte[4]);
    ct[0] ^= 1;
    assertThatThrownBy(() -> aead.open(key, nonce, new byte[0], ct))
        .isInstanceOf(AuthenticationException.class)
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage())
            .doesNotContain(java.util.HexFormat.of().formatHex(key).substring(0, 8)));
  }

  @org.junit.jupiter.api.Test
  void ids_andSizes_matchRfc9180Table5() {
    List<Aead> all = aeads().toList();
    assertThat(all).extracting(Aead::hpkeId).containsExactly(1, 2, 3);
    assertThat(all).extracting(Aead::keyLength).containsExactly(16, 32, 32);
    assertThat(all).extracting(Aead::nonceLength).containsExactly(12, 12, 12);
    assertThat(all).extracting(Aead::tagLength).containsExactly(16, 16, 16);
  }
}
