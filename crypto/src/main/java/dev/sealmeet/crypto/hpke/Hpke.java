package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.Aead;
import dev.sealmeet.crypto.Aeads;
import dev.sealmeet.crypto.HpkeExport;
import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.Hkdf;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.UnsupportedException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * One HPKE configuration (RFC 9180): a KEM, a KDF and an AEAD (or export-only), with the setup
 * functions of §5.1 for all four modes and the single-shot APIs of §6. The KEMs are the DHKEMs of
 * §7.1 and the ML-KEM and PQ/T hybrid KEMs of draft-ietf-hpke-pq, which have no authenticated modes;
 * the KDFs are HKDF (§7.2) and the single-stage SHAKE128/SHAKE256 of draft-ietf-hpke-pq.
 *
 * <pre>
 * sender:   setupSender(mode, pkR, info, psk, psk_id, skS) ─► HpkeSenderContext (enc, seal, export)
 * receiver: setupReceiver(mode, enc, skR, info, psk, psk_id, pkS) ─► HpkeReceiverContext (open, export)
 * </pre>
 *
 * <p>Arguments a mode does not use are passed empty ({@code psk}, {@code pskId}) or {@code null}
 * ({@code skS}, {@code pkS}); {@code info}, {@code aad} and plaintexts may be empty, never null.
 * Instances are immutable and thread-safe; contexts are not shared between threads by design (their
 * methods are synchronized all the same).
 */
public final class Hpke {
  /** The export-only AEAD id (RFC 9180 §7.3). */
  public static final int EXPORT_ONLY = 0xFFFF;

  private final HpkeKem kem;
  private final int kdfId;
  private final Aead aead;
  private final int aeadId;
  private final LabeledKdf labeledKdf;

  private Hpke(HpkeKem kem, int kdfId, LabeledKdf labeledKdf, Aead aead, int aeadId) {
    this.kem = kem;
    this.kdfId = kdfId;
    this.aead = aead;
    this.aeadId = aeadId;
    this.labeledKdf = labeledKdf;
  }

  /**
   * The configuration (kem_id, kdf_id, aead_id).
   *
   * @throws UnsupportedException naming the first unsupported id. Supported: KEMs 0x0010, 0x0011,
   *     0x0012, 0x0020, 0x0021, 0x0040..0x0042, 0x0050, 0x0051, 0x647a; KDFs 0x0001..0x0003,
   *     0x0010, 0x0011; AEADs 0x0001..0x0003 and 0xFFFF.
   */
  public static Hpke of(int kemId, int kdfId, int aeadId) throws UnsupportedException {
    HpkeKem kem = HpkeKems.forId(kemId);
    if (kem == null) {
      throw new UnsupportedException("HPKE KEM " + Dhkem.hex(kemId));
    }
    Hkdf kdf = null;
    OneStageKdf xof = null;
    switch (kdfId) {
      case 0x0001:
        kdf = Hkdf.SHA256;
        break;
      case 0x0002:
        kdf = Hkdf.SHA384;
        break;
      case 0x0003:
        kdf = Hkdf.SHA512;
        break;
      default:
        xof = OneStageKdf.forId(kdfId);
        if (xof == null) {
          throw new UnsupportedException("HPKE KDF " + Dhkem.hex(kdfId)
              + (kdfId == 0x0012 || kdfId == 0x0013
                  ? " (TurboSHAKE: not offered, BouncyCastle has no TurboSHAKE)" : ""));
        }
    }
    Aead aead;
    switch (aeadId) {
      case 0x0001:
        aead = Aeads.aes128Gcm();
        break;
      case 0x0002:
        aead = Aeads.aes256Gcm();
        break;
      case 0x0003:
        aead = Aeads.chacha20Poly1305();
        break;
      case EXPORT_ONLY:
        aead = null;
        break;
      default:
        throw new UnsupportedException("HPKE AEAD " + Dhkem.hex(aeadId));
    }
    LabeledKdf labeled = xof != null
        ? LabeledKdf.forSuite(xof, kemId, aeadId)
        : LabeledKdf.forSuite(kdf, kemId, kdfId, aeadId);
    return new Hpke(kem, kdfId, labeled, aead, aeadId);
  }

  /** The KEM id. */
  public int kemId() {
    return kem.id();
  }

