package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ECDSA draws its nonce from the randomness it is given: a cipher suite's injected {@link
 * SecureRandom}, not the JDK's global one. The same stream signs the same bytes (what vector
 * generators need), another stream other bytes, and every signature verifies.
 */
class EcdsaInjectedRandomTest {
  private static final byte[] MESSAGE = "nonce from the given stream".getBytes(StandardCharsets.UTF_8);

  static Stream<SignatureScheme> ecdsa() {
    return Stream.of(Signatures.ecdsaP256Sha256(), Signatures.ecdsaP384Sha384(),
        Signatures.ecdsaP521Sha512());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ecdsa")
  void sign_sameStream_sameSignature_otherStream_otherSignature(SignatureScheme scheme)
      throws Exception {
    RawKeyPair keys = scheme.generateKeyPair(new Stream256("key"));
    byte[] first = scheme.sign(keys.privateKey(), MESSAGE, new Stream256("nonce"));
    byte[] again = scheme.sign(keys.privateKey(), MESSAGE, new Stream256("nonce"));
    byte[] other = scheme.sign(keys.privateKey(), MESSAGE, new Stream256("other nonce"));
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(scheme.verify(keys.publicKey(), MESSAGE, first)).isTrue();
    assertThat(scheme.verify(keys.publicKey(), MESSAGE, other)).isTrue();
  }

  @Test
  void suiteSign_ecdsaSuite_drawsTheNonceFromTheSuitesRandom() throws Exception {
    int p256Suite = 0x0002; // MLS_128_DHKEMP256_AES128GCM_SHA256_P256
    RawKeyPair keys = Signatures.ecdsaP256Sha256().generateKeyPair(new Stream256("key"));
    byte[] first = CipherSuites.get(p256Suite, new Stream256("suite"))
        .sign(keys.privateKey(), MESSAGE);
    byte[] again = CipherSuites.get(p256Suite, new Stream256("suite"))
        .sign(keys.privateKey(), MESSAGE);
    CipherSuite other = CipherSuites.get(p256Suite, new Stream256("another suite"));
    assertThat(again).isEqualTo(first);
    assertThat(other.sign(keys.privateKey(), MESSAGE)).isNotEqualTo(first);
    assertThat(other.verify(keys.publicKey(), MESSAGE, first)).isTrue();
  }

  /** A reproducible stream, block i = SHA-256(label || i); a test fixture, never randomness. */
  private static final class Stream256 extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] label;
    private int counter;

    Stream256(String label) {
      this.label = label.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
      for (int i = 0; i < out.length; i += 32) {
        byte[] block = block(counter++);
        System.arraycopy(block, 0, out, i, Math.min(32, out.length - i));
      }
    }

    private byte[] block(int index) {
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(label);
        sha256.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16),
            (byte) (index >>> 8), (byte) index});
        return sha256.digest();
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void setSeed(long seed) {
      // The stream depends on its label only; SecureRandom's constructor calls this.
    }
  }
}
