package dev.sealmeet.mls.framing;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.EncryptedGroupSecrets;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.GroupSecrets;
import dev.sealmeet.mls.message.HpkeCiphertext;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.PathSecret;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.ResumptionPskUsage;
import dev.sealmeet.mls.message.Welcome;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskInput;
import dev.sealmeet.mls.schedule.PskSecret;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens a Welcome for one of this client's KeyPackages (RFC 9420 §12.4.3.1).
 *
 * <pre>
 * Welcome.secrets ─KeyPackageRef─► EncryptedGroupSecrets
 *   ─DecryptWithLabel(init_priv, "Welcome", encrypted_group_info)─► GroupSecrets
 * joiner_secret + psk_secret ─► welcome_secret ─► welcome_key, welcome_nonce
 *   ─AEAD open(encrypted_group_info)─► GroupInfo ─VerifyWithLabel("GroupInfoTBS", signer key)
 * joiner_secret + psk_secret + GroupContext ─► EpochSecrets ─► confirmation_tag check
 * </pre>
 *
 * Stateless: every step either returns or throws, and nothing is kept.
 */
public final class WelcomeReceiver {
  /** The EncryptWithLabel label of GroupSecrets (RFC 9420 §12.4.3.1). */
  public static final String WELCOME_LABEL = "Welcome";

  /** The SignWithLabel label of a GroupInfo (RFC 9420 §12.4.3). */
  public static final String GROUP_INFO_LABEL = "GroupInfoTBS";

  /** Finds the signature key of a GroupInfo's signer, normally in the ratchet tree (§12.4.3.1). */
  @FunctionalInterface
  public interface SignerKeyLookup {
    /**
     * The signature public key of the leaf {@code groupInfo.signer()}.
     *
     * @throws ProtocolException if that leaf is blank or absent
     */
    byte[] signerKey(GroupInfo groupInfo) throws ProtocolException;
  }

  private WelcomeReceiver() {}

  /**
   * Runs every step of RFC 9420 §12.4.3.1 that needs no ratchet tree: decrypts the GroupSecrets and
   * the GroupInfo, verifies the GroupInfo signature and version and cipher suite, derives the epoch
   * secrets and verifies the confirmation tag. The decrypted GroupSecrets are destroyed before this
   * returns or throws; the result holds its own copy of the path secret.
   *
   * @param keyPackage the KeyPackage the Welcome should be for
   * @param initPrivateKey the private key of {@code keyPackage.initKey()}
   * @throws ProtocolException if the Welcome is not for {@code keyPackage}, suites or versions
   *     disagree, a PSK is missing or more than one is a reinit/branch resumption PSK, or the
   *     signer
   *     has no key
   * @throws AuthenticationException naming the check that failed: the GroupSecrets HPKE
   *     ciphertext, the GroupInfo AEAD, the GroupInfo signature or the confirmation tag
   * @throws BadKeyException if the HPKE KEM output or the init key is invalid
   * @throws DecodeException if GroupSecrets or GroupInfo is malformed
   */
  public static VerifiedWelcome join(MlsSuite suite, Welcome welcome, KeyPackage keyPackage,
      byte[] initPrivateKey, PskLookup psks, SignerKeyLookup signerKeys)
      throws ProtocolException, AuthenticationException, BadKeyException, DecodeException {
    GroupSecrets secrets = openGroupSecrets(suite, welcome, keyPackage, initPrivateKey);
    try {
      return join(suite, welcome, keyPackage, secrets, psks, signerKeys);
    } finally {
      secrets.destroy();
    }
  }

  private static VerifiedWelcome join(MlsSuite suite, Welcome welcome, KeyPackage keyPackage,
      GroupSecrets secrets, PskLookup psks, SignerKeyLookup signerKeys)
      throws ProtocolException, AuthenticationException, BadKeyException, DecodeException {
    PskSecret psk = pskSecret(suite, secrets.psks(), psks);
    JoinerSecret joiner;
    try {
      joiner = joinerSecret(suite, secrets);
    } catch (ProtocolException e) {
      psk.destroy();
      throw e;
    }
    try {
      GroupInfo groupInfo = openGroupInfo(suite, welcome, joiner, psk);
      GroupContext context = groupInfo.groupContext();
      if (context.cipherSuite() != keyPackage.cipherSuite()
          || context.version() != keyPackage.version()) {
        throw new ProtocolException("RFC 9420 §12.4.3.1", String.format(
            "GroupInfo is for version %d suite 0x%04x, the KeyPackage for version %d suite 0x%04x",
            context.version(), context.cipherSuite(), keyPackage.version(),
            keyPackage.cipherSuite()));
      }
      verifyGroupInfoSignature(suite, groupInfo, signerKeys.signerKey(groupInfo));
      EpochSecrets epoch = joiner.epochSecrets(psk, context);
      try {
        epoch.verifyConfirmationTag(context.confirmedTranscriptHash(), groupInfo.confirmationTag());
      } catch (AuthenticationException e) {
        epoch.destroy();
        throw new AuthenticationException(
            "GroupInfo confirmation_tag does not match the Welcome's epoch (RFC 9420 §12.4.3.1)");
      }
      return new VerifiedWelcome(groupInfo, secrets.pathSecret().map(PathSecret::copy),
          secrets.psks(), epoch);
    } finally {
      joiner.destroy();
      psk.destroy();
    }
  }

