package dev.sealmeet.crypto;

/**
 * Factory of the ML-KEM parameter sets Sealmeet offers (FIPS 203), over BouncyCastle's lightweight
 * {@code MLKEMGenerator}/{@code MLKEMExtractor}; checked against the Wycheproof ML-KEM vectors.
 *
 * <p>The returned instances are stateless, thread-safe singletons.
 */
public final class MlKems {
  private static final MlKem ML_KEM_768 = new BcMlKem768();

  private MlKems() {}

  /** ML-KEM-768: 64-byte seed, 1184-byte ek, 1088-byte ciphertext, 32-byte shared secret. */
  public static MlKem mlKem768() {
    return ML_KEM_768;
  }
}
