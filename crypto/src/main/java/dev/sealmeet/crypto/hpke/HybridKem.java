package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.DhGroup;
import dev.sealmeet.crypto.DhGroups;
import dev.sealmeet.crypto.MlKem;
import dev.sealmeet.crypto.MlKems;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * The PQ/T hybrid KEMs of draft-ietf-hpke-pq ("Hybrid KEMs with ECDH and ML-KEM"): MLKEM768-X25519
 * (X-Wing, 0x647a, draft-connolly-cfrg-xwing-kem), MLKEM768-P256 (0x0050) and MLKEM1024-P384
 * (0x0051), one construction with three parameter sets.
 *
 * <pre>
 * private key: seed (32) ── SHAKE256 ──► seed_PQ (64) ─ KeyGen_internal ─► ek_PQ
 *                                      └► seed_T ─ RandomScalar ─► dk_T ─► ek_T = dk_T·G
 * public key:  ek_PQ || ek_T            enc: ct_PQ || ct_T
 * ss = SHA3-256(ss_PQ || ss_T || ct_T || ek_T || label)
 * </pre>
 *
 * <p>Encapsulation draws ML-KEM's 32-byte {@code m} first, then the group seed, which is the order of
 * X-Wing's {@code eseed} and of the draft's vectors' {@code ikmE}. RandomScalar is the identity for
 * X25519 and rejection sampling over {@code Nscalar}-byte chunks for the NIST curves. An X25519 share
 * whose output is all zero (a small-order point, which no honest peer sends) is refused with {@link
 * BadKeyException}, as are points off the curve and wrong lengths.
 */
final class HybridKem implements HpkeKem {
  private static final int SEED_LENGTH = 32;
  private static final int PQ_SEED_LENGTH = 64;

  private final int id;
  private final MlKem mlKem;
  private final DhGroup group;
  /** Group.Nseed: the group's share of the expanded seed and of encapsulation randomness. */
  private final int groupSeedLength;
  private final byte[] label;
  private final LabeledKdf derive;

  private HybridKem(int id, MlKem mlKem, DhGroup group, int groupSeedLength, byte[] label) {
    this.id = id;
    this.mlKem = mlKem;
    this.group = group;
    this.groupSeedLength = groupSeedLength;
    this.label = label;
    this.derive = LabeledKdf.forKem(OneStageKdf.SHAKE256, id);
  }

  /** MLKEM768-X25519 (X-Wing): label {@code \.//^\}. */
  static HybridKem mlKem768X25519() {
    return new HybridKem(0x647a, MlKems.mlKem768(), DhGroups.x25519(), 32,
        new byte[] {0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c});
  }

  /**
   * MLKEM768-P256. The group seed is 96 bytes (three 32-byte candidates), the length of the group
   * part of the draft's vectors' {@code ikmE}; SHAKE256 output is a prefix of any longer output, so
   * the key pair does not depend on it.
   */
  static HybridKem mlKem768P256() {
    return new HybridKem(0x0050, MlKems.mlKem768(), DhGroups.p256(), 96, ascii("MLKEM768-P256"));
  }

