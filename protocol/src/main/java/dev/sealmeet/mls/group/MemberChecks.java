package dev.sealmeet.mls.group;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Lifetime;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.tree.LeafNodeValidator;
import dev.sealmeet.mls.tree.RatchetTree;
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
   * Validates a KeyPackage of an Add against the group (§10.1, §12.1.1).
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