  /** The KDF id. */
  public int kdfId() {
    return kdfId;
  }

  /** The AEAD id ({@link #EXPORT_ONLY} for export-only). */
  public int aeadId() {
    return aeadId;
  }

  /** {@code Nenc}, the length of {@code enc}. */
  public int encLength() {
    return kem.encLength();
  }

  /** {@code Npk}. */
  public int publicKeyLength() {
    return kem.publicKeyLength();
  }

  /** {@code Nsk}. */
  public int privateKeyLength() {
    return kem.privateKeyLength();
  }

  /** Whether the KEM offers the auth modes (DHKEMs only). */
  public boolean supportsAuthModes() {
    return kem.supportsAuth();
  }

  /** GenerateKeyPair() of the KEM, as (SerializePrivateKey, SerializePublicKey). */
  public RawKeyPair generateKeyPair(SecureRandom random) {
    return kem.generateKeyPair(random);
  }

  /**
   * DeriveKeyPair(ikm) of the KEM (RFC 9180 §7.1.3; SHAKE256 LabeledDerive for the KEMs of
   * draft-ietf-hpke-pq).
   */
  public RawKeyPair deriveKeyPair(byte[] ikm) {
    requireNonNull(ikm, "ikm");
    return kem.deriveKeyPair(ikm);
  }

  /**
   * The public key of a serialized private key.
   *
   * @throws BadKeyException if the private key has the wrong length or is out of range
   */
  public byte[] publicKey(byte[] privateKey) throws BadKeyException {
    requireNonNull(privateKey, "privateKey");
    return kem.publicKey(privateKey);
  }

  /**
   * SetupBaseS / SetupPSKS / SetupAuthS / SetupAuthPSKS (RFC 9180 §5.1) with a fresh ephemeral key,
   * which is destroyed before this returns.
   *
   * @param skS the sender's private key for the auth modes, else {@code null}
   * @throws BadKeyException if {@code pkR} or {@code skS} is invalid, or a DH output is all zero
   * @throws IllegalArgumentException if the PSK or sender-key inputs do not fit the mode, the PSK
   *     is shorter than 32 bytes (RFC 9180 §5.1.2), or the mode is an auth mode and the KEM has none
   */
  public HpkeSenderContext setupSender(
      HpkeMode mode, byte[] pkR, byte[] info, byte[] psk, byte[] pskId, byte[] skS,
      SecureRandom random) throws BadKeyException {
    requireNonNull(random, "random");
    checkCommon(mode, info, psk, pskId);
    requireNonNull(pkR, "pkR");
    checkSenderKey(mode, skS, "skS");
    return schedule(mode, kem.encap(pkR, random, skS), info, psk, pskId);
  }

  /**
   * As {@link #setupSender}, with the encapsulation randomness given: {@code ikmE} is the input of
   * DeriveKeyPair for a DHKEM's ephemeral key (RFC 9180 vectors) and the bytes the encapsulation
   * draws for the KEMs of draft-ietf-hpke-pq (their vectors' {@code ikmE}). Known-answer tests only.
   *
   * @throws BadKeyException if {@code pkR} or {@code skS} is invalid
   * @throws IllegalArgumentException if {@code ikmE} is shorter or longer than the KEM draws
   */
  HpkeSenderContext setupSenderDerandomized(
      HpkeMode mode, byte[] pkR, byte[] info, byte[] psk, byte[] pskId, byte[] skS, byte[] ikmE)
      throws BadKeyException {
    checkCommon(mode, info, psk, pskId);
    requireNonNull(pkR, "pkR");
    requireNonNull(ikmE, "ikmE");
    checkSenderKey(mode, skS, "skS");
    if (kem instanceof Dhkem) {
      RawKeyPair ephemeral = kem.deriveKeyPair(ikmE);
      try {
        return setupSenderWithEphemeral(mode, pkR, info, psk, pskId, skS, ephemeral);
      } finally {
        ephemeral.destroy();
      }
    }
    return schedule(mode, encapsulateDerandomized(pkR, ikmE), info, psk, pskId);
  }

