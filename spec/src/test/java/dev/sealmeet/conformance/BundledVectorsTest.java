package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every bundled vector file through the same runner as {@code sealmeet conformance}: one dynamic
 * test per case, skipped cases aborted with their reason, so {@code mvn verify} fails on any failure.
 */
class BundledVectorsTest {
  static final Path VECTORS = Path.of("vectors");

  @TestFactory
  Stream<DynamicNode> everyBundledCase() {
    Report report = ConformanceRunner.withAllFamilies().run(List.of(VECTORS));
    List<DynamicNode> nodes = new ArrayList<>();
    for (FileReport file : report.files()) {
      if (file.unrecognised()) {
        continue; // asserted separately below
      }
      List<DynamicNode> cases = new ArrayList<>();
      if (!file.error().isEmpty()) {
        cases.add(DynamicTest.dynamicTest("file", () -> {
          throw new AssertionError(file.error());
        }));
      }
      for (CaseResult c : file.cases()) {
        cases.add(DynamicTest.dynamicTest(c.name(), () -> {
          Assumptions.assumeTrue(c.outcome() != Outcome.SKIPPED, c.detail());
          assertThat(c.outcome()).as(c.detail()).isEqualTo(Outcome.PASSED);
        }));
      }
      nodes.add(DynamicContainer.dynamicContainer(file.file(), cases));
    }
    return nodes.stream();
  }

  @Test
  void everyBundledFile_isRecognised() {
    Report report = ConformanceRunner.withAllFamilies().run(List.of(VECTORS));
    assertThat(report.files()).filteredOn(FileReport::unrecognised).isEmpty();
  }
}
