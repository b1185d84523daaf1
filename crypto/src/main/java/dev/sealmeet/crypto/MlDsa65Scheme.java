package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * Pure ML-DSA-65 (FIPS 204 §5.2-5.3, empty context string) over BouncyCastle's lightweight {@code
 * MLDSASigner}: the 32-byte seed ξ as private key (FIPS 204 §6.1 ML-DSA.KeyGen_internal input), the
 * 1952-byte encoded public key, 3309-byte signatures.
 *
 * <p>Signing is the deterministic variant (FIPS 204 §3.4: {@code rnd} = 32 zero bytes), so it needs no
 * randomness and is reproducible. Verification checks lengths first and returns {@code false} for any
 * malformed key or signature (hint encoding, norm bounds are checked by BouncyCastle).
 */
final class MlDsa65Scheme implements SignatureScheme {
  static final int SEED_LENGTH = 32;
  static final int PUBLIC_KEY_LENGTH = 1952;
  static final int SIGNATURE_LENGTH = 3309;
  private static final MLDSAParameters PARAMS = MLDSAParameters.ml_dsa_65;

  @Override
  public int tlsId() {
    return 0x0905;
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
  public byte[] publicKey(byte[] privateKey) throws BadKeyException {
    checkSeed(privateKey);
    return privateKey(privateKey).getPublicKey();
  }

  @Override
  public byte[] sign(byte[] privateKey, byte[] message) throws BadKeyException {
    checkSeed(privateKey);
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    MLDSASigner signer = new MLDSASigner();
    signer.init(true, privateKey(privateKey)); // no ParametersWithRandom: deterministic rnd = 0^32
    signer.update(message, 0, message.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new SealmeetBugException("ML-DSA-65 signing failed", e);
    }
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null
        || publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    MLDSASigner verifier = new MLDSASigner();
    verifier.init(false, new MLDSAPublicKeyParameters(PARAMS, publicKey));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  private static MLDSAPrivateKeyParameters privateKey(byte[] seed) {
    return new MLDSAPrivateKeyParameters(PARAMS, seed);
  }

  private static void checkSeed(byte[] privateKey) throws BadKeyException {
    if (privateKey == null) {
      throw new IllegalArgumentException("ML-DSA-65 private key must not be null");
    }
    if (privateKey.length != SEED_LENGTH) {
      throw new BadKeyException(
          "ML-DSA-65 private key must be a " + SEED_LENGTH + "-byte seed, got " + privateKey.length);
    }
  }

  @Override
  public String toString() {
    return "SignatureScheme[ML-DSA-65]";
  }
}
