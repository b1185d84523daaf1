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
 * One HPKE configuration (RFC 9180): a DHKEM, a KDF and an AEAD (or export-only), with the setup
 * functions of §5.1 for all four modes and the single-shot APIs of §6.
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

  private final Dhkem kem;
  private final Hkdf kdf;
  private final Aead aead;
  private final int aeadId;
  private final LabeledKdf labeledKdf;

  private Hpke(Dhkem kem, Hkdf kdf, Aead aead, int aeadId) {
    this.kem = kem;
    this.kdf = kdf;
    this.aead = aead;
    this.aeadId = aeadId;
    this.labeledKdf = LabeledKdf.forSuite(kdf, kem.id(), kdf.hpkeId(), aeadId);
  }

  /**
   * The configuration (kem_id, kdf_id, aead_id).
   *
   * @throws UnsupportedException naming the first unsupported id. Supported: KEMs 0x0010, 0x0011,
   *     0x0012, 0x0020, 0x0021; KDFs 0x0001..0x0003; AEADs 0x0001..0x0003 and 0xFFFF.
   */
  public static Hpke of(int kemId, int kdfId, int aeadId) throws UnsupportedException {
    Dhkem kem = Dhkem.forId(kemId);
    if (kem == null) {
      throw new UnsupportedException("HPKE KEM " + Dhkem.hex(kemId));
    }
    Hkdf kdf;
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
        throw new UnsupportedException("HPKE KDF " + Dhkem.hex(kdfId));
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
    return new Hpke(kem, kdf, aead, aeadId);
  }

  /** The KEM id. */
  public int kemId() {
    return kem.id();
  }

  /** The KDF id. */
  public int kdfId() {
    return kdf.hpkeId();
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
    return kem.group().publicKeyLength();
  }

  /** {@code Nsk}. */
  public int privateKeyLength() {
    return kem.group().privateKeyLength();
  }

  /** GenerateKeyPair() of the KEM, as (SerializePrivateKey, SerializePublicKey). */
  public RawKeyPair generateKeyPair(SecureRandom random) {
    return kem.group().generateKeyPair(random);
  }

  /** DeriveKeyPair(ikm) of the KEM (RFC 9180 §7.1.3). */
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
    return kem.group().publicKey(privateKey);
  }

  /**
   * SetupBaseS / SetupPSKS / SetupAuthS / SetupAuthPSKS (RFC 9180 §5.1) with a fresh ephemeral key,
   * which is destroyed before this returns.
   *
   * @param skS the sender's private key for the auth modes, else {@code null}
   * @throws BadKeyException if {@code pkR} or {@code skS} is invalid, or a DH output is all zero
   * @throws IllegalArgumentException if the PSK or sender-key inputs do not fit the mode, or the PSK
   *     is shorter than 32 bytes (RFC 9180 §5.1.2)
   */
  public HpkeSenderContext setupSender(
      HpkeMode mode, byte[] pkR, byte[] info, byte[] psk, byte[] pskId, byte[] skS,
      SecureRandom random) throws BadKeyException {
    requireNonNull(random, "random");
    RawKeyPair ephemeral = kem.group().generateKeyPair(random);
    try {
      return setupSenderWithEphemeral(mode, pkR, info, psk, pskId, skS, ephemeral);
    } finally {
      ephemeral.destroy();
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
    Dhkem.Encapsulation encapsulation = kem.encap(pkR, ephemeral, skS);
    try {
      KeySchedule.Output out =
          KeySchedule.run(this, mode, encapsulation.sharedSecret, info, psk, pskId);
      return new HpkeSenderContext(this, out, encapsulation.enc);
    } finally {
      Arrays.fill(encapsulation.sharedSecret, (byte) 0);
    }
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

  private static void checkSenderKey(HpkeMode mode, byte[] key, String name) {
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
    return String.format("Hpke[KEM 0x%04x, KDF 0x%04x, AEAD 0x%04x]", kem.id(), kdf.hpkeId(), aeadId);
  }
}
