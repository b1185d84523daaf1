package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.mls.tree.TreeMath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@code tree-math.json} (test-vectors.md "Tree Math"): node count, root, and every entry of the
 * left, right, parent and sibling arrays (RFC 9420 Appendix C).
 */
public final class TreeMathFamily implements VectorFamily {
  @Override
  public String name() {
    return "mls/tree-math";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("tree-math.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      String name = "case " + i;
      try {
        JsonNode c = cases.get(i);
        long leaves = c.get("n_leaves").asLong();
        name = "n_leaves " + leaves + " / case " + i;
        Mismatches m = new Mismatches();
        check(c, (int) leaves, m);
        results.add(m.isEmpty() ? CaseResult.passed(name) : CaseResult.failed(name, m.summary()));
      } catch (RuntimeException e) {
        results.add(CaseResult.failed(name, e));
      }
    }
    return results;
  }

  private static void check(JsonNode c, int leaves, Mismatches m) {
    int width = TreeMath.nodeWidth(leaves);
    m.isTrue("n_nodes", c.get("n_nodes").asLong() == width);
    m.isTrue("root", c.get("root").asLong() == TreeMath.root(leaves));
    int root = TreeMath.root(leaves);
    compareArray(m, c, "left", width, x -> TreeMath.isLeaf(x) ? null : TreeMath.left(x));
    compareArray(m, c, "right", width, x -> TreeMath.isLeaf(x) ? null : TreeMath.right(x));
    compareArray(m, c, "parent", width, x -> x == root ? null : TreeMath.parent(x, leaves));
    compareArray(m, c, "sibling", width, x -> x == root ? null : TreeMath.sibling(x, leaves));
  }

  private static void compareArray(
      Mismatches m, JsonNode c, String field, int width, IntFunction<Integer> actual) {
    List<JsonNode> expected = c.get(field).elements();
    m.isTrue(field + " length", expected.size() == width);
    for (int x = 0; x < expected.size() && x < width; x++) {
      JsonNode e = expected.get(x);
      Integer a = actual.apply(x);
      boolean same = e.isNull() ? a == null : a != null && e.asLong() == a;
      m.isTrue(field + "[" + x + "]", same);
    }
  }
}