  /**
   * Finds the entry for {@code keyPackage} (by KeyPackageRef, RFC 9420 §5.2) and decrypts its
   * GroupSecrets with {@code DecryptWithLabel(init_priv, "Welcome", encrypted_group_info, ..)}.
   *
   * @throws ProtocolException if the suites differ or no entry is for {@code keyPackage}
   * @throws AuthenticationException if the HPKE ciphertext does not open
   * @throws BadKeyException if the KEM output or the private key is invalid
   * @return the GroupSecrets, which the caller owns and {@link GroupSecrets#destroy() destroys}
   * @throws DecodeException if the plaintext is not a GroupSecrets
   */
  public static GroupSecrets openGroupSecrets(MlsSuite suite, Welcome welcome,
      KeyPackage keyPackage, byte[] initPrivateKey)
      throws ProtocolException, AuthenticationException, BadKeyException, DecodeException {
    if (welcome.cipherSuite() != suite.id() || keyPackage.cipherSuite() != suite.id()) {
      throw new ProtocolException("RFC 9420 §12.4.3.1", String.format(
          "Welcome suite 0x%04x, KeyPackage suite 0x%04x, expected 0x%04x",
          welcome.cipherSuite(), keyPackage.cipherSuite(), suite.id()));
    }
    byte[] ref = suite.makeKeyPackageRef(keyPackage.toBytes());
    HpkeCiphertext sealed = null;
    for (EncryptedGroupSecrets entry : welcome.secrets()) {
      if (MessageDigest.isEqual(ref, entry.newMember())) {
        sealed = entry.encryptedGroupSecrets();
        break;
      }
    }
    if (sealed == null) {
      throw new ProtocolException("RFC 9420 §12.4.3.1", "none of the Welcome's "
          + welcome.secrets().size() + " entries is for this KeyPackage");
    }
    byte[] plain;
    try {
      plain = suite.decryptWithLabel(initPrivateKey, WELCOME_LABEL, welcome.encryptedGroupInfo(),
          sealed.kemOutput(), sealed.ciphertext());
    } catch (AuthenticationException e) {
      throw new AuthenticationException(
          "encrypted_group_secrets does not open with this init key (RFC 9420 §12.4.3.1)");
    }
    try {
      return TlsReader.decodeExactly(plain, GroupSecrets::decode);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * The {@code psk_secret} of the PSKs a Welcome names, in their order (RFC 9420 §8.4).
   *
   * @throws ProtocolException if there are more PSKs than a {@code uint16 count} of PSKLabel can
   *     number (§8.4), a PSK is missing, or more than one is a resumption PSK with usage reinit or
   *     branch (§12.4.3.1)
   */
  public static PskSecret pskSecret(MlsSuite suite, List<PreSharedKeyId> ids, PskLookup lookup)
      throws ProtocolException {
    if (ids.size() > PskSecret.MAX_PSKS) {
      throw new ProtocolException("RFC 9420 §8.4", "the Welcome names " + ids.size()
          + " PSKs, PSKLabel counts at most " + PskSecret.MAX_PSKS);
    }
    int special = 0;
    for (PreSharedKeyId id : ids) {
      if (id instanceof PreSharedKeyId.Resumption
          && ((PreSharedKeyId.Resumption) id).usage() != ResumptionPskUsage.APPLICATION) {
        special++;
      }
    }
    if (special > 1) {
      throw new ProtocolException("RFC 9420 §12.4.3.1",
          "at most one resumption PSK may have usage reinit or branch, the Welcome names "
              + special);
    }
    if (ids.isEmpty()) {
      return PskSecret.none(suite);
    }
    List<PskInput> inputs = new ArrayList<>();
    try {
      for (PreSharedKeyId id : ids) {
        inputs.add(new PskInput(id, lookup.psk(id).copy()));
      }
      return PskSecret.compute(suite, inputs);
    } finally {
      for (PskInput input : inputs) {
        input.psk().destroy();
      }
    }
  }

  /**
   * Decrypts the GroupInfo with the welcome key and nonce (RFC 9420 §12.4.3.1). The result is not
   * yet verified: see {@link #verifyGroupInfoSignature}.
   *
   * @throws AuthenticationException if the AEAD tag does not verify
   * @throws DecodeException if the plaintext is not a GroupInfo
   */
  public static GroupInfo openGroupInfo(MlsSuite suite, Welcome welcome, JoinerSecret joiner,
      PskSecret psk) throws AuthenticationException, DecodeException {
    byte[] plain = GroupInfoCipher.open(suite, joiner, psk, welcome.encryptedGroupInfo());
    try {
      return TlsReader.decodeExactly(plain, GroupInfo::decode);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * Checks {@code SignWithLabel(., "GroupInfoTBS", GroupInfoTBS)} with the signer's key.
   *
   * @throws AuthenticationException if the signature does not verify
   */
  public static void verifyGroupInfoSignature(MlsSuite suite, GroupInfo groupInfo,
      byte[] signerPublicKey) throws AuthenticationException {
    if (!suite.verifyWithLabel(
        signerPublicKey, GROUP_INFO_LABEL, groupInfo.toBeSigned(), groupInfo.signature())) {
      throw new AuthenticationException("GroupInfo signature of leaf " + groupInfo.signer()
          + " does not verify (RFC 9420 §12.4.3.1)");
    }
  }

  /**
   * The joiner secret carried in {@code secrets}.
   *
   * @throws ProtocolException if it is not {@code KDF.Nh} bytes long
   */
  public static JoinerSecret joinerSecret(MlsSuite suite, GroupSecrets secrets)
      throws ProtocolException {
    byte[] raw = secrets.joinerSecret();
    if (raw.length != suite.hashLength()) {
      Arrays.fill(raw, (byte) 0);
      throw new ProtocolException("RFC 9420 §8", "joiner_secret is " + raw.length
          + " bytes, expected KDF.Nh = " + suite.hashLength());
    }
    return JoinerSecret.of(suite, Secret.wrap(raw));
  }
}