  /** MLKEM1024-P384: one 48-byte candidate (a rejection has probability below 2^-190). */
  static HybridKem mlKem1024P384() {
    return new HybridKem(0x0051, MlKems.mlKem1024(), DhGroups.p384(), 48, ascii("MLKEM1024-P384"));
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public int encLength() {
    return mlKem.ciphertextLength() + group.publicKeyLength();
  }

  @Override
  public int publicKeyLength() {
    return mlKem.encapsulationKeyLength() + group.publicKeyLength();
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
    byte[] seed = new byte[SEED_LENGTH];
    try {
      random.nextBytes(seed);
      return pair(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** SHAKE256 LabeledDerive(ikm, "DeriveKeyPair", "", 32), then the key pair of that seed. */
  @Override
  public RawKeyPair deriveKeyPair(byte[] ikm) {
    byte[] seed = derive.derive(ikm, "DeriveKeyPair", new byte[0], SEED_LENGTH);
    try {
      return pair(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private RawKeyPair pair(byte[] seed) {
    try {
      return new RawKeyPair(seed, publicKey(seed));
    } catch (BadKeyException e) {
      throw new SealmeetBugException("seed rejected by KEM " + Dhkem.hex(id), e);
    }
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws BadKeyException {
    Expanded key = expand(privateKey);
    try {
      return LabeledKdf.concat(key.ekPq, key.ekT);
    } finally {
      key.wipe();
    }
  }

  @Override
  public Encapsulation encap(byte[] pkR, SecureRandom random, byte[] skS) throws BadKeyException {
    noSenderKey(skS);
    checkLength("public key", pkR, publicKeyLength());
    int split = mlKem.encapsulationKeyLength();
    byte[] ekPq = Arrays.copyOfRange(pkR, 0, split);
    byte[] ekT = Arrays.copyOfRange(pkR, split, pkR.length);
    MlKem.Encapsulation pq = mlKem.encapsulate(ekPq, random);
    Secret ssPq = pq.sharedSecret();
    byte[] seedE = new byte[groupSeedLength];
    byte[] skE = null;
    byte[] ssT = null;
    try {
      random.nextBytes(seedE);
      skE = randomScalar(seedE);
      byte[] ctT = group.publicKey(skE);
      ssT = group.dh(skE, ekT);
      byte[] ss = combine(ssPq, ssT, ctT, ekT);
      return new Encapsulation(ss, LabeledKdf.concat(pq.ciphertext(), ctT));
    } finally {
      ssPq.destroy();
      Arrays.fill(seedE, (byte) 0);
      wipe(skE);
      wipe(ssT);
    }
  }

  @Override
  public byte[] decap(byte[] enc, byte[] skR, byte[] pkS) throws BadKeyException {
    noSenderKey(pkS);
    checkLength("enc", enc, encLength());
    int split = mlKem.ciphertextLength();
    byte[] ctPq = Arrays.copyOfRange(enc, 0, split);
    byte[] ctT = Arrays.copyOfRange(enc, split, enc.length);
    Expanded key = expand(skR);
    Secret ssPq = null;
    byte[] ssT = null;
    try {
      ssPq = mlKem.decapsulate(key.seedPq, ctPq);
      ssT = group.dh(key.dkT, ctT);
      return combine(ssPq, ssT, ctT, key.ekT);
    } finally {
      key.wipe();
      if (ssPq != null) {
        ssPq.destroy();
      }
      wipe(ssT);
    }
  }

  /** SHA3-256(ss_PQ || ss_T || ct_T || ek_T || label). */
  private byte[] combine(Secret ssPq, byte[] ssT, byte[] ctT, byte[] ekT) {
    SHA3Digest sha3 = new SHA3Digest(256);
    byte[] pq = ssPq.copyBytes();
    try {
      for (byte[] part : new byte[][] {pq, ssT, ctT, ekT, label}) {
        sha3.update(part, 0, part.length);
      }
      byte[] out = new byte[32];
      sha3.doFinal(out, 0);
      return out;
    } finally {
      Arrays.fill(pq, (byte) 0);
    }
  }

  /** expandKey(seed): SHAKE256 to 64 + Nseed bytes; ML-KEM KeyGen_internal and RandomScalar. */
  private Expanded expand(byte[] seed) throws BadKeyException {
    checkLength("private key", seed, SEED_LENGTH);
    SHAKEDigest shake = new SHAKEDigest(256);
    shake.update(seed, 0, seed.length);
    byte[] full = new byte[PQ_SEED_LENGTH + groupSeedLength];
    shake.doFinal(full, 0, full.length);
    byte[] seedPq = Arrays.copyOfRange(full, 0, PQ_SEED_LENGTH);
    byte[] seedT = Arrays.copyOfRange(full, PQ_SEED_LENGTH, full.length);
    Arrays.fill(full, (byte) 0);
    try {
      byte[] ekPq = mlKem.deriveKeyPair(seedPq).publicKey();
      byte[] dkT = randomScalar(seedT);
      return new Expanded(seedPq, ekPq, dkT, group.publicKey(dkT));
    } catch (BadKeyException e) {
      Arrays.fill(seedPq, (byte) 0);
      throw new SealmeetBugException("expanded seed rejected by KEM " + Dhkem.hex(id), e);
    } finally {
      Arrays.fill(seedT, (byte) 0);
    }
  }

  /**
   * Group.RandomScalar: the first {@code Nscalar}-byte chunk of {@code seed} that is a valid private
   * key (for X25519 the seed itself). Running out of chunks has negligible probability: a bug.
   */
  private byte[] randomScalar(byte[] seed) {
    int nScalar = group.privateKeyLength();
    for (int start = 0; start + nScalar <= seed.length; start += nScalar) {
      byte[] candidate = Arrays.copyOfRange(seed, start, start + nScalar);
      try {
        group.publicKey(candidate);
        return candidate;
      } catch (BadKeyException zeroOrNotBelowOrder) {
        Arrays.fill(candidate, (byte) 0);
      }
    }
    throw new SealmeetBugException("RandomScalar found no scalar for KEM " + Dhkem.hex(id));
  }

  private void checkLength(String what, byte[] value, int expected) throws BadKeyException {
    if (value.length != expected) {
      throw new BadKeyException("HPKE KEM " + Dhkem.hex(id) + " " + what + " must be " + expected
          + " bytes, got " + value.length);
    }
  }

  private void noSenderKey(byte[] key) {
    if (key != null) {
      throw new IllegalArgumentException("KEM " + Dhkem.hex(id) + " has no authenticated mode");
    }
  }

  private static void wipe(byte[] b) {
    if (b != null) {
      Arrays.fill(b, (byte) 0);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "HybridKem[" + Dhkem.hex(id) + "]";
  }

  /** The expanded private key; {@link #wipe()} when done. */
  private static final class Expanded {
    final byte[] seedPq;
    final byte[] ekPq;
    final byte[] dkT;
    final byte[] ekT;

    Expanded(byte[] seedPq, byte[] ekPq, byte[] dkT, byte[] ekT) {
      this.seedPq = seedPq;
      this.ekPq = ekPq;
      this.dkT = dkT;
      this.ekT = ekT;
    }

    void wipe() {
      Arrays.fill(seedPq, (byte) 0);
      Arrays.fill(dkT, (byte) 0);
    }

    @Override
    public String toString() {
      return "Expanded[...]";
    }
  }
}
