package dev.sealmeet.cli;

import dev.sealmeet.store.EmbeddedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The demo's temporary state directory and its key directory, deleted after the run. */
final class DemoStateDirectory {
  private DemoStateDirectory() {}

  /** Deletes {@code stateDir} and its key directory; one left behind holds only sealed files. */
  static void delete(Path stateDir) {
    if (stateDir == null) {
      return;
    }
    for (Path dir : List.of(stateDir, EmbeddedStore.defaultKeyDirectory(stateDir))) {
      if (!Files.exists(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind
      }
    }
  }
}
