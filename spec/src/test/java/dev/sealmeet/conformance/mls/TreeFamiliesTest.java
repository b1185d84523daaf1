package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree families on the first official case of each file, unchanged and with one expected value
 * altered: the family must name the field that differs. (BundledVectorsTest runs every case.)
 */
class TreeFamiliesTest {

  /** The first case of an official vector file, as a one-element JSON array. */
  private static String firstCase(String file) throws IOException {
    String text = Files.readString(VectorRoot.official().resolve("mls").resolve(file));
    int start = text.indexOf('{');
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '{') {
        depth++;
      } else if (ch == '}' && --depth == 0) {
        return "[" + text.substring(start, i + 1) + "]";
      }
    }
    throw new IllegalStateException("unbalanced " + file);
  }

  /** {@code json} with the first hex value of {@code field} changed in its first digit. */
  private static String alter(String json, String field) {
    int at = json.indexOf("\"" + field + "\"");
    int quote = json.indexOf('"', json.indexOf(':', at) + 1);
    char digit = json.charAt(quote + 1);
    char other = digit == '0' ? '1' : '0';
    return json.substring(0, quote + 1) + other + json.substring(quote + 2);
  }

  private static CaseResult runOne(VectorFamily family, String json) {
    List<CaseResult> results = family.run(Json.parse(json));
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  @Test
  void treeMath_bundledVectors_allPass() throws IOException {
    List<CaseResult> results = new TreeMathFamily().run(
        Json.parse(Files.readString(VectorRoot.official().resolve("mls/tree-math.json"))));
    assertThat(results).hasSize(10).allSatisfy(r -> assertThat(r.outcome())
        .as(r.name() + " " + r.detail()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void treeMath_wrongRoot_isFailedNamingTheField() {
    CaseResult r = runOne(new TreeMathFamily(),
        "[{\"n_leaves\": 2, \"n_nodes\": 3, \"root\": 0, \"left\": [null, 0, null],"
            + " \"right\": [null, 2, null], \"parent\": [1, null, 1], \"sibling\": [2, null, 0]}]");
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.detail()).isEqualTo("mismatch in root");
  }

  @Test
  void treeValidation_firstCase_passesAndWrongTreeHashFails() throws IOException {
    String json = firstCase("tree-validation.json");
    assertThat(runOne(new TreeValidationFamily(), json).outcome()).isEqualTo(Outcome.PASSED);
    CaseResult r = runOne(new TreeValidationFamily(), alter(json, "tree_hashes"));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.detail()).contains("tree_hashes[0]");
  }

  @Test
  void treeOperations_firstCase_passesAndWrongTreeAfterFails() throws IOException {
    String json = firstCase("tree-operations.json");
    assertThat(runOne(new TreeOperationsFamily(), json).outcome()).isEqualTo(Outcome.PASSED);
    CaseResult r = runOne(new TreeOperationsFamily(), alter(json, "tree_hash_after"));
    assertThat(r.detail()).isEqualTo("mismatch in tree_hash_after");
    assertThat(runOne(new TreeOperationsFamily(), alter(json, "tree_after")).outcome())
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void treeKem_firstCase_passesAndEachAlteredSecretFails() throws IOException {
    String json = firstCase("treekem.json");
    assertThat(runOne(new TreeKemFamily(), json).outcome()).isEqualTo(Outcome.PASSED);
    CaseResult commit = runOne(new TreeKemFamily(), alter(json, "commit_secret"));
    assertThat(commit.detail()).contains("update_paths[0] leaf 1 commit_secret");
    CaseResult treeHash = runOne(new TreeKemFamily(), alter(json, "tree_hash_after"));
    assertThat(treeHash.detail()).contains("update_paths[0].tree_hash_after");
    String secret = json.replaceFirst("\"path_secrets\"\\s*:\\s*\\[\\s*null,\\s*\"([0-9a-f])",
        "\"path_secrets\": [null, \"f");
    assertThat(secret).isNotEqualTo(json);
    assertThat(runOne(new TreeKemFamily(), secret).detail())
        .contains("update_paths[0] leaf 1 path_secrets");
  }

  @Test
  void treeKem_wrongPathSecretOfPrivateState_isInconsistent() throws IOException {
    String json = firstCase("treekem.json");
    CaseResult r = runOne(new TreeKemFamily(), alter(json, "path_secret"));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.detail()).contains("leaves_private[0] consistent");
  }
}
