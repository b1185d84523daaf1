package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.DhGroup;
import dev.sealmeet.crypto.DhGroups;
import dev.sealmeet.crypto.Hkdf;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * DHKEM(Group, KDF) of RFC 9180 §4.1 over a {@link DhGroup}: Encap/Decap, AuthEncap/AuthDecap, and
 * DeriveKeyPair (§7.1.3). The ephemeral key pair is passed in, so the caller decides between fresh
 * randomness and a fixed key pair for known-answer tests.
 */
final class Dhkem implements HpkeKem {
  private final DhGroup group;
  private final LabeledKdf kdf;
  private final boolean montgomery;
  private final int bitmask;

  private Dhkem(DhGroup group, Hkdf kdf, boolean montgomery, int bitmask) {
    this.group = group;
    this.kdf = LabeledKdf.forKem(kdf, group.kemId());
    this.montgomery = montgomery;
    this.bitmask = bitmask;
  }

  /** The DHKEM with identifier {@code kemId} (§7.1, Table 2), or {@code null}. */
  static Dhkem forId(int kemId) {
    switch (kemId) {
      case 0x0010:
        return new Dhkem(DhGroups.p256(), Hkdf.SHA256, false, 0xFF);
      case 0x0011:
        return new Dhkem(DhGroups.p384(), Hkdf.SHA384, false, 0xFF);
      case 0x0012:
        return new Dhkem(DhGroups.p521(), Hkdf.SHA512, false, 0x01);
      case 0x0020:
        return new Dhkem(DhGroups.x25519(), Hkdf.SHA256, true, 0);
      case 0x0021:
        return new Dhkem(DhGroups.x448(), Hkdf.SHA512, true, 0);
      default:
        return null;
    }
  }

  DhGroup group() {
    return group;
  }

  @Override
  public int id() {
    return group.kemId();
  }

  /** {@code Nenc}, which equals {@code Npk} for a DHKEM. */
  @Override
  public int encLength() {
    return group.publicKeyLength();
  }

  @Override
  public int publicKeyLength() {
    return group.publicKeyLength();
  }

  @Override
  public int privateKeyLength() {
    return group.privateKeyLength();
  }

  @Override
  public boolean supportsAuth() {
    return true;
  }

  @Override
  public RawKeyPair generateKeyPair(SecureRandom random) {
    return group.generateKeyPair(random);
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws BadKeyException {
    return group.publicKey(privateKey);
  }

  /** Encap or AuthEncap with a fresh ephemeral key pair from {@code random}. */
  @Override
  public Encapsulation encap(byte[] pkR, SecureRandom random, byte[] skS) throws BadKeyException {
    RawKeyPair ephemeral = group.generateKeyPair(random);
    try {
      return encap(pkR, ephemeral, skS);
    } finally {
      ephemeral.destroy();
    }
  }

  /**
   * Encap(pkR), or AuthEncap(pkR, skS) when {@code skS} is non-null, with the given ephemeral key pair.
   */
  Encapsulation encap(byte[] pkR, RawKeyPair ephemeral, byte[] skS) throws BadKeyException {
    byte[] skE = ephemeral.privateKey();
    byte[] enc = ephemeral.publicKey();
    byte[] dh = null;
    try {
      dh = group.dh(skE, pkR);
      byte[] kemContext = LabeledKdf.concat(enc, pkR);
      if (skS != null) {
        byte[] dh2 = group.dh(skS, pkR);
        dh = concatWiping(dh, dh2);
        kemContext = LabeledKdf.concat(kemContext, group.publicKey(skS));
      }
      return new Encapsulation(extractAndExpand(dh, kemContext), enc);
    } finally {
      Arrays.fill(skE, (byte) 0);
      wipe(dh);
    }
  }

  /** Decap(enc, skR), or AuthDecap(enc, skR, pkS) when {@code pkS} is non-null. */
  @Override
  public byte[] decap(byte[] enc, byte[] skR, byte[] pkS) throws BadKeyException {
    if (enc.length != encLength()) {
      throw new BadKeyException(
          "HPKE enc must be " + encLength() + " bytes for KEM " + hex(id()) + ", got " + enc.length);
    }
    byte[] dh = null;
    try {
      dh = group.dh(skR, enc);
      byte[] pkRm = group.publicKey(skR);
      byte[] kemContext = LabeledKdf.concat(enc, pkRm);
      if (pkS != null) {
        byte[] dh2 = group.dh(skR, pkS);
        dh = concatWiping(dh, dh2);
        kemContext = LabeledKdf.concat(kemContext, pkS);
      }
      return extractAndExpand(dh, kemContext);
    } finally {
      wipe(dh);
    }
  }

  /**
   * DeriveKeyPair(ikm) (§7.1.3): expand to {@code Nsk} bytes for X25519/X448; rejection sampling with
   * the curve's bitmask for the NIST curves.
   */
  @Override
  public RawKeyPair deriveKeyPair(byte[] ikm) {
    byte[] dkpPrk = kdf.extract(new byte[0], "dkp_prk", ikm);
    try {
      int nsk = group.privateKeyLength();
      if (montgomery) {
        byte[] sk = kdf.expand(dkpPrk, "sk", new byte[0], nsk);
        return pair(sk);
      }
      for (int counter = 0; counter <= 255; counter++) {
        byte[] candidate = kdf.expand(dkpPrk, "candidate", new byte[] {(byte) counter}, nsk);
        candidate[0] &= (byte) bitmask;
        try {
          byte[] pk = group.publicKey(candidate);
          RawKeyPair kp = new RawKeyPair(candidate, pk);
          Arrays.fill(candidate, (byte) 0);
          return kp;
        } catch (BadKeyException outOfRange) {
          Arrays.fill(candidate, (byte) 0); // sk == 0 or sk >= order: try the next counter
        }
      }
      // Probability below 2^-32 per RFC 9180 §7.1.3: treated as a bug rather than hostile input.
      throw new SealmeetBugException("DeriveKeyPairError for KEM " + hex(id()));
    } finally {
      Arrays.fill(dkpPrk, (byte) 0);
    }
  }

  private RawKeyPair pair(byte[] sk) {
    try {
      return new RawKeyPair(sk, group.publicKey(sk));
    } catch (BadKeyException e) {
      throw new SealmeetBugException("derived key rejected by KEM " + hex(id()), e);
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  private byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
    byte[] eaePrk = kdf.extract(new byte[0], "eae_prk", dh);
    try {
      return kdf.expand(eaePrk, "shared_secret", kemContext, kdf.hashLength());
    } finally {
      Arrays.fill(eaePrk, (byte) 0);
    }
  }

  private static byte[] concatWiping(byte[] a, byte[] b) {
    byte[] out = LabeledKdf.concat(a, b);
    Arrays.fill(a, (byte) 0);
    Arrays.fill(b, (byte) 0);
    return out;
  }

  private static void wipe(byte[] b) {
    if (b != null) {
      Arrays.fill(b, (byte) 0);
    }
  }

  static String hex(int id) {
    return String.format("0x%04x", id);
  }
}
