package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.MlKem;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * ML-KEM-512, -768 and -1024 as HPKE KEMs (draft-ietf-hpke-pq, "ML-KEM"; ids 0x0040–0x0042). The
 * private key is the 64-byte seed {@code d || z}; DeriveKeyPair is SHAKE256 LabeledDerive of 64
 * bytes with label "DeriveKeyPair" under {@code suite_id = "KEM" || kem_id}, then KeyGen_internal.
 * Encap and Decap are ML-KEM.Encaps and ML-KEM.Decaps (FIPS 203 §7.2, §7.3) with their input checks.
 */
final class MlKemHpkeKem implements HpkeKem {
  private static final int SEED_LENGTH = 64;

  private final int id;
  private final MlKem mlKem;
  private final LabeledKdf derive;

  MlKemHpkeKem(int id, MlKem mlKem) {
    this.id = id;
    this.mlKem = mlKem;
    this.derive = LabeledKdf.forKem(OneStageKdf.SHAKE256, id);
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public int encLength() {
    return mlKem.ciphertextLength();
  }

  @Override
  public int publicKeyLength() {
    return mlKem.encapsulationKeyLength();
  }

  @Override
  public int privateKeyLength() {
    return SEED_LENGTH;
  }

  @Override
  public boolean supportsAuth() {
    return false;
  }

  @Override
  public RawKeyPair generateKeyPair(SecureRandom random) {
    return mlKem.generateKeyPair(random);
  }

  @Override
  public RawKeyPair deriveKeyPair(byte[] ikm) {
    byte[] dk = derive.derive(ikm, "DeriveKeyPair", new byte[0], SEED_LENGTH);
    try {
      return mlKem.deriveKeyPair(dk);
    } catch (BadKeyException e) {
      throw new SealmeetBugException("derived seed rejected by KEM " + Dhkem.hex(id), e);
    } finally {
      Arrays.fill(dk, (byte) 0);
    }
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws BadKeyException {
    return mlKem.deriveKeyPair(privateKey).publicKey();
  }

  @Override
  public Encapsulation encap(byte[] pkR, SecureRandom random, byte[] skS) throws BadKeyException {
    noSenderKey(skS);
    MlKem.Encapsulation e = mlKem.encapsulate(pkR, random);
    Secret ss = e.sharedSecret();
    try {
      return new Encapsulation(ss.copyBytes(), e.ciphertext());
    } finally {
      ss.destroy();
    }
  }

  @Override
  public byte[] decap(byte[] enc, byte[] skR, byte[] pkS) throws BadKeyException {
    noSenderKey(pkS);
    Secret ss = mlKem.decapsulate(skR, enc);
    try {
      return ss.copyBytes();
    } finally {
      ss.destroy();
    }
  }

  private void noSenderKey(byte[] key) {
    if (key != null) {
      throw new IllegalArgumentException("KEM " + Dhkem.hex(id) + " has no authenticated mode");
    }
  }

  @Override
  public String toString() {
    return "MlKemHpkeKem[" + Dhkem.hex(id) + "]";
  }
}
