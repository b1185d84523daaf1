package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeHashes;
import dev.sealmeet.mls.tree.TreeValidator;
import java.util.List;

/**
 * {@code tree-validation.json} (test-vectors.md "Tree Validation"): the resolution (RFC 9420
 * §4.1.1) and tree hash (§7.8) of every node, parent-hash validity (§7.9.2), every leaf signature
 * (§7.3), and the remaining joiner checks of §12.4.3.1.
 */
public final class TreeValidationFamily implements VectorFamily {
  @Override
  public String name() {
    return "mls/tree-validation";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("tree-validation.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, TreeValidationFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    RatchetTree tree = RatchetTree.decode(c.hex("tree"));
    byte[] groupId = c.hex("group_id");
    List<JsonNode> resolutions = c.get("resolutions").elements();
    List<JsonNode> treeHashes = c.get("tree_hashes").elements();
    m.isTrue("resolutions length", resolutions.size() == tree.nodeWidth());
    m.isTrue("tree_hashes length", treeHashes.size() == tree.nodeWidth());
    byte[][] actualHashes = new TreeHashes(suite).all(tree);
    for (int i = 0; i < tree.nodeWidth(); i++) {
      if (i < resolutions.size()) {
        List<JsonNode> expected = resolutions.get(i).elements();
        List<Integer> actual = tree.resolution(i);
        boolean same = expected.size() == actual.size();
        for (int k = 0; same && k < expected.size(); k++) {
          same = expected.get(k).asLong() == actual.get(k);
        }
        m.isTrue("resolutions[" + i + "]", same);
      }
      if (i < treeHashes.size()) {
        m.bytes("tree_hashes[" + i + "]", treeHashes.get(i).asHex(), actualHashes[i]);
      }
    }
    TreeValidator validator = new TreeValidator(suite);
    for (long leaf : tree.occupiedLeaves()) {
      m.isTrue("signature of leaf " + leaf, validator.leafSignatureValid(
          tree.leaf(leaf).orElseThrow(), groupId, leaf));
    }
    try {
      validator.verifyParentHashes(tree);
    } catch (ProtocolException e) {
      m.isTrue("parent hashes (" + e.getMessage() + ")", false);
    }
    try {
      validator.validate(tree, groupId, actualHashes[tree.root()]);
    } catch (ProtocolException e) {
      m.isTrue("joiner validation (" + e.getMessage() + ")", false);
    }
  }
}
