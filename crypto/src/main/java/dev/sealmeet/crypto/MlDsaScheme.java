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
 * Pure ML-DSA-44, -65 or -87 (FIPS 204 §5.2-5.3, empty context string) over BouncyCastle's lightweight
 * {@code MLDSASigner}: the 32-byte seed ξ as private key (FIPS 204 §6.1 ML-DSA.KeyGen_internal
 * input), the encoded public key and signature of FIPS 204 Table 2 (1312/2420, 1952/3309,
 * 2592/4627 bytes), with the TLS SignatureScheme code points mldsa44/65/87 (0x0904-0x0906).
 *
 * <p>Signing is the deterministic variant (FIPS 204 §3.4: {@code rnd} = 32 zero bytes), so it needs no
 * randomness and is reproducible. Verification checks lengths first and returns {@code false} for any
 * malformed key or signature (hint encoding, norm bounds are checked by BouncyCastle).
 */
final class MlDsaScheme implements SignatureScheme {
  static final int SEED_LENGTH = 32;

  private final MLDSAParameters params;
  private final String name;
  private final int tlsId;
  private final int publicKeyLength;
  private final int signatureLength;

  private MlDsaScheme(
      MLDSAParameters params, String name, int tlsId, int publicKeyLength, int signatureLength) {
    this.params = params;
    this.name = name;
    this.tlsId = tlsId;
    this.publicKeyLength = publicKeyLength;
    this.signatureLength = signatureLength;
  }

  static MlDsaScheme mlDsa44() {
    return new MlDsaScheme(MLDSAParameters.ml_dsa_44, "ML-DSA-44", 0x0904, 1312, 2420);
  }

  static MlDsaScheme mlDsa65() {
    return new MlDsaScheme(MLDSAParameters.ml_dsa_65, "ML-DSA-65", 0x0905, 1952, 3309);
  }

  static MlDsaScheme mlDsa87() {
    return new MlDsaScheme(MLDSAParameters.ml_dsa_87, "ML-DSA-87", 0x0906, 2592, 4627);
  }

  @Override
  public int tlsId() {
    return tlsId;
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
      throw new SealmeetBugException(name + " signing failed", e);
    }
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null
        || publicKey.length != publicKeyLength || signature.length != signatureLength) {
      return false;
    }
    MLDSASigner verifier = new MLDSASigner();
    verifier.init(false, new MLDSAPublicKeyParameters(params, publicKey));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  private MLDSAPrivateKeyParameters privateKey(byte[] seed) {
    return new MLDSAPrivateKeyParameters(params, seed);
  }

  private void checkSeed(byte[] privateKey) throws BadKeyException {
    if (privateKey == null) {
      throw new IllegalArgumentException(name + " private key must not be null");
    }
    if (privateKey.length != SEED_LENGTH) {
      throw new BadKeyException(
          name + " private key must be a " + SEED_LENGTH + "-byte seed, got " + privateKey.length);
    }
  }

  @Override
  public String toString() {
    return "SignatureScheme[" + name + "]";
  }
}