  /**
   * Encap(pkR) drawing exactly {@code randomness}, e.g. X-Wing's EncapsulateDerand with {@code eseed}.
   * Known-answer tests only; not for DHKEMs.
   *
   * @throws BadKeyException if {@code pkR} is invalid
   * @throws IllegalArgumentException if {@code randomness} is not what the KEM draws
   */
  HpkeKem.Encapsulation encapsulateDerandomized(byte[] pkR, byte[] randomness)
      throws BadKeyException {
    if (kem instanceof Dhkem) {
      throw new IllegalStateException("a DHKEM's ephemeral key is derived, not drawn: " + this);
    }
    ExactRandom exact = new ExactRandom(randomness);
    HpkeKem.Encapsulation e = kem.encap(pkR, exact, null);
    if (!exact.isExhausted()) {
      java.util.Arrays.fill(e.sharedSecret, (byte) 0);
      throw new IllegalArgumentException(
          "encapsulation randomness of " + randomness.length + " bytes not all used by " + this);
    }
    return e;
  }

  private HpkeSenderContext schedule(HpkeMode mode, HpkeKem.Encapsulation encapsulation,
      byte[] info, byte[] psk, byte[] pskId) {
    try {
      KeySchedule.Output out =
          KeySchedule.run(this, mode, encapsulation.sharedSecret, info, psk, pskId);
      return new HpkeSenderContext(this, out, encapsulation.enc);
    } finally {
      Arrays.fill(encapsulation.sharedSecret, (byte) 0);
    }
  }

  /**
   * As {@link #setupSender} but with a given ephemeral key pair. For known-answer tests only: an
   * ephemeral key used twice breaks the confidentiality of both messages.
   *
   * @throws BadKeyException if {@code pkR}, {@code skS} or the ephemeral key is invalid
   */
  HpkeSenderContext setupSenderWithEphemeral(
      HpkeMode mode, byte[] pkR, byte[] info, byte[] psk, byte[] pskId, byte[] skS,
      RawKeyPair ephemeral) throws BadKeyException {
    checkCommon(mode, info, psk, pskId);
    requireNonNull(pkR, "pkR");
    requireNonNull(ephemeral, "ephemeral");
    checkSenderKey(mode, skS, "skS");
    if (!(kem instanceof Dhkem)) {
      throw new IllegalStateException("only a DHKEM takes an ephemeral key pair: " + this);
    }
    return schedule(mode, ((Dhkem) kem).encap(pkR, ephemeral, skS), info, psk, pskId);
  }

  /**
   * SetupBaseR / SetupPSKR / SetupAuthR / SetupAuthPSKR (RFC 9180 §5.1).
   *
   * @param pkS the sender's public key for the auth modes, else {@code null}
   * @throws BadKeyException if {@code enc}, {@code skR} or {@code pkS} is invalid, or a DH output
   *     is all zero
   * @throws IllegalArgumentException if the PSK or sender-key inputs do not fit the mode, or the PSK
   *     is shorter than 32 bytes (RFC 9180 §5.1.2)
   */
  public HpkeReceiverContext setupReceiver(
      HpkeMode mode, byte[] enc, byte[] skR, byte[] info, byte[] psk, byte[] pskId, byte[] pkS)
      throws BadKeyException {
    checkCommon(mode, info, psk, pskId);
    requireNonNull(enc, "enc");
    requireNonNull(skR, "skR");
    checkSenderKey(mode, pkS, "pkS");
    byte[] sharedSecret = kem.decap(enc, skR, pkS);
    try {
      return new HpkeReceiverContext(this, KeySchedule.run(this, mode, sharedSecret, info, psk, pskId));
    } finally {
      Arrays.fill(sharedSecret, (byte) 0);
    }
  }

  /**
   * Decap(enc, skR), or AuthDecap(enc, skR, pkS) when {@code pkS} is non-null (RFC 9180 §4.1): the
   * KEM shared secret.
   *
   * @throws BadKeyException if {@code enc}, {@code skR} or {@code pkS} is invalid
   */
  public Secret decapsulate(byte[] enc, byte[] skR, byte[] pkS) throws BadKeyException {
    requireNonNull(enc, "enc");
    requireNonNull(skR, "skR");
    return Secret.wrap(kem.decap(enc, skR, pkS));
  }

  /**
   * The key schedule's intermediate {@code secret = LabeledExtract(shared_secret, "secret", psk)}
   * (RFC 9180 §5.1). For known-answer tests only.
   */
  Secret keyScheduleSecret(byte[] sharedSecret, byte[] psk) {
    requireNonNull(sharedSecret, "sharedSecret");
    requireNonNull(psk, "psk");
    return Secret.wrap(labeledKdf.extract(sharedSecret, "secret", psk));
  }

