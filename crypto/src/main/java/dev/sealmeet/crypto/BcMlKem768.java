package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-768 over BouncyCastle's lightweight API. Lengths and the FIPS 203 §7.2 modulus check of
 * {@code ek} are ours, so BouncyCastle only ever sees well-formed input.
 */
final class BcMlKem768 implements MlKem {
  private static final MLKEMParameters PARAMS = MLKEMParameters.ml_kem_768;
  private static final int SEED_LENGTH = 64;
  private static final int EK_LENGTH = 1184;
  private static final int CT_LENGTH = 1088;
  private static final int MESSAGE_LENGTH = 32;
  /** The ML-KEM modulus q (FIPS 203 §2.4). */
  private static final int Q = 3329;
  /** Bytes of ByteEncode_12 of the k = 3 polynomials of t (the rest of ek is rho). */
  private static final int T_LENGTH = 384 * 3;

  @Override
  public int seedLength() {
    return SEED_LENGTH;
  }

  @Override
  public int encapsulationKeyLength() {
    return EK_LENGTH;
  }

  @Override
  public int ciphertextLength() {
    return CT_LENGTH;
  }

  @Override
  public RawKeyPair generateKeyPair(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    try {
      random.nextBytes(seed);
      return new RawKeyPair(seed, privateKey(seed).getPublicKey());
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  @Override
  public RawKeyPair deriveKeyPair(byte[] seed) throws BadKeyException {
    checkSeed(seed);
    return new RawKeyPair(seed, privateKey(seed).getPublicKey());
  }

  @Override
  public byte[] expandedDecapsulationKey(byte[] seed) throws BadKeyException {
    checkSeed(seed);
    return privateKey(seed).withPreferredFormat(MLKEMPrivateKeyParameters.EXPANDED_KEY).getEncoded();
  }

  @Override
  public Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random)
      throws BadKeyException {
    checkEncapsulationKey(encapsulationKey);
    byte[] m = new byte[MESSAGE_LENGTH];
    random.nextBytes(m);
    try {
      SecretWithEncapsulation result = MLKEMGenerator.internalGenerateEncapsulated(
          new MLKEMPublicKeyParameters(PARAMS, encapsulationKey), m);
      byte[] secret = result.getSecret();
      try {
        return new Encapsulation(result.getEncapsulation(), Secret.copyOf(secret));
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    } finally {
      Arrays.fill(m, (byte) 0);
    }
  }

  @Override
  public Secret decapsulate(byte[] seed, byte[] ciphertext) throws BadKeyException {
    checkSeed(seed);
    if (ciphertext == null) {
      throw new IllegalArgumentException("ML-KEM-768 ciphertext must not be null");
    }
    if (ciphertext.length != CT_LENGTH) {
      throw new BadKeyException(
          "ML-KEM-768 ciphertext must be " + CT_LENGTH + " bytes, got " + ciphertext.length);
    }
    byte[] secret = new MLKEMExtractor(privateKey(seed)).extractSecret(ciphertext);
    try {
      return Secret.copyOf(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** FIPS 203 §7.2 input checks: type (length) and modulus (every 12-bit coefficient of t below q). */
  private static void checkEncapsulationKey(byte[] ek) throws BadKeyException {
    if (ek == null) {
      throw new IllegalArgumentException("ML-KEM-768 encapsulation key must not be null");
    }
    if (ek.length != EK_LENGTH) {
      throw new BadKeyException(
          "ML-KEM-768 encapsulation key must be " + EK_LENGTH + " bytes, got " + ek.length);
    }
    for (int i = 0; i < T_LENGTH; i += 3) {
      int b0 = ek[i] & 0xFF;
      int b1 = ek[i + 1] & 0xFF;
      int b2 = ek[i + 2] & 0xFF;
      int c0 = b0 | ((b1 & 0x0F) << 8);
      int c1 = (b1 >> 4) | (b2 << 4);
      if (c0 >= Q || c1 >= Q) {
        throw new BadKeyException(
            "ML-KEM-768 encapsulation key has a coefficient not below q at byte " + i);
      }
    }
  }

  private static MLKEMPrivateKeyParameters privateKey(byte[] seed) {
    return new MLKEMPrivateKeyParameters(PARAMS, seed);
  }

  private static void checkSeed(byte[] seed) throws BadKeyException {
    if (seed == null) {
      throw new IllegalArgumentException("ML-KEM-768 seed must not be null");
    }
    if (seed.length != SEED_LENGTH) {
      throw new BadKeyException(
          "ML-KEM-768 private key must be a " + SEED_LENGTH + "-byte seed, got " + seed.length);
    }
  }

  @Override
  public String toString() {
    return "MlKem[ML-KEM-768]";
  }
}
