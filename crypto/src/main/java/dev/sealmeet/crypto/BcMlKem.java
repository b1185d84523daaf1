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
 * One ML-KEM parameter set (FIPS 203 §8, Table 2) over BouncyCastle's lightweight API. Lengths and
 * the FIPS 203 §7.2 modulus check of {@code ek} are ours, so BouncyCastle only ever sees well-formed
 * input.
 */
final class BcMlKem implements MlKem {
  private static final int SEED_LENGTH = 64;
  private static final int MESSAGE_LENGTH = 32;
  private static final int RHO_LENGTH = 32;
  /** The ML-KEM modulus q (FIPS 203 §2.4). */
  private static final int Q = 3329;

  private final MLKEMParameters params;
  private final String name;
  private final int ekLength;
  private final int ctLength;
  /** Bytes of ByteEncode_12 of the k polynomials of t (the rest of ek is rho). */
  private final int tLength;

  /**
   * @param k the module rank: 2, 3 or 4
   * @param du the FIPS 203 d_u: 10 or 11
   * @param dv the FIPS 203 d_v: 4 or 5
   */
  private BcMlKem(MLKEMParameters params, String name, int k, int du, int dv) {
    this.params = params;
    this.name = name;
    this.tLength = 384 * k;
    this.ekLength = tLength + RHO_LENGTH;
    this.ctLength = 32 * (du * k + dv);
  }

  static BcMlKem mlKem512() {
    return new BcMlKem(MLKEMParameters.ml_kem_512, "ML-KEM-512", 2, 10, 4);
  }

  static BcMlKem mlKem768() {
    return new BcMlKem(MLKEMParameters.ml_kem_768, "ML-KEM-768", 3, 10, 4);
  }

  static BcMlKem mlKem1024() {
    return new BcMlKem(MLKEMParameters.ml_kem_1024, "ML-KEM-1024", 4, 11, 5);
  }

  @Override
  public int seedLength() {
    return SEED_LENGTH;
  }

  @Override
  public int encapsulationKeyLength() {
    return ekLength;
  }

  @Override
  public int ciphertextLength() {
    return ctLength;
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
          new MLKEMPublicKeyParameters(params, encapsulationKey), m);
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
      throw new IllegalArgumentException(name + " ciphertext must not be null");
    }
    if (ciphertext.length != ctLength) {
      throw new BadKeyException(
          name + " ciphertext must be " + ctLength + " bytes, got " + ciphertext.length);
    }
    byte[] secret = new MLKEMExtractor(privateKey(seed)).extractSecret(ciphertext);
    try {
      return Secret.copyOf(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** FIPS 203 §7.2 input checks: type (length) and modulus (every 12-bit coefficient of t below q). */
  private void checkEncapsulationKey(byte[] ek) throws BadKeyException {
    if (ek == null) {
      throw new IllegalArgumentException(name + " encapsulation key must not be null");
    }
    if (ek.length != ekLength) {
      throw new BadKeyException(
          name + " encapsulation key must be " + ekLength + " bytes, got " + ek.length);
    }
    for (int i = 0; i < tLength; i += 3) {
      int b0 = ek[i] & 0xFF;
      int b1 = ek[i + 1] & 0xFF;
      int b2 = ek[i + 2] & 0xFF;
      int c0 = b0 | ((b1 & 0x0F) << 8);
      int c1 = (b1 >> 4) | (b2 << 4);
      if (c0 >= Q || c1 >= Q) {
        throw new BadKeyException(
            name + " encapsulation key has a coefficient not below q at byte " + i);
      }
    }
  }

  private MLKEMPrivateKeyParameters privateKey(byte[] seed) {
    return new MLKEMPrivateKeyParameters(params, seed);
  }

  private void checkSeed(byte[] seed) throws BadKeyException {
    if (seed == null) {
      throw new IllegalArgumentException(name + " seed must not be null");
    }
    if (seed.length != SEED_LENGTH) {
      throw new BadKeyException(
          name + " private key must be a " + SEED_LENGTH + "-byte seed, got " + seed.length);
    }
  }

  @Override
  public String toString() {
    return "MlKem[" + name + "]";
  }
}
