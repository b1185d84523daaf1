package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link SigningIdentity#exportSecret} and {@link SigningIdentity#importSecret}. */
class SigningIdentityExportTest {
  private final MlsSuite suite;
  private final SigningIdentity alice;

  SigningIdentityExportTest() throws SealmeetException {
    suite = MlsSuite.of(1, new SecureRandom(new byte[] {1}));
    alice = SigningIdentity.generate(suite,
        new BasicCredential("alice".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("export then import gives the same credential and key, which still signs")
  void exportImport_roundTrips_andSigns() throws SealmeetException {
    SigningIdentity back = SigningIdentity.importSecret(suite, alice.exportSecret(suite));
    assertThat(back.credential()).isEqualTo(alice.credential());
    assertThat(back.signaturePublicKey()).isEqualTo(alice.signaturePublicKey());
    byte[] signature = back.signWithLabel(suite, "test", new byte[] {4, 2});
    assertThat(suite.verifyWithLabel(alice.signaturePublicKey(), "test", new byte[] {4, 2},
        signature)).isTrue();
    assertThat(back.toString()).isEqualTo(alice.toString()).doesNotContain("alice");
  }

  @Test
  @DisplayName("every truncation, and a trailing byte, is a DecodeException")
  void truncatedOrTrailing_isDecodeException() {
    byte[] exported = alice.exportSecret(suite);
    for (int length = 0; length < exported.length; length++) {
      byte[] cut = Arrays.copyOf(exported, length);
      assertThatThrownBy(() -> SigningIdentity.importSecret(suite, cut))
          .as("length %d", length).isInstanceOf(DecodeException.class);
    }
    byte[] longer = Arrays.copyOf(exported, exported.length + 1);
    assertThatThrownBy(() -> SigningIdentity.importSecret(suite, longer))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  @DisplayName("another version is a DecodeException, another suite an UnsupportedException")
  void otherVersionOrSuite_isRefused() throws SealmeetException {
    byte[] exported = alice.exportSecret(suite);
    byte[] version = exported.clone();
    version[1] = 2;
    assertThatThrownBy(() -> SigningIdentity.importSecret(suite, version))
        .isInstanceOf(DecodeException.class);
    MlsSuite other = MlsSuite.of(3, new SecureRandom());
    assertThatThrownBy(() -> SigningIdentity.importSecret(other, exported))
        .isInstanceOf(UnsupportedException.class);
  }

  @Test
  @DisplayName("a private key spliced from another identity is a BadKeyException")
  void splicedPrivateKey_isBadKey() throws SealmeetException {
    SigningIdentity bob = SigningIdentity.generate(suite,
        new BasicCredential("alice".getBytes(StandardCharsets.UTF_8)));
    byte[] a = alice.exportSecret(suite);
    byte[] b = bob.exportSecret(suite);
    int keyLength = 32;
    byte[] spliced = a.clone();
    System.arraycopy(b, b.length - keyLength, spliced, a.length - keyLength, keyLength);
    assertThatThrownBy(() -> SigningIdentity.importSecret(suite, spliced))
        .isInstanceOf(BadKeyException.class).hasMessageNotContaining("alice");
    TlsWriter shortKey = new TlsWriter().writeUint16(1).writeUint16(suite.id());
    alice.credential().encode(shortKey);
    shortKey.writeOpaque(alice.signaturePublicKey()).writeOpaque(new byte[5]);
    assertThatThrownBy(() -> SigningIdentity.importSecret(suite, shortKey.toByteArray()))
        .isInstanceOf(BadKeyException.class);
  }
}
