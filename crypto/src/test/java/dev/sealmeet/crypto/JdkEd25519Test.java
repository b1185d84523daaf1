package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.testing.RemoveProviderListener;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureSpi;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long messages are signed by the JDK's provider ({@link JdkEd25519}); Ed25519 being deterministic,
 * every signature must equal BouncyCastle's, on both sides of the size threshold, with and without
 * SunEC (the {@code without-sunec} run removes it).
 */
class JdkEd25519Test {
  private static final boolean SUNEC_REMOVED =
      "SunEC".equals(System.getProperty(RemoveProviderListener.PROPERTY));

  private static byte[] seeded(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] bouncyCastle(byte[] seed, byte[] message) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
    return signature;
  }

  @Test
  void provider_isFoundExactlyWhenSunEcIsInstalled() {
    assertThat(JdkEd25519.available()).isEqualTo(!SUNEC_REMOVED);
    if (!SUNEC_REMOVED) {
      assertThat(JdkEd25519.pick()).map(Provider::getName).contains("SunEC");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1000, JdkEd25519.MIN_MESSAGE - 1, JdkEd25519.MIN_MESSAGE,
      JdkEd25519.MIN_MESSAGE + 1, 600_000})
  void scheme_signsEveryLengthAsBouncyCastleDoes(int length) throws Exception {
    SignatureScheme scheme = Signatures.ed25519();
    for (long trial = 0; trial < 3; trial++) {
      byte[] seed = seeded(32, 7 * length + trial);
      byte[] message = seeded(length, 11 * length + trial);
      byte[] signature = scheme.sign(seed, message);
      assertThat(signature).isEqualTo(bouncyCastle(seed, message));
      assertThat(scheme.verify(scheme.publicKey(seed), message, signature)).isTrue();
    }
  }

  @Test
  void provider_signsAsBouncyCastleDoes_orIsAbsent() {
    byte[] seed = seeded(32, 1);
    byte[] message = seeded(JdkEd25519.MIN_MESSAGE + 17, 2);
    Optional<byte[]> signature = JdkEd25519.sign(seed, message);
    assertThat(signature.isPresent()).isEqualTo(!SUNEC_REMOVED);
    signature.ifPresent(s -> assertThat(s).isEqualTo(bouncyCastle(seed, message)));
  }

  @Test
  void pick_skipsAProviderThatSignsOtherwise() {
    Provider liar = new Provider("LyingEd25519", "1", "signs every message as the empty one") {
      {
        put("Signature.Ed25519", ZeroSignature.class.getName());
        put("KeyFactory.Ed25519", AnyKeyFactory.class.getName());
      }
    };
    Security.insertProviderAt(liar, 1);
    try {
      assertThat(JdkEd25519.pick()).map(Provider::getName)
          .isEqualTo(SUNEC_REMOVED ? Optional.empty() : Optional.of("SunEC"));
    } finally {
      Security.removeProvider(liar.getName());
    }
  }

  /** Accepts any key and "signs" with 64 zero bytes. */
  public static final class ZeroSignature extends SignatureSpi {
    @Override
    protected void engineInitVerify(PublicKey key) {}

    @Override
    protected void engineInitSign(PrivateKey key) {}

    @Override
    protected void engineUpdate(byte b) {}

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {}

    @Override
    protected byte[] engineSign() {
      return new byte[Ed25519.SIGNATURE_SIZE];
    }

    @Override
    protected boolean engineVerify(byte[] signature) {
      return false;
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {}

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      return null;
    }
  }

  /** Turns any specification into a key that holds nothing. */
  public static final class AnyKeyFactory extends KeyFactorySpi {
    @Override
    protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
      throw new InvalidKeySpecException("private keys only");
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec spec) {
      return new PrivateKey() {
        @Override
        public String getAlgorithm() {
          return "Ed25519";
        }

        @Override
        public String getFormat() {
          return null;
        }

        @Override
        public byte[] getEncoded() {
          return null;
        }
      };
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> type)
        throws InvalidKeySpecException {
      throw new InvalidKeySpecException("not supported");
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
      throw new InvalidKeyException("not supported");
    }
  }
}
