package dev.sealmeet.mls.group;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Lifetime;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.tree.LeafNodeValidator;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeValidator;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The checks a member runs on a leaf or KeyPackage before it enters the tree: RFC 9420 §7.3 (leaf
 * nodes, through {@link LeafNodeValidator}), §10.1 (KeyPackages), §11.1 (required capabilities),
 * §12.1.7 (group context extensions supported) and the application's credential validator (§5.3.1).
 */
final class MemberChecks {
  private final MlsSuite suite;
  private final GroupConfig config;
  private final LeafNodeValidator leaves;

  MemberChecks(MlsSuite suite, GroupConfig config) {
    this.suite = suite;
    this.config = config;
    this.leaves = new LeafNodeValidator(suite);
  }

  /**
   * Validates the ratchet tree a joiner receives, by Welcome or for an external commit alike
   * (§12.4.3.1, §12.4.3.2): the whole tree (tree hash, every leaf, parent hashes, unmerged leaves,
   * key uniqueness) and every member's credential with the application's validator (§7.3, §5.3.1).
   *
   * @throws ProtocolException naming the failed tree check
   * @throws GroupRuleException if the validator refuses a member's credential
   */
  void joinedTree(RatchetTree tree, GroupContext context) throws ProtocolException {
    new TreeValidator(suite).validate(tree, context.groupId(), context.treeHash());
    for (long leaf : tree.occupiedLeaves()) {
      credential(tree.leaf(leaf).orElseThrow(), Optional.empty());
    }
  }

  /**
   * Validates a KeyPackage of an Add against the group (§10.1, §12.1.1), including the suite
   * definition its author bound to the code point ({@link SuiteBinding}).
   *
   * @throws GroupRuleException naming the failed check
   */
  void keyPackage(KeyPackage keyPackage, RatchetTree tree, byte[] groupId,
      List<Extension> groupExtensions) throws GroupRuleException {
    if (keyPackage.cipherSuite() != suite.id() || keyPackage.version() != ProtocolVersion.MLS10) {
      throw new GroupRuleException(GroupRule.INVALID_KEY_PACKAGE, String.format(
          "KeyPackage is for version %d suite 0x%04x, the group uses version 1 suite 0x%04x",
          keyPackage.version(), keyPackage.cipherSuite(), suite.id()));
    }
    SuiteBinding.checkKeyPackage(keyPackage, config);
    LeafNode leaf = keyPackage.leafNode();
    if (!suite.verifyWithLabel(leaf.signatureKey(), KeyPackageBundle.KEY_PACKAGE_LABEL,
        keyPackage.toBeSigned(), keyPackage.signature())) {
      throw new GroupRuleException(GroupRule.INVALID_KEY_PACKAGE,
          "KeyPackage signature does not verify with its leaf's signature key");
    }
    if (MessageDigest.isEqual(keyPackage.initKey(), leaf.encryptionKey())) {
      throw new GroupRuleException(GroupRule.INVALID_KEY_PACKAGE,
          "init_key equals the leaf's encryption_key");
    }
    Lifetime lifetime = leaf.lifetime().orElse(null);
    long now = config.clock().instant().getEpochSecond();
    if (lifetime != null && (Long.compareUnsigned(now, lifetime.notBefore()) < 0
        || Long.compareUnsigned(now, lifetime.notAfter()) > 0)) {
      throw new GroupRuleException(GroupRule.INVALID_KEY_PACKAGE,
          "KeyPackage lifetime does not include the current time");
    }
    leaf(tree, leaf, LeafNodeSource.KEY_PACKAGE, groupId, tree.leafCount(), OptionalLong.empty(),
        groupExtensions);
  }

