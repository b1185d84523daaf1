package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;

/**
 * ML-KEM (FIPS 203), one parameter set: the post-quantum KEM alone or under a hybrid such as X-Wing.
 * Private keys are the 64-byte seed {@code d || z} (FIPS 203 §6.1 ML-KEM.KeyGen_internal input, the
 * form X-Wing keeps); public keys are the encoded encapsulation key {@code ek}. Stateless and
 * thread-safe.
 */
public interface MlKem {
  /** Length of the private seed {@code d || z}: 64. */
  int seedLength();

  /** Length of {@code ek}: 1184 for ML-KEM-768 (800, 1568 for -512, -1024). */
  int encapsulationKeyLength();

  /** Length of a ciphertext: 1088 for ML-KEM-768 (768, 1568 for -512, -1024). */
  int ciphertextLength();

  /** A fresh key pair: a random seed and its {@code ek}. */
  RawKeyPair generateKeyPair(SecureRandom random);

  /**
   * ML-KEM.KeyGen_internal(d, z) (FIPS 203 §6.1): the key pair whose private key is {@code seed}.
   *
   * @throws BadKeyException if {@code seed} is not {@link #seedLength()} bytes
   */
  RawKeyPair deriveKeyPair(byte[] seed) throws BadKeyException;

  /**
   * The expanded decapsulation key {@code dk} (FIPS 203 §6.1, 2400 bytes for ML-KEM-768) of a seed,
   * for interoperability with implementations that store it.
   *
   * @throws BadKeyException if {@code seed} is not {@link #seedLength()} bytes
   */
  byte[] expandedDecapsulationKey(byte[] seed) throws BadKeyException;

  /**
   * ML-KEM.Encaps(ek) (FIPS 203 §7.2), the 32-byte message {@code m} drawn from {@code random}.
   * Performs the §7.2 input checks: length and every coefficient of {@code ek} below q.
   *
   * @throws BadKeyException if {@code ek} fails the input checks
   */
  Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random) throws BadKeyException;

  /**
   * ML-KEM.Decaps(dk, c) (FIPS 203 §7.3) with {@code dk} derived from {@code seed}. A ciphertext of the
   * right length never fails: a forged one yields the implicit-rejection key, as FIPS 203 requires.
   *
   * @throws BadKeyException if {@code seed} or {@code ciphertext} has the wrong length
   */
  Secret decapsulate(byte[] seed, byte[] ciphertext) throws BadKeyException;

  /** The result of {@link #encapsulate}: the ciphertext and the 32-byte shared secret. */
  final class Encapsulation {
    private final byte[] ciphertext;
    private final Secret sharedSecret;

    /** Copies the ciphertext; takes the secret as given. */
    public Encapsulation(byte[] ciphertext, Secret sharedSecret) {
      this.ciphertext = ciphertext.clone();
      this.sharedSecret = sharedSecret;
    }

    /** A copy of the ciphertext. */
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    /** The shared secret. */
    public Secret sharedSecret() {
      return sharedSecret;
    }

    @Override
    public String toString() {
      return "Encapsulation[ciphertext " + ciphertext.length + " bytes, secret "
          + sharedSecret.length() + " bytes]";
    }
  }
}
