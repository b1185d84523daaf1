package dev.sealmeet.crypto;

/**
 * Factory of the ML-KEM parameter sets Sealmeet offers (FIPS 203), over BouncyCastle's lightweight
 * {@code MLKEMGenerator}/{@code MLKEMExtractor}; checked against the Wycheproof ML-KEM vectors.
 *
 * <p>The returned instances are stateless, thread-safe singletons.
 */
public final class MlKems {
  private static final MlKem ML_KEM_512 = BcMlKem.mlKem512();
  private static final MlKem ML_KEM_768 = BcMlKem.mlKem768();
  private static final MlKem ML_KEM_1024 = BcMlKem.mlKem1024();

  private MlKems() {}

  /** ML-KEM-512: 64-byte seed, 800-byte ek, 768-byte ciphertext, 32-byte shared secret. */
  public static MlKem mlKem512() {
    return ML_KEM_512;
  }

  /** ML-KEM-768: 64-byte seed, 1184-byte ek, 1088-byte ciphertext, 32-byte shared secret. */
  public static MlKem mlKem768() {
    return ML_KEM_768;
  }

  /** ML-KEM-1024: 64-byte seed, 1568-byte ek, 1568-byte ciphertext, 32-byte shared secret. */
  public static MlKem mlKem1024() {
    return ML_KEM_1024;
  }
}
