package dev.sealmeet.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose lived-in fixtures ({@link RealisticGroupFixture}) are built in a temporary
 * directory of its own, not in the user's benchmark cache, which is restored afterwards.
 */
abstract class OwnFixtureCache {
  @TempDir
  static Path fixtures;
  private static String before;

  @BeforeAll
  static void ownCache() {
    before = System.getProperty("sealmeet.bench.fixtures");
    System.setProperty("sealmeet.bench.fixtures", fixtures.toString());
  }

  @AfterAll
  static void restoreCache() {
    if (before == null) {
      System.clearProperty("sealmeet.bench.fixtures");
    } else {
      System.setProperty("sealmeet.bench.fixtures", before);
    }
  }
}
