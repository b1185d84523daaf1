package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.EpochProtection;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeHashes;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import java.util.Arrays;
import java.util.List;

/**
 * Group creation (RFC 9420 §11): a one-member tree holding the creator's KeyPackage leaf, epoch 0,
 * a random epoch secret, and the interim transcript hash from the confirmation tag over the empty
 * confirmed transcript hash. A group in a suite IANA has not assigned gets the creator's suite
 * definition as a GroupContext extension ({@link SuiteBinding}).
 */
final class GroupCreation {
  private GroupCreation() {}

  static MlsGroup create(KeyPackageBundle own, SigningIdentity identity, byte[] groupId,
      List<Extension> extensions, PskStore psks, GroupConfig config) throws GroupRuleException {
    KeyPackage keyPackage = own.keyPackage();
    LeafNode leaf = keyPackage.leafNode();
    if (!identity.hasKey(leaf.signatureKey())) {
      throw new IllegalArgumentException("the KeyPackage is not signed by this identity");
    }
    MlsSuite suite = MlsGroup.suiteOf(keyPackage.cipherSuite(), config);
    extensions = SuiteBinding.withBinding(extensions, suite.id(), config);
    new MemberChecks(suite, config).supportsGroup(leaf, extensions, "the creator");
    RatchetTree tree = RatchetTree.ofCreator(leaf);
    GroupContext context = new GroupContext(keyPackage.version(), suite.id(), groupId, 0,
        new TreeHashes(suite).rootHash(tree), new byte[0], extensions);
    byte[] random = new byte[suite.hashLength()];
    config.random().nextBytes(random);
    JoinerSecret start = JoinerSecret.of(suite, Secret.wrap(random));
    PskSecret noPsk = PskSecret.none(suite);
    EpochSecrets secrets = start.epochSecrets(noPsk, context);
    start.destroy();
    noPsk.destroy();
    byte[] tag = secrets.confirmationTag(new byte[0]);
    byte[] interim = TranscriptHashes.interimHash(suite, new byte[0], tag);
    byte[] leafKey = own.encryptionPrivateKeyCopy();
    TreePrivateKeys keys = TreePrivateKeys.ofLeaf(0, leafKey);
    Arrays.fill(leafKey, (byte) 0);
    EpochProtection protection =
        EpochProtection.of(suite, context, secrets, tree.leafCount(),
        config.ratchetWindow(), config.random());
    return new MlsGroup(suite, identity, config, psks, new EpochState(
        suite, context, tree, interim, tag, 0, keys, secrets, protection));
  }
}
