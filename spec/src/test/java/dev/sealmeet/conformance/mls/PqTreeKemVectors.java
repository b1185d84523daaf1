package dev.sealmeet.conformance.mls;

import static dev.sealmeet.conformance.mls.PqScheduleVectors.map;
import static dev.sealmeet.conformance.mls.PqVectorGenerator.hex;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeHashes;
import dev.sealmeet.mls.tree.TreeKem;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code treekem.json} (test-vectors.md "TreeKEM") for one suite: a {@value #LEAVES}-
 * member tree whose parent nodes are blank (every member added by one path-less commit), each
 * member's leaf private keys (no path secrets: there are no parent keys yet), and an UpdatePath
 * (RFC 9420 §7.5-§7.6) from each of {@link #SENDERS}, with the path secret each other member
 * decrypts, the commit secret and the tree hash after merging.
 */
final class PqTreeKemVectors {
  private static final int LEAVES = 4;
  private static final long[] SENDERS = {0, 3};

  private PqTreeKemVectors() {}

  static Map<String, Object> treeKem(MlsSuite suite, SeededRandom r) throws SealmeetException {
    byte[][] encryption = new byte[LEAVES][];
    byte[][] signature = new byte[LEAVES][];
    RatchetTree tree = null;
    for (int i = 0; i < LEAVES; i++) {
      RawKeyPair leaf = suite.primitives().hpkeGenerateKeyPair();
      RawKeyPair signing = suite.primitives().signatureGenerateKeyPair();
      encryption[i] = leaf.privateKey();
      signature[i] = signing.privateKey();
      var member = PqFramingVectors.keyPackage(suite, "member " + i,
          suite.primitives().hpkeGenerateKeyPair().publicKey(), leaf, signing).leafNode();
      tree = tree == null ? RatchetTree.ofCreator(member) : tree.withAdd(member).tree();
    }
    byte[] groupId = r.bytes(16);
    long epoch = r.nextInt() & 0x7fff_ffffL;
    byte[] confirmedTranscriptHash = r.bytes(suite.hashLength());
    TreeHashes hashes = new TreeHashes(suite);
    GroupContext base = new GroupContext(ProtocolVersion.MLS10, suite.id(), groupId, epoch,
        hashes.rootHash(tree), confirmedTranscriptHash, List.of());

    List<Object> leavesPrivate = new ArrayList<>();
    for (int i = 0; i < LEAVES; i++) {
      leavesPrivate.add(map("index", (long) i, "encryption_priv", hex(encryption[i]),
          "signature_priv", hex(signature[i]), "path_secrets", List.of()));
    }
    TreeKem kem = new TreeKem(suite);
    List<Object> updatePaths = new ArrayList<>();
    for (long sender : SENDERS) {
      TreeKem.Generated generated = kem.generate(tree, sender, tree.leaf(sender).orElseThrow(),
          signature[(int) sender], base, List.of(), r);
      byte[] treeHashAfter = hashes.rootHash(generated.tree());
      GroupContext context = TreeKem.withTreeHash(base, treeHashAfter);
      List<Object> pathSecrets = new ArrayList<>();
      for (int j = 0; j < LEAVES; j++) {
        if (j == sender) {
          pathSecrets.add(null);
          continue;
        }
        TreeKem.Processed processed = kem.decrypt(tree, sender, generated.path(),
            TreePrivateKeys.ofLeaf(j, encryption[j]), context, List.of());
        pathSecrets.add(hex(processed.pathSecret()));
        processed.privateKeys().destroy();
      }
      updatePaths.add(map("sender", sender, "update_path", hex(generated.path().toBytes()),
          "path_secrets", pathSecrets, "commit_secret", hex(generated.commitSecret()),
          "tree_hash_after", hex(treeHashAfter)));
      generated.destroySecrets();
    }
    return map("cipher_suite", suite.id(), "group_id", hex(groupId), "epoch", epoch,
        "confirmed_transcript_hash", hex(confirmedTranscriptHash),
        "ratchet_tree", hex(tree.encode()), "leaves_private", leavesPrivate,
        "update_paths", updatePaths);
  }
}
