package dev.sealmeet.conformance.mls;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeHashes;
import dev.sealmeet.mls.tree.TreeKem;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import dev.sealmeet.mls.tree.TreeValidator;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code treekem.json} (test-vectors.md "TreeKEM"): private states consistent with the tree (RFC
 * 9420 §4), each UpdatePath parent-hash valid (§7.9.2), decrypted by every other member with the
 * expected path secret and commit secret (§7.5, §7.6), the tree hash after merging (§7.8), and a
 * freshly generated UpdatePath from the same sender that every other member processes to the same
 * commit secret.
 */
public final class TreeKemFamily implements VectorFamily {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SuiteRegistry suites;

  /** Resolves suite ids with RFC 9420's registry ({@link SuiteRegistry#rfc9420()}). */
  public TreeKemFamily() {
    this(SuiteRegistry.rfc9420());
  }

  /** Resolves suite ids with {@code suites} (e.g. {@link SuiteRegistry#draftPq()}). */
  public TreeKemFamily(SuiteRegistry suites) {
    this.suites = java.util.Objects.requireNonNull(suites, "suites");
  }

  @Override
  public String name() {
    return "mls/treekem";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("treekem.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, suites, TreeKemFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    RatchetTree tree = RatchetTree.decode(c.hex("ratchet_tree"));
    TreeHashes hashes = new TreeHashes(suite);
    TreeKem kem = new TreeKem(suite);
    byte[] groupId = c.hex("group_id");
    Map<Long, TreePrivateKeys> privates = new HashMap<>();
    Map<Long, byte[]> signatureKeys = new HashMap<>();
    for (JsonNode lp : c.get("leaves_private").elements()) {
      long index = lp.get("index").asLong();
      TreePrivateKeys keys = TreePrivateKeys.ofLeaf(index, lp.hex("encryption_priv"));
      for (JsonNode ps : lp.get("path_secrets").elements()) {
        keys = keys.withPathSecret(suite, ps.get("node").asInt(),
            Secret.copyOf(ps.hex("path_secret")));
      }
      try {
        keys.requireConsistentWith(suite, tree);
      } catch (SealmeetException e) {
        m.isTrue("leaves_private[" + index + "] consistent (" + e.getMessage() + ")", false);
      }
      privates.put(index, keys);
      signatureKeys.put(index, lp.hex("signature_priv"));
    }
    GroupContext base = new GroupContext(ProtocolVersion.MLS10, suite.id(), groupId,
        c.get("epoch").asBigInteger().longValue(), hashes.rootHash(tree),
        c.hex("confirmed_transcript_hash"), List.of());
    List<JsonNode> paths = c.get("update_paths").elements();
    for (int k = 0; k < paths.size(); k++) {
      checkPath(suite, kem, hashes, tree, base, privates, signatureKeys, paths.get(k),
          "update_paths[" + k + "]", m);
    }
  }

  private static void checkPath(MlsSuite suite, TreeKem kem, TreeHashes hashes, RatchetTree tree,
      GroupContext base, Map<Long, TreePrivateKeys> privates, Map<Long, byte[]> signatureKeys,
      JsonNode u, String at, Mismatches m) throws SealmeetException {
    long sender = u.get("sender").asLong();
    UpdatePath path = TlsReader.decodeExactly(u.hex("update_path"), UpdatePath::decode);
    RatchetTree merged;
    try {
      merged = kem.merge(tree, sender, path);
      new TreeValidator(suite).verifyParentHashes(merged);
    } catch (SealmeetException e) {
      m.isTrue(at + " parent-hash valid (" + e.getMessage() + ")", false);
      return;
    }
    byte[] treeHashAfter = hashes.rootHash(merged);
    m.bytes(at + ".tree_hash_after", u.hex("tree_hash_after"), treeHashAfter);
    GroupContext context = TreeKem.withTreeHash(base, treeHashAfter);
    List<JsonNode> expectedSecrets = u.get("path_secrets").elements();
    for (long j : tree.occupiedLeaves()) {
      String who = at + " leaf " + j;
      if (j == sender) {
        m.isTrue(who + " path_secret null", j < expectedSecrets.size()
            && expectedSecrets.get((int) j).isNull());
        continue;
      }
      TreePrivateKeys keys = privates.get(j);
      if (keys == null || j >= expectedSecrets.size()) {
        m.isTrue(who + " has private state and an expected path secret", false);
        continue;
      }
      TreeKem.Processed processed = kem.decrypt(tree, sender, path, keys, context, List.of());
      m.secret(who + " path_secrets", expectedSecrets.get((int) j).asHex(),
          processed.pathSecret());
      m.secret(who + " commit_secret", u.hex("commit_secret"), processed.commitSecret());
      processed.privateKeys().destroy();
    }
    checkFreshPath(suite, kem, tree, base, privates, signatureKeys.get(sender), sender, at, m);
  }

  private static void checkFreshPath(MlsSuite suite, TreeKem kem, RatchetTree tree,
      GroupContext base, Map<Long, TreePrivateKeys> privates, byte[] signatureKey, long sender,
      String at, Mismatches m) throws SealmeetException {
    String fresh = at + " fresh path";
    if (signatureKey == null) {
      m.isTrue(fresh + ": sender has a signature key", false);
      return;
    }
    TreeKem.Generated generated = kem.generate(tree, sender, tree.leaf(sender).orElseThrow(),
        signatureKey, base, List.of(), RANDOM);
    m.isTrue(fresh + " leaf signature", new TreeValidator(suite).leafSignatureValid(
        generated.path().leafNode(), base.groupId(), sender));
    RatchetTree merged = kem.merge(tree, sender, generated.path());
    m.isTrue(fresh + " merged tree equals sender's tree", merged.equals(generated.tree()));
    byte[] commitSecret = generated.commitSecret().copyBytes();
    for (long j : tree.occupiedLeaves()) {
      if (j == sender || !privates.containsKey(j)) {
        continue;
      }
      TreeKem.Processed processed =
          kem.decrypt(tree, sender, generated.path(), privates.get(j), generated.groupContext(),
              List.of());
      m.secret(fresh + " leaf " + j + " commit secret", commitSecret, processed.commitSecret());
      processed.pathSecret().destroy();
      processed.privateKeys().destroy();
    }
    java.util.Arrays.fill(commitSecret, (byte) 0);
    generated.commitSecret().destroy();
    generated.privateKeys().destroy();
  }
}
