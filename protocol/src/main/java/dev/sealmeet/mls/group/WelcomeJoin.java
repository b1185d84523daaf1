package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.EpochProtection;
import dev.sealmeet.mls.framing.VerifiedWelcome;
import dev.sealmeet.mls.framing.WelcomeReceiver;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Welcome;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeMath;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Joining by Welcome (RFC 9420 §12.4.3.1): open the Welcome, take the ratchet tree from it or out
 * of band, validate the whole tree (tree hash, every leaf, parent hashes, unmerged leaves, key
 * uniqueness), find this client's leaf, derive its path keys from the path secret and start the
 * epoch. A suite definition bound in the KeyPackage or the group must be this member's for the
 * code point ({@link SuiteBinding}). On failure nothing is kept and every derived secret is wiped.
 */
final class WelcomeJoin {
  private WelcomeJoin() {}

  /** A group joined by Welcome and the PSKs its Welcome named. */
  record Joined(MlsGroup group, List<dev.sealmeet.mls.message.PreSharedKeyId> psks) {}

  static Joined join(MlsMessage message, KeyPackageBundle own, SigningIdentity identity,
      Optional<RatchetTree> outOfBand, PskStore psks, dev.sealmeet.mls.framing.PskLookup lookup,
      GroupConfig config) throws SealmeetException {
    if (!(message.body() instanceof Welcome welcome)) {
      throw new ProtocolException("RFC 9420 §12.4.3.1",
          "expected a Welcome, got " + message.wireFormat());
    }
    KeyPackage keyPackage = own.keyPackage();
    if (!identity.hasKey(keyPackage.leafNode().signatureKey())) {
      throw new IllegalArgumentException("the KeyPackage is not signed by this identity");
    }
    MlsSuite suite = MlsSuite.of(welcome.cipherSuite(), config.suites(), config.random());
    SuiteBinding.checkKeyPackage(keyPackage, config);
    RatchetTree[] tree = new RatchetTree[1];
    byte[] initKey = own.initPrivateKeyCopy();
    VerifiedWelcome verified;
    try {
      verified = WelcomeReceiver.join(suite, welcome, keyPackage, initKey, lookup, groupInfo -> {
            GroupContext bound = groupInfo.groupContext();
            SuiteBinding.check(bound.extensions(), bound.cipherSuite(), config, "the group");
            tree[0] = treeOf(groupInfo, outOfBand);
            return tree[0].leaf(groupInfo.signer()).orElseThrow(() -> new ProtocolException(
                "RFC 9420 §12.4.3.1", "the GroupInfo signer's leaf " + groupInfo.signer()
                    + " is blank")).signatureKey();
          });
    } finally {
      Arrays.fill(initKey, (byte) 0);
    }
    TreePrivateKeys keys = null;
    boolean done = false;
    try {
      GroupInfo groupInfo = verified.groupInfo();
      GroupContext context = groupInfo.groupContext();
      MemberChecks checks = new MemberChecks(suite, config);
      checks.joinedTree(tree[0], context);
      long ownLeaf = -1;
      for (long leaf : tree[0].occupiedLeaves()) {
        if (tree[0].leaf(leaf).orElseThrow().equals(keyPackage.leafNode())) {
          ownLeaf = leaf;
        }
      }
      if (ownLeaf < 0) {
        throw new GroupRuleException(GroupRule.WELCOME_TREE,
            "the ratchet tree does not hold this client's KeyPackage leaf");
      }
      checks.supportsGroup(keyPackage.leafNode(), context.extensions(), "this client");
      byte[] leafKey = own.encryptionPrivateKeyCopy();
      keys = TreePrivateKeys.ofLeaf(ownLeaf, leafKey);
      Arrays.fill(leafKey, (byte) 0);
      Optional<dev.sealmeet.mls.message.PathSecret> pathSecret = verified.pathSecret();
      if (pathSecret.isPresent()) {
        byte[] raw = pathSecret.get().pathSecret();
        try {
          keys = withPathKeys(suite, tree[0], ownLeaf, groupInfo.signer(), keys, raw);
        } finally {
          Arrays.fill(raw, (byte) 0);
          pathSecret.get().destroy();
        }
      }
      keys.requireConsistentWith(suite, tree[0]);
      byte[] interim = TranscriptHashes.interimHash(
          suite, context.confirmedTranscriptHash(), groupInfo.confirmationTag());
      EpochProtection protection = EpochProtection.of(suite, context, verified.epochSecrets(),
          tree[0].leafCount(), config.ratchetWindow(), config.random());
      EpochState state = new EpochState(suite, context, tree[0], interim,
          groupInfo.confirmationTag(), ownLeaf, keys, verified.epochSecrets(), protection);
      done = true;
      return new Joined(new MlsGroup(suite, identity, config, psks, state), verified.psks());
    } finally {
      if (!done) {
        verified.epochSecrets().destroy();
        if (keys != null) {
          keys.destroy();
        }
      }
    }
  }

  /** The tree from the GroupInfo's {@code ratchet_tree} extension, or the out-of-band one. */
  static RatchetTree treeOf(GroupInfo groupInfo, Optional<RatchetTree> outOfBand)
      throws ProtocolException {
    List<Extension> extensions = groupInfo.extensions();
    Optional<Extension> inWelcome = Extensions.find(extensions, Extensions.RATCHET_TREE);
    if (inWelcome.isPresent()) {
      try {
        return RatchetTree.decode(inWelcome.get().extensionData());
      } catch (dev.sealmeet.error.DecodeException e) {
        throw new ProtocolException("RFC 9420 §12.4.3.3",
            "ratchet_tree extension is malformed: " + e.getMessage());
      }
    }
    return outOfBand.orElseThrow(() -> new GroupRuleException(GroupRule.WELCOME_TREE,
        "the Welcome carries no ratchet tree and none was given out of band"));
  }

  /**
   * The path keys from the lowest common ancestor of this leaf and the committer's up the
   * committer's filtered direct path (§12.4.3.1, §7.4).
   */
  static TreePrivateKeys withPathKeys(MlsSuite suite, RatchetTree tree, long ownLeaf,
      long committer, TreePrivateKeys keys, byte[] pathSecret) throws ProtocolException {
    if (tree.leaf(committer).isEmpty() || committer == ownLeaf) {
      throw new ProtocolException("RFC 9420 §12.4.3.1",
          "the GroupInfo signer " + committer + " cannot have sent this member a path secret");
    }
    int ancestor = TreeMath.commonAncestor(
        TreeMath.leafToNode(ownLeaf), TreeMath.leafToNode(committer));
    List<Integer> path = tree.filteredDirectPath(committer);
    int start = path.indexOf(ancestor);
    if (start < 0) {
      throw new ProtocolException("RFC 9420 §12.4.3.1", "the common ancestor " + ancestor
          + " is not on the committer's filtered direct path");
    }
    Secret secret = Secret.copyOf(pathSecret);
    TreePrivateKeys result = keys;
    try {
      for (int i = start; i < path.size(); i++) {
        TreePrivateKeys next = result.withPathSecret(suite, path.get(i), secret);
        result.destroy();
        result = next;
        Secret up = suite.deriveSecret(secret, "path");
        secret.destroy();
        secret = up;
      }
      return result;
    } finally {
      secret.destroy();
    }
  }
}
