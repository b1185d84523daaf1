package dev.sealmeet.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of {@link PinnedFile pinned files}, read from a text resource with one file a line:
 * {@code SHA-256  path  URL}; blank lines and lines starting with {@code #} are ignored.
 */
public final class Manifest {
  private final List<PinnedFile> files;

  /** A manifest of the given files; paths must be distinct. */
  public Manifest(List<PinnedFile> files) {
    Set<String> paths = new HashSet<>();
    for (PinnedFile file : files) {
      if (!paths.add(file.path())) {
        throw new IllegalArgumentException("listed twice: " + file.path());
      }
    }
    this.files = List.copyOf(files);
  }

  /**
   * Parses the manifest format.
   *
   * @throws IllegalArgumentException if a line is not {@code SHA-256 path URL}
   */
  public static Manifest parse(String text) {
    List<PinnedFile> files = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split("\\s+");
      if (fields.length != 3) {
        throw new IllegalArgumentException("expected 'SHA-256 path URL', found: " + trimmed);
      }
      files.add(new PinnedFile(fields[1], fields[0], URI.create(fields[2])));
    }
    return new Manifest(files);
  }

  /** Reads a manifest shipped next to this class ({@code dev/sealmeet/vectors/NAME}). */
  static Manifest resource(String name) {
    try (InputStream in = Manifest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("manifest missing from the build: " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every pinned file, in manifest order. */
  public List<PinnedFile> files() {
    return files;
  }

  /** The same pins fetched from a local copy laid out like the folder (a mirror, or a test). */
  public Manifest servedFrom(Path copy) {
    List<PinnedFile> moved = new ArrayList<>();
    for (PinnedFile file : files) {
      moved.add(file.withSource(copy.resolve(file.path()).toUri()));
    }
    return new Manifest(moved);
  }

  /** The pinned files that {@code folder} lacks. */
  List<PinnedFile> missingFrom(Path folder) {
    List<PinnedFile> missing = new ArrayList<>();
    for (PinnedFile file : files) {
      if (!Files.isRegularFile(folder.resolve(file.path()))) {
        missing.add(file);
      }
    }
    return missing;
  }

  /** The pinned files that {@code folder} lacks or holds with another SHA-256. */
  List<PinnedFile> staleIn(Path folder) throws IOException {
    List<PinnedFile> stale = new ArrayList<>();
    for (PinnedFile file : files) {
      Path path = folder.resolve(file.path());
      if (!Files.isRegularFile(path) || !Sha256.of(path).equals(file.sha256())) {
        stale.add(file);
      }
    }
    return stale;
  }

  /**
   * Checks the SHA-256 of every pinned file present in {@code folder}.
   *
   * @throws PinMismatchException for the first file with another hash
   */
  void checkPresent(Path folder) throws IOException {
    for (PinnedFile file : files) {
      Path path = folder.resolve(file.path());
      if (Files.isRegularFile(path)) {
        String actual = Sha256.of(path);
        if (!actual.equals(file.sha256())) {
          throw new PinMismatchException(file.path(), folder.toString(), file.sha256(), actual);
        }
      }
    }
  }
}
