package dev.sealmeet.conformance;

import dev.sealmeet.vectors.PinnedFile;
import dev.sealmeet.vectors.PinnedSet;
import dev.sealmeet.vectors.VectorsUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The default run of {@code sealmeet conformance} and of the build: every official file that
 * {@code official-vectors.pins} lists, read from the vector root (never other files that happen to
 * sit there), and every file of our own vectors in {@code spec/vectors}, reported in path order.
 */
public final class DefaultVectors {
  private DefaultVectors() {}

  /**
   * Runs the pinned official files under {@code official} and all files under {@code own}.
   *
   * @param official the vector root ({@link dev.sealmeet.vectors.VectorRoot})
   * @param own our own vectors, {@code spec/vectors}
   * @throws VectorsUnavailableException if {@code own} is not a folder
   */
  public static Report run(ConformanceRunner runner, Path official, Path own) {
    if (!Files.isDirectory(own)) {
      throw new VectorsUnavailableException("our own vectors are missing: " + own
          + " is not a folder (it is spec/vectors of the checkout)");
    }
    List<FileReport> files = new ArrayList<>();
    for (PinnedFile pinned : PinnedSet.OFFICIAL_VECTORS.manifest().files()) {
      files.add(runner.runFile(official, official.resolve(pinned.path())));
    }
    files.addAll(runner.run(List.of(own)).files());
    files.sort(Comparator.comparing(FileReport::file));
    return new Report(files);
  }
}