  /**
   * Validates a leaf entering the tree (§7.3) against the group's extensions and the validator.
   *
   * @param replaces the leaf being replaced (Update or commit path), empty for an Add
   * @throws GroupRuleException naming the failed check
   */
  void leaf(RatchetTree tree, LeafNode leaf, LeafNodeSource source, byte[] groupId,
      long leafIndex, OptionalLong replaces, List<Extension> groupExtensions)
      throws GroupRuleException {
    try {
      leaves.validate(tree, leaf, source, groupId, leafIndex, replaces);
    } catch (ProtocolException e) {
      throw new GroupRuleException(GroupRule.INVALID_LEAF_NODE, e.getMessage());
    }
    supportsGroup(leaf, groupExtensions, "leaf " + leafIndex);
    Optional<LeafNode> replaced = replaces.isPresent()
        ? tree.leaf(replaces.getAsLong()) : Optional.empty();
    credential(leaf, replaced);
  }

  /**
   * Checks that {@code leaf} supports the group's required capabilities (§11.1) and every
   * non-default GroupContext extension (§12.1.7).
   *
   * @throws GroupRuleException if it does not
   */
  void supportsGroup(LeafNode leaf, List<Extension> groupExtensions, String who)
      throws GroupRuleException {
    Optional<RequiredCapabilities> required;
    try {
      required = RequiredCapabilities.in(groupExtensions);
    } catch (DecodeException e) {
      throw new GroupRuleException(GroupRule.REQUIRED_CAPABILITIES,
          "required_capabilities extension is malformed");
    }
    if (required.isPresent()) {
      Optional<String> missing = required.get().missingFrom(leaf.capabilities());
      if (missing.isPresent()) {
        throw new GroupRuleException(GroupRule.REQUIRED_CAPABILITIES,
            who + " does not support required " + missing.get());
      }
    }
    for (Extension e : groupExtensions) {
      int type = e.extensionType();
      if (type > 5 && !leaf.capabilities().extensions().contains(type)) {
        throw new GroupRuleException(GroupRule.UNSUPPORTED_GROUP_CONTEXT_EXTENSION,
            who + " does not support group context extension " + type);
      }
    }
  }

  /**
   * The resync rule of an external commit (§12.2, §12.4.3.2): a Remove in it may only remove the
   * joiner's earlier self, so the new leaf must meet what an Update of the removed leaf would (a
   * credential the application accepts as the same client's, a different encryption key), and the
   * group must allow resync at all ({@link GroupConfig#resyncAllowed()}).
   *
   * @param tree the tree before the commit
   * @param removed the leaves the external commit removes (at most one, checked before)
   * @param joined the leaf of the commit's path
   * @throws GroupRuleException if the commit may not remove that leaf
   */
  void resync(RatchetTree tree, List<Long> removed, LeafNode joined) throws GroupRuleException {
    if (removed.isEmpty()) {
      return;
    }
    if (!config.resyncAllowed()) {
      throw new GroupRuleException(GroupRule.RESYNC_REFUSED,
          "this group refuses external commits that remove a member");
    }
    LeafNode old = tree.leaf(removed.get(0)).orElseThrow();
    if (MessageDigest.isEqual(old.encryptionKey(), joined.encryptionKey())) {
      throw new GroupRuleException(GroupRule.INVALID_EXTERNAL_COMMIT,
          "the resync leaf keeps the encryption key of the leaf it removes");
    }
    credential(joined, Optional.of(old));
  }

  /**
   * Asks the application's validator about {@code leaf}'s credential, as a replacement of {@code
   * replaced} if present.
   *
   * @throws GroupRuleException if the validator refuses it
   */
  void credential(LeafNode leaf, Optional<LeafNode> replaced) throws GroupRuleException {
    boolean ok = replaced.isPresent()
        ? config.credentials().acceptsReplacement(
            replaced.get().credential(), leaf.credential(), leaf.signatureKey())
        : config.credentials().accepts(leaf.credential(), leaf.signatureKey());
    if (!ok) {
      throw new GroupRuleException(GroupRule.CREDENTIAL_REJECTED, "credential of type "
          + leaf.credential().credentialType() + " refused by the application");
    }
  }
}
