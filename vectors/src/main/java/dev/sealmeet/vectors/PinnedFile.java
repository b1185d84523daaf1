package dev.sealmeet.vectors;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a {@link Manifest}: a file's path under its folder, its SHA-256 and the public URL it
 * is fetched from.
 *
 * @param path relative path with {@code /} separators, never leaving the folder
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param source where the exact bytes can be fetched (an {@code https:} URL at a fixed commit, or a
 *     {@code file:} URL for a local mirror)
 */
public record PinnedFile(String path, String sha256, URI source) {
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  /** Checks that the path stays inside its folder and the hash is a SHA-256 in hex. */
  public PinnedFile {
    Objects.requireNonNull(source, "source");
    if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
      throw new IllegalArgumentException("not a relative path inside the folder: " + path);
    }
    if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256 for " + path);
    }
  }

  /** The same pin, fetched from another place. */
  public PinnedFile withSource(URI newSource) {
    return new PinnedFile(path, sha256, newSource);
  }
}
