package dev.sealmeet.mls.group;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.framing.EpochProtection;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import java.util.Arrays;

/**
 * A <b>simulation aid for benchmarks and tests, never for production</b>: gives another member of
 * a group its state for the current epoch without that member having processed anything, by
 * seating it at its leaf in a copy of a viewpoint member's epoch.
 *
 * <p>Every member of an epoch holds the same GroupContext, public tree, interim transcript hash,
 * confirmation tag and epoch secrets (RFC 9420 §8, §9); what differs is the own leaf, its private
 * keys and the keys of the leaf's direct path (§4.1, §7.4). A seated member gets the shared values
 * (the secrets and the secret tree as copies, the immutable tree shared), its own leaf and that
 * leaf's HPKE private key, and <em>no path private keys</em>: enough to create a commit with a
 * fresh path (§12.4.1, which needs only the public tree and the epoch secrets) or to protect
 * messages, not to decrypt an UpdatePath that encrypts to a parent node it should hold.
 *
 * <p>This is how a benchmark fixture makes thousands of members commit once without O(N²) commit
 * processings: only the viewpoint processes the commits, fully validated, exactly as a real member
 * would. Nothing outside this package can reach it (the benchmark module reaches it through a
 * class of the same package on the class path).
 */
final class SeatedMember {
  private SeatedMember() {}

  /**
   * The member at {@code leaf} of {@code viewpoint}'s current epoch, as a group of its own.
   *
   * @param viewpoint an active member whose state is current; left untouched
   * @param leaf the seated member's leaf; its leaf node must still be the one of {@code own}'s
   *     KeyPackage (the member has not updated its leaf since it was added)
   * @param own the seated member's KeyPackage with its private keys (the leaf's HPKE private key
   *     comes from it)
   * @param identity the seated member's signing identity (signed {@code own})
   * @param config the seated member's group configuration
   * @throws IllegalArgumentException if the leaf is not {@code own}'s KeyPackage leaf, or is the
   *     viewpoint's own leaf
   * @throws IllegalStateException if the viewpoint's group was closed or lacks its epoch secrets
   */
  static MlsGroup seat(MlsGroup viewpoint, long leaf, KeyPackageBundle own,
      SigningIdentity identity, GroupConfig config) {
    EpochState shared = viewpoint.currentEpoch();
    if (viewpoint.status() != MlsGroup.Status.ACTIVE) {
      throw new IllegalStateException("the viewpoint's group is " + viewpoint.status());
    }
    if (leaf == shared.ownLeaf) {
      throw new IllegalArgumentException("leaf " + leaf + " is the viewpoint's own leaf");
    }
    LeafNode expected = own.keyPackage().leafNode();
    LeafNode actual = leaf < shared.tree.leafCount() ? shared.tree.leaf(leaf).orElse(null) : null;
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException("leaf " + leaf + " does not hold this KeyPackage's leaf");
    }
    if (!identity.hasKey(expected.signatureKey())) {
      throw new IllegalArgumentException("the identity did not sign this KeyPackage");
    }
    byte[] leafKey = own.encryptionPrivateKeyCopy();
    TreePrivateKeys keys = TreePrivateKeys.ofLeaf(leaf, leafKey);
    Arrays.fill(leafKey, (byte) 0);
    EpochSecrets secrets = null;
    EpochProtection protection = null;
    try {
      TlsWriter writer = new TlsWriter();
      shared.secrets.writeState(writer);
      shared.protection.writeState(writer);
      byte[] copied = writer.toByteArray();
      TlsReader reader = TlsReader.of(copied);
      secrets = EpochSecrets.readState(shared.suite, reader);
      protection = EpochProtection.readState(shared.suite, shared.context,
          config.ratchetWindow(), config.random(), reader);
      reader.finish();
      Arrays.fill(copied, (byte) 0);
    } catch (DecodeException e) {
      keys.destroy();
      if (secrets != null) {
        secrets.destroy();
      }
      throw new IllegalStateException("copying the epoch's own state failed", e);
    }
    EpochState state = new EpochState(shared.suite, shared.context, shared.tree,
        shared.interimTranscriptHash, shared.confirmationTag, leaf, keys, secrets, protection);
    return new MlsGroup(shared.suite, identity, config, new PskStore(), state);
  }
}
