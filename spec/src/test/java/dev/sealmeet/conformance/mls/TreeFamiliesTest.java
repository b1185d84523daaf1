package dev.sealmeet.conformance.mls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.Outcome;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree families on the bundled official vectors: every case of every suite passes. */
class TreeFamiliesTest {
  private static List<CaseResult> run(VectorFamily family, String file) throws IOException {
    Path path = Path.of("vectors", "mls", file);
    assertThat(family.recognises("mls/" + file, null)).isTrue();
    List<CaseResult> results = family.run(Json.parse(Files.readString(path)));
    System.out.printf("%s: %d passed, %d failed, %d skipped%n", file,
        results.stream().filter(r -> r.outcome() == Outcome.PASSED).count(),
        results.stream().filter(r -> r.outcome() == Outcome.FAILED).count(),
        results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).count());
    return results;
  }

  @Test
  void treeMath_bundledVectors_allPass() throws IOException {
    List<CaseResult> results = run(new TreeMathFamily(), "tree-math.json");
    assertThat(results).hasSize(10);
    assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.name() + " " + r.detail())
        .isEqualTo(Outcome.PASSED));
  }

  @Test
  void treeValidation_bundledVectors_allPass() throws IOException {
    List<CaseResult> results = run(new TreeValidationFamily(), "tree-validation.json");
    assertThat(results).hasSize(98);
    assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.name() + " " + r.detail())
        .isEqualTo(Outcome.PASSED));
  }

  @Test
  void treeOperations_bundledVectors_allPass() throws IOException {
    List<CaseResult> results = run(new TreeOperationsFamily(), "tree-operations.json");
    assertThat(results).hasSize(5);
    assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.name() + " " + r.detail())
        .isEqualTo(Outcome.PASSED));
  }

  @Test
  void treeKem_bundledVectors_allPass() throws IOException {
    List<CaseResult> results = run(new TreeKemFamily(), "treekem.json");
    assertThat(results).hasSize(77);
    assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.name() + " " + r.detail())
        .isEqualTo(Outcome.PASSED));
  }

  @Test
  void treeMath_wrongRoot_isFailedNamingTheField() {
    List<CaseResult> results = new TreeMathFamily().run(Json.parse(
        "[{\"n_leaves\": 2, \"n_nodes\": 3, \"root\": 0, \"left\": [null, 0, null],"
            + " \"right\": [null, 2, null], \"parent\": [1, null, 1], \"sibling\": [2, null, 0]}]"));
    assertThat(results.get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(results.get(0).detail()).isEqualTo("mismatch in root");
  }
}
