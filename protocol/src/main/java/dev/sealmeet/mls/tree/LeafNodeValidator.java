package dev.sealmeet.mls.tree;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Validation of a LeafNode that is about to enter a tree (RFC 9420 §7.3): from a KeyPackage in an
 * Add, an Update proposal, or the UpdatePath of a Commit. Checks that need the clock (lifetime) or
 * the application (credential validation, §5.3.1) are left to the caller.
 */
public final class LeafNodeValidator {
  private final TreeValidator signatures;

  /** A validator for leaves of {@code suite}. */
  public LeafNodeValidator(MlsSuite suite) {
    this.signatures = new TreeValidator(Objects.requireNonNull(suite, "suite"));
  }

  /**
   * Validates {@code leaf} against {@code tree} (§7.3).
   *
   * @param expectedSource {@code KEY_PACKAGE} for an Add, {@code UPDATE} for an Update proposal,
   *     {@code COMMIT} for an UpdatePath leaf
   * @param groupId the group id (signature context of update and commit leaves)
   * @param leafIndex the leaf position the node will take (its signature context)
   * @param replaces the leaf being replaced (Update or Commit sender), empty for an Add
   * @throws ProtocolException (§7.3) naming the first failed rule
   */
  public void validate(RatchetTree tree, LeafNode leaf, LeafNodeSource expectedSource,
      byte[] groupId, long leafIndex, OptionalLong replaces) throws ProtocolException {
    if (leaf.source() != expectedSource) {
      throw new ProtocolException("RFC 9420 §7.3",
          "leaf_node_source is " + leaf.source() + ", expected " + expectedSource);
    }
    if (!signatures.leafSignatureValid(leaf, groupId, leafIndex)) {
      throw new ProtocolException("RFC 9420 §7.3", "leaf node signature does not verify");
    }
    List<Integer> ownCredentials = leaf.capabilities().credentials();
    List<Integer> ownExtensions = leaf.capabilities().extensions();
    for (Extension e : leaf.extensions()) {
      if (e.extensionType() > 5 && !ownExtensions.contains(e.extensionType())) {
        throw new ProtocolException("RFC 9420 §7.3", "extension " + e.extensionType()
            + " is not listed in the leaf's capabilities");
      }
    }
    int credentialType = leaf.credential().credentialType();
    if (!ownCredentials.contains(credentialType)) {
      throw new ProtocolException("RFC 9420 §7.3",
          "credential type " + credentialType + " is not listed in the leaf's own capabilities");
    }
    boolean replacing = replaces.isPresent();
    long replaced = replacing ? replaces.getAsLong() : -1;
    for (long other : tree.occupiedLeaves()) {
      LeafNode member = tree.leaf(other).orElseThrow();
      if (replacing && replaced == other) {
        if (expectedSource != LeafNodeSource.KEY_PACKAGE && member.sameEncryptionKey(leaf)) {
          throw new ProtocolException("RFC 9420 §7.3",
              "encryption_key equals that of the leaf " + other + " it replaces");
        }
        continue;
      }
      if (!member.capabilities().credentials().contains(credentialType)) {
        throw new ProtocolException("RFC 9420 §7.3",
            "credential type " + credentialType + " is not supported by leaf " + other);
      }
      int memberCredentialType = member.credential().credentialType();
      if (!ownCredentials.contains(memberCredentialType)) {
        throw new ProtocolException("RFC 9420 §7.3", "credential type "
            + memberCredentialType + " of leaf " + other + " is not supported");
      }
      if (member.sameEncryptionKey(leaf)) {
        throw new ProtocolException("RFC 9420 §7.3",
            "encryption_key is already used by leaf " + other);
      }
      if (member.sameSignatureKey(leaf)) {
        throw new ProtocolException("RFC 9420 §7.3",
            "signature_key is already used by leaf " + other);
      }
    }
  }
}
