package dev.sealmeet.mls.framing;

import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.EncryptedGroupSecrets;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.GroupSecrets;
import dev.sealmeet.mls.message.HpkeCiphertext;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.Welcome;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The committer's side of a Welcome (RFC 9420 §12.4.3.1), the inverse of {@link WelcomeReceiver}:
 * signs the GroupInfo, encrypts it under the welcome key and nonce, and encrypts GroupSecrets to
 * each
 * new member's init key with {@code EncryptWithLabel(init_key, "Welcome", encrypted_group_info,
 * ..)}.
 */
public final class WelcomeSender {
  private WelcomeSender() {}

  /**
   * {@code groupInfo} with {@code SignWithLabel(., "GroupInfoTBS", GroupInfoTBS)} (RFC 9420
   * §12.4.3).
   *
   * @throws BadKeyException if the key is not a key of the suite's signature scheme
   */
  public static GroupInfo sign(MlsSuite suite, GroupInfo groupInfo, byte[] signaturePrivateKey)
      throws BadKeyException {
    return groupInfo.withSignature(suite.signWithLabel(
        signaturePrivateKey, WelcomeReceiver.GROUP_INFO_LABEL, groupInfo.toBeSigned()));
  }

  /**
   * A Welcome of the new epoch for {@code members}.
   *
   * @param joiner the new epoch's joiner secret (kept by the caller)
   * @param psks the PSKs of the Commit, in order; {@code pskSecret} must be computed from them
   * @param signedGroupInfo the new epoch's GroupInfo, already signed
   * @throws BadKeyException if a member's init key is not a valid HPKE public key
   * @throws IllegalArgumentException if a KeyPackage is of another suite
   */
  public static Welcome create(MlsSuite suite, JoinerSecret joiner, List<PreSharedKeyId> psks,
      PskSecret pskSecret, GroupInfo signedGroupInfo, List<NewMember> members)
      throws BadKeyException {
    byte[] encryptedGroupInfo =
        GroupInfoCipher.seal(suite, joiner, pskSecret, signedGroupInfo.toBytes());
    List<EncryptedGroupSecrets> secrets = new ArrayList<>();
    Secret joinerCopy = joiner.copySecret();
    try {
      for (NewMember member : members) {
        if (member.keyPackage().cipherSuite() != suite.id()) {
          throw new IllegalArgumentException(String.format(
              "KeyPackage of suite 0x%04x in a Welcome of suite 0x%04x",
              member.keyPackage().cipherSuite(), suite.id()));
        }
        byte[] raw = joinerCopy.copyBytes();
        GroupSecrets groupSecrets = new GroupSecrets(raw, member.pathSecret(), psks);
        Arrays.fill(raw, (byte) 0);
        byte[] plain = groupSecrets.toBytes();
        groupSecrets.destroy();
        try {
          HpkeSealed sealed = suite.encryptWithLabel(member.keyPackage().initKey(),
              WelcomeReceiver.WELCOME_LABEL, encryptedGroupInfo, plain);
          secrets.add(new EncryptedGroupSecrets(
              suite.makeKeyPackageRef(member.keyPackage().toBytes()),
              new HpkeCiphertext(sealed.kemOutput(), sealed.ciphertext())));
        } finally {
          Arrays.fill(plain, (byte) 0);
        }
      }
    } finally {
      joinerCopy.destroy();
    }
    return new Welcome(suite.id(), secrets, encryptedGroupInfo);
  }
}
