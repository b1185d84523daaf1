package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.vectors.PinnedSet;
import dev.sealmeet.vectors.VectorRoot;
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
 * Runs what {@code sealmeet conformance} runs by default ({@link DefaultVectors}: the pinned official
 * vectors from the vector root, and our own in {@code spec/vectors}): one dynamic test per case,
 * skipped cases aborted with their reason, so {@code mvn verify} fails on any failure. Where no
 * vector root can be found or fetched, every test here fails with the locator's message.
 */
class BundledVectorsTest {
  /** Our own vectors, kept in the repository ({@code spec/vectors}; tests run in {@code spec}). */
  static final Path OWN = Path.of("vectors");

  private static Report defaultRun() {
    return DefaultVectors.run(ConformanceRunner.withAllFamilies(), VectorRoot.official(), OWN);
  }

  @TestFactory
  Stream<DynamicNode> everyBundledCase() {
    Report report = defaultRun();
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
    Report report = defaultRun();
    assertThat(report.files()).filteredOn(FileReport::unrecognised).isEmpty();
  }

  @Test
  void defaultRun_isEveryPinnedOfficialFileAndOurOwn() {
    List<String> expected = new ArrayList<>();
    PinnedSet.OFFICIAL_VECTORS.manifest().files().forEach(f -> expected.add(f.path()));
    expected.add("meeting/meeting-keys.json");
    expected.add("codec/codec-frames.json");
    for (String file : List.of("crypto-basics", "key-schedule", "message-protection",
        "passive-client-handling-commit", "passive-client-random", "passive-client-welcome",
        "secret-tree", "tree-operations", "treekem", "welcome")) {
      expected.add("mls-pq/" + file + ".json");
    }
    expected.addAll(List.of("meeting-more/ctr-suites.json", "meeting-more/rejected-frames.json",
        "meeting-more/roles-extension.json", "meeting-more/transition.json"));
    assertThat(defaultRun().files()).extracting(FileReport::file)
        .containsExactlyInAnyOrderElementsOf(expected)
        .isSorted();
  }
}
