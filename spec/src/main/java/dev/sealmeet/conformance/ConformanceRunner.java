package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonException;
import dev.sealmeet.conformance.json.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs every vector file under the given folders (searched recursively) through the registered
 * {@link VectorFamily families}. A file no family claims is reported as unrecognised, which is a
 * failure of that file; so is a file that cannot be read or is malformed. One bad file never stops
 * the run.
 */
public final class ConformanceRunner {
  private final List<VectorFamily> families;

  /** A runner over the given families; the first family that recognises a file runs it. */
  public ConformanceRunner(List<VectorFamily> families) {
    this.families = List.copyOf(families);
  }

  /** A runner over every family this build has ({@link VectorFamilies#all()}). */
  public static ConformanceRunner withAllFamilies() {
    return new ConformanceRunner(VectorFamilies.all());
  }

  /** Runs every {@code .json} file under each folder, in path order. */
  public Report run(List<Path> folders) {
    List<FileReport> reports = new ArrayList<>();
    for (Path folder : folders) {
      for (Path file : jsonFiles(folder)) {
        reports.add(runFile(folder, file));
      }
    }
    return new Report(reports);
  }

  /** Runs one file; {@code root} only serves to name it relative to the folder given. */
  public FileReport runFile(Path root, Path file) {
    String relative = root.relativize(file).toString().replace('\\', '/');
    JsonNode content;
    try {
      content = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | JsonException e) {
      return new FileReport(relative, "", List.of(), "cannot read: " + e.getMessage());
    }
    for (VectorFamily family : families) {
      boolean recognised;
      try {
        recognised = family.recognises(relative, content);
      } catch (JsonException e) {
        return new FileReport(relative, family.name(), List.of(),
            "malformed for " + family.name() + ": " + e.getMessage());
      }
      if (recognised) {
        try {
          return new FileReport(relative, family.name(), family.run(content), "");
        } catch (JsonException e) {
          return new FileReport(relative, family.name(), List.of(),
              "malformed for " + family.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
          // A family must report each case; an escape is its bug, reported against this file.
          return new FileReport(relative, family.name(), List.of(),
              "runner error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
    }
    return FileReport.unrecognised(relative);
  }

  private static List<Path> jsonFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("not a folder: " + folder);
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
