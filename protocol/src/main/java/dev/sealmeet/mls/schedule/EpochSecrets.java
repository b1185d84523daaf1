package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The secrets of one epoch, derived from {@code epoch_secret} (RFC 9420 §8, table "Epoch-Derived
 * Secrets"), and the operations that use them without handing them out: confirmation and membership
 * tags, the exporter (§8.5), the external key pair (§8 and §8.3), the sender-data key (§6.3.2) and the
 * secret tree (§9).
 *
 * <p>The epoch secret itself is wiped as soon as these are derived. The raw accessors return copies for
 * code that must place a secret on the wire or compare it with a test vector; each copy is the
 * caller's to destroy. {@link #toString()} prints no secret.
 */
public final class EpochSecrets {
  /** Label of the HPKE export that yields an external init secret (RFC 9420 §8.3). */
  static final String EXTERNAL_INIT_LABEL = "MLS 1.0 external init secret";

  private final MlsSuite suite;
  private final Secret senderData;
  private final Secret encryption;
  private final Secret exporter;
  private final Secret external;
  private final Secret confirmation;
  private final Secret membership;
  private final Secret resumption;
  private final Secret authentication;
  private final Secret init;

  private EpochSecrets(MlsSuite suite, Secret epochSecret) {
    this.suite = suite;
    this.senderData = suite.deriveSecret(epochSecret, "sender data");
    this.encryption = suite.deriveSecret(epochSecret, "encryption");
    this.exporter = suite.deriveSecret(epochSecret, "exporter");
    this.external = suite.deriveSecret(epochSecret, "external");
    this.confirmation = suite.deriveSecret(epochSecret, "confirm");
    this.membership = suite.deriveSecret(epochSecret, "membership");
    this.resumption = suite.deriveSecret(epochSecret, "resumption");
    this.authentication = suite.deriveSecret(epochSecret, "authentication");
    this.init = suite.deriveSecret(epochSecret, "init");
  }

  /** Derives every epoch secret from {@code epochSecret}; the caller keeps and wipes its holder. */
  static EpochSecrets fromEpochSecret(MlsSuite suite, Secret epochSecret) {
    return new EpochSecrets(suite, epochSecret);
  }

  /** The suite these secrets belong to. */
  public MlsSuite suite() {
    return suite;
  }

  /** {@code sender_data_secret} (copy). */
  public Secret senderDataSecret() {
    return copy(senderData);
  }

  /** {@code encryption_secret}, the root of the secret tree (copy). */
  public Secret encryptionSecret() {
    return copy(encryption);
  }

  /** {@code exporter_secret} (copy). */
  public Secret exporterSecret() {
    return copy(exporter);
  }

  /** {@code external_secret} (copy). */
  public Secret externalSecret() {
    return copy(external);
  }

  /** {@code confirmation_key} (copy). */
  public Secret confirmationKey() {
    return copy(confirmation);
  }

  /** {@code membership_key} (copy). */
  public Secret membershipKey() {
    return copy(membership);
  }

  /** {@code resumption_psk} (copy), to be kept as the resumption PSK of this epoch (§8.6). */
  public Secret resumptionPsk() {
    return copy(resumption);
  }

  /** {@code epoch_authenticator} (copy, §8.7). */
  public Secret epochAuthenticator() {
    return copy(authentication);
  }

  /** The {@code init_secret} for the next epoch (copy). */
  public InitSecret initSecret() {
    return new InitSecret(copy(init));
  }

  /**
   * MLS-Exporter(label, context, length) = ExpandWithLabel(DeriveSecret(exporter_secret, label),
   * "exported", Hash(context), length) (RFC 9420 §8.5).
   *
   * @throws IllegalArgumentException if {@code length} is not in 0..65535
   */
  public Secret export(String label, byte[] context, int length) {
    Secret derived = suite.deriveSecret(exporter, label);
    try {
      return suite.expandWithLabel(derived, "exported", suite.primitives().hash(context), length);
    } finally {
      derived.destroy();
    }
  }

  /** {@code external_pub} of KEM.DeriveKeyPair(external_secret) (RFC 9420 §8), for GroupInfo. */
  public byte[] externalPublicKey() {
    RawKeyPair pair = externalKeyPair();
    pair.destroy();
    return pair.publicKey();
  }

  /**
   * The receiver side of an external init (RFC 9420 §8.3): SetupBaseR(kem_output, external_priv, "")
   * then export("MLS 1.0 external init secret", Nh).
   *
   * @throws BadKeyException if {@code kemOutput} is not a valid KEM output of the suite
   */
  public InitSecret externalInitSecret(byte[] kemOutput) throws BadKeyException {
    RawKeyPair pair = externalKeyPair();
    byte[] priv = pair.privateKey();
    pair.destroy();
    try {
      Secret exported = suite.primitives().hpkeExportReceive(
          kemOutput, priv, new byte[0], EXTERNAL_INIT_LABEL.getBytes(
              java.nio.charset.StandardCharsets.US_ASCII), suite.hashLength());
      return new InitSecret(exported);
    } finally {
      Arrays.fill(priv, (byte) 0);
    }
  }

  private RawKeyPair externalKeyPair() {
    byte[] ikm = external.copyBytes();
    try {
      return suite.primitives().hpkeDeriveKeyPair(ikm);
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }

  /** confirmation_tag = MAC(confirmation_key, confirmed_transcript_hash) (RFC 9420 §6.1, §8.2). */
  public byte[] confirmationTag(byte[] confirmedTranscriptHash) {
    return mac(confirmation, confirmedTranscriptHash);
  }

  /**
   * Checks a received confirmation tag in constant time (RFC 9420 §12.4.2).
   *
   * @throws AuthenticationException if the tag does not match
   */
  public void verifyConfirmationTag(byte[] confirmedTranscriptHash, byte[] tag)
      throws AuthenticationException {
    if (!macMatches(confirmation, confirmedTranscriptHash, tag)) {
      throw new AuthenticationException("confirmation_tag does not match (RFC 9420 §6.1)");
    }
  }

  /** membership_tag = MAC(membership_key, AuthenticatedContentTBM) (RFC 9420 §6.2). */
  public byte[] membershipTag(byte[] authenticatedContentTbm) {
    return mac(membership, authenticatedContentTbm);
  }

  /**
   * Checks a PublicMessage membership tag in constant time (RFC 9420 §6.2).
   *
   * @throws AuthenticationException if the tag does not match
   */
  public void verifyMembershipTag(byte[] authenticatedContentTbm, byte[] tag)
      throws AuthenticationException {
    if (!macMatches(membership, authenticatedContentTbm, tag)) {
      throw new AuthenticationException("membership_tag does not match (RFC 9420 §6.2)");
    }
  }

  /** The sender-data key and nonce for a PrivateMessage ciphertext (RFC 9420 §6.3.2). */
  public SenderDataKey senderDataKey(byte[] ciphertext) {
    return SenderDataKey.derive(suite, senderData, ciphertext);
  }

  /**
   * The epoch's secret tree over {@code leafCount} leaves, rooted at {@code encryption_secret} (§9).
   * The tree takes the encryption secret over: this epoch's copy is wiped (§9.2), so the tree can be
   * created once and {@link #encryptionSecret()} fails afterwards.
   *
   * @throws IllegalStateException if the secret tree was already created
   */
  public SecretTree secretTree(int leafCount) {
    return secretTree(leafCount, RatchetWindow.DEFAULT);
  }

  /**
   * {@link #secretTree(int)} with the out-of-order window of its ratchets.
   *
   * @throws IllegalStateException if the secret tree was already created
   */
  public SecretTree secretTree(int leafCount, RatchetWindow window) {
    if (encryption.isDestroyed()) {
      throw new IllegalStateException("the secret tree of this epoch was already created");
    }
    SecretTree tree = new SecretTree(suite, copy(encryption), leafCount, window);
    encryption.destroy();
    return tree;
  }

  /** Writes every secret still held, for persistence. The bytes are secret. */
  public void writeState(dev.sealmeet.codec.TlsWriter writer) {
    for (Secret s : all()) {
      SecretState.write(writer, s);
    }
  }

  /**
   * Reads secrets written by {@link #writeState}; a destroyed one (the encryption secret, once
   * the secret tree exists) stays destroyed.
   *
   * @throws dev.sealmeet.error.DecodeException if the encoding is malformed
   */
  public static EpochSecrets readState(MlsSuite suite, dev.sealmeet.codec.TlsReader reader)
      throws dev.sealmeet.error.DecodeException {
    Secret[] read = new Secret[9];
    for (int i = 0; i < read.length; i++) {
      read[i] = SecretState.read(reader);
    }
    return new EpochSecrets(suite, read);
  }

  private EpochSecrets(MlsSuite suite, Secret[] s) {
    this.suite = suite;
    Secret gone = Secret.wrap(new byte[0]);
    gone.destroy();
    this.senderData = s[0] != null ? s[0] : gone;
    this.encryption = s[1] != null ? s[1] : gone;
    this.exporter = s[2] != null ? s[2] : gone;
    this.external = s[3] != null ? s[3] : gone;
    this.confirmation = s[4] != null ? s[4] : gone;
    this.membership = s[5] != null ? s[5] : gone;
    this.resumption = s[6] != null ? s[6] : gone;
    this.authentication = s[7] != null ? s[7] : gone;
    this.init = s[8] != null ? s[8] : gone;
  }

  private Secret[] all() {
    return new Secret[] {senderData, encryption, exporter, external, confirmation, membership,
        resumption, authentication, init};
  }

  /** Wipes every secret of the epoch (RFC 9420 §9.2); later use throws IllegalStateException. */
  public void destroy() {
    for (Secret s : all()) {
      s.destroy();
    }
  }

  /** Whether every secret of the epoch is wiped (the secret tree's root is handed on earlier). */
  public boolean isDestroyed() {
    for (Secret s : all()) {
      if (s != encryption && !s.isDestroyed()) {
        return false;
      }
    }
    return true;
  }

  /** The suite only, never a secret. */
  @Override
  public String toString() {
    return "EpochSecrets[" + suite + (init.isDestroyed() ? ", destroyed]" : "]");
  }

  private byte[] mac(Secret key, byte[] data) {
    byte[] k = key.copyBytes();
    try {
      return suite.primitives().mac(k, data);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  private boolean macMatches(Secret key, byte[] data, byte[] tag) {
    byte[] expected = mac(key, data);
    // Lengths are public (Nh); the content comparison is constant-time.
    return tag != null && tag.length == expected.length && MessageDigest.isEqual(expected, tag);
  }

  private static Secret copy(Secret s) {
    return s.copy();
  }
}