  /**
   * Single-shot Seal&lt;MODE&gt; (RFC 9180 §6.1).
   *
   * @throws BadKeyException if {@code pkR} or {@code skS} is invalid
   */
  public HpkeSealed seal(
      HpkeMode mode, byte[] pkR, byte[] info, byte[] aad, byte[] plaintext, byte[] psk,
      byte[] pskId, byte[] skS, SecureRandom random) throws BadKeyException {
    HpkeSenderContext ctx = setupSender(mode, pkR, info, psk, pskId, skS, random);
    try {
      return new HpkeSealed(ctx.enc(), ctx.seal(aad, plaintext));
    } finally {
      ctx.destroy();
    }
  }

  /**
   * Single-shot Open&lt;MODE&gt; (RFC 9180 §6.1).
   *
   * @throws BadKeyException if {@code enc}, {@code skR} or {@code pkS} is invalid
   * @throws AuthenticationException if the ciphertext does not verify
   */
  public byte[] open(
      HpkeMode mode, byte[] enc, byte[] skR, byte[] info, byte[] aad, byte[] ciphertext,
      byte[] psk, byte[] pskId, byte[] pkS) throws BadKeyException, AuthenticationException {
    HpkeReceiverContext ctx = setupReceiver(mode, enc, skR, info, psk, pskId, pkS);
    try {
      return ctx.open(aad, ciphertext);
    } finally {
      ctx.destroy();
    }
  }

  /**
   * Single-shot SendExport&lt;MODE&gt; (RFC 9180 §6.2).
   *
   * @throws BadKeyException if {@code pkR} or {@code skS} is invalid
   */
  public HpkeExport sendExport(
      HpkeMode mode, byte[] pkR, byte[] info, byte[] exporterContext, int length, byte[] psk,
      byte[] pskId, byte[] skS, SecureRandom random) throws BadKeyException {
    HpkeSenderContext ctx = setupSender(mode, pkR, info, psk, pskId, skS, random);
    try {
      return new HpkeExport(ctx.enc(), ctx.export(exporterContext, length));
    } finally {
      ctx.destroy();
    }
  }

  /**
   * Single-shot ReceiveExport&lt;MODE&gt; (RFC 9180 §6.2).
   *
   * @throws BadKeyException if {@code enc}, {@code skR} or {@code pkS} is invalid
   */
  public Secret receiveExport(
      HpkeMode mode, byte[] enc, byte[] skR, byte[] info, byte[] exporterContext, int length,
      byte[] psk, byte[] pskId, byte[] pkS) throws BadKeyException {
    HpkeReceiverContext ctx = setupReceiver(mode, enc, skR, info, psk, pskId, pkS);
    try {
      return ctx.export(exporterContext, length);
    } finally {
      ctx.destroy();
    }
  }

  LabeledKdf labeledKdf() {
    return labeledKdf;
  }

  /** The AEAD, or {@code null} for export-only. */
  Aead aead() {
    return aead;
  }

  private static void checkCommon(HpkeMode mode, byte[] info, byte[] psk, byte[] pskId) {
    requireNonNull(mode, "mode");
    requireNonNull(info, "info");
    requireNonNull(psk, "psk (pass an empty array when unused)");
    requireNonNull(pskId, "pskId (pass an empty array when unused)");
  }

  private void checkSenderKey(HpkeMode mode, byte[] key, String name) {
    if (mode.usesSenderKey() && !kem.supportsAuth()) {
      throw new IllegalArgumentException("HPKE KEM " + Dhkem.hex(kem.id())
          + " has no authenticated modes (draft-ietf-hpke-pq), asked for " + mode);
    }
    if (mode.usesSenderKey() && key == null) {
      throw new IllegalArgumentException("HPKE mode " + mode + " requires " + name);
    }
    if (!mode.usesSenderKey() && key != null) {
      throw new IllegalArgumentException("HPKE mode " + mode + " takes no " + name);
    }
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }

  @Override
  public String toString() {
    return String.format("Hpke[KEM 0x%04x, KDF 0x%04x, AEAD 0x%04x]", kem.id(), kdfId, aeadId);
  }
}
