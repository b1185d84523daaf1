package dev.sealmeet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sealmeet.interop.ScenarioRunner.Outcome;
import dev.sealmeet.interop.ScenarioRunner.Result;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Plays every scenario of every file of the MLS working group's interop scripts against two
 * interop-client servers on loopback, for every cipher suite both serve, with handshakes as
 * PublicMessage and as PrivateMessage. Actors alternate between the two servers, so every group
 * spans both.
 *
 * <p>{@code deep_random.json} (1,670 steps) runs for suite 1 only, unless the system property
 * {@code sealmeet.interop.allSuites} is {@code true}. A script that reaches an RPC the server
 * answers UNIMPLEMENTED is aborted with that reason and counted as unimplemented, never as passed.
 * Counts per file, suite and flag are printed at the end.
 *
 * <p>The scripts are not in the repository: {@link VectorRoot#interopConfigs()} finds them
 * ({@code -Dsealmeet.interop.configs}, {@code $SEALMEET_INTEROP_CONFIGS}, {@code
 * ../shared/interop/configs} beside the checkout, or the download cache) and the folder used is
 * printed; found nowhere, every test here fails with the places looked at.
 */
class InteropScenarioTest {
  /** The file run for one suite only unless {@link #ALL_SUITES} is set. */
  static final String LONG_FILE = "deep_random.json";
  /** System property: run {@link #LONG_FILE} for every suite. */
  static final String ALL_SUITES = "sealmeet.interop.allSuites";

  private static InteropHarness harness;
  private static final Map<String, int[]> COUNTS = new TreeMap<>();
  private static long started;

  @BeforeAll
  static void startServers() throws IOException {
    harness = InteropHarness.start(2);
    started = System.nanoTime();
  }

  @AfterAll
  static void report() throws InterruptedException {
    harness.close();
    System.out.printf("interop scenarios from %s (%.1f s):%n", VectorRoot.interopConfigs(),
        (System.nanoTime() - started) / 1e9);
    System.out.println("  file / suite / encrypt_handshake: passed, failed, unimplemented");
    COUNTS.forEach((key, c) -> System.out.printf("  %s: %d passed, %d failed, %d unimplemented%n",
        key, c[0], c[1], c[2]));
  }

  @TestFactory
  Stream<DynamicNode> everyScenario() throws IOException {
    Path folder = VectorRoot.interopConfigs();
    System.out.println("interop scenario scripts from " + folder);
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("scenario files in %s", folder).hasSize(8);
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), forFile(file)));
    }
    return nodes.stream();
  }

  private static Stream<DynamicNode> forFile(Path file) throws IOException {
    String name = file.getFileName().toString();
    JsonObject scripts = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
        .getAsJsonObject().getAsJsonObject("scripts");
    List<Integer> suites = harness.commonSuites();
    if (name.equals(LONG_FILE) && !Boolean.getBoolean(ALL_SUITES)) {
      suites = List.of(1);
    }
    List<DynamicNode> tests = new ArrayList<>();
    for (Map.Entry<String, JsonElement> script : scripts.entrySet()) {
      List<ScenarioStep> steps = new ArrayList<>();
      for (JsonElement step : script.getValue().getAsJsonArray()) {
        steps.add(new ScenarioStep(steps.size(), step.getAsJsonObject()));
      }
      for (int suite : suites) {
        for (boolean encrypt : new boolean[] {false, true}) {
          String label = script.getKey() + " / suite " + suite + " / encrypt " + encrypt;
          tests.add(DynamicTest.dynamicTest(label,
              () -> play(name, steps, suite, encrypt)));
        }
      }
    }
    return tests.stream();
  }

  private static void play(String file, List<ScenarioStep> steps, int suite, boolean encrypt) {
    Result result = ScenarioRunner.run(steps, harness.clients(), suite, encrypt);
    int[] counts = COUNTS.computeIfAbsent(
        file + " / suite " + suite + " / " + encrypt, k -> new int[3]);
    synchronized (counts) {
      counts[result.outcome().ordinal()]++;
    }
    Assumptions.assumeTrue(result.outcome() != Outcome.UNIMPLEMENTED,
        () -> "unimplemented at step " + result.failedStep() + ": " + result.message());
    assertThat(result.outcome())
        .as("step %d: %s", result.failedStep(), result.message())
        .isEqualTo(Outcome.PASSED);
    assertThat(result.stateAuthChecks()).isPositive();
  }
}
