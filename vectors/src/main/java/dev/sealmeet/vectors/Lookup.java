package dev.sealmeet.vectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything {@link VectorRoot} consults: system properties, environment, working directory, the
 * download cache and the network. {@link #system()} is the real one; tests build their own.
 *
 * @param properties system property by name, or null
 * @param environment environment variable by name, or null
 * @param workingDirectory where the search for the checkout starts
 * @param cacheRoot the download cache, holding one folder per {@link PinnedSet}
 * @param download how pinned URLs are fetched
 */
public record Lookup(UnaryOperator<String> properties, UnaryOperator<String> environment,
    Path workingDirectory, Path cacheRoot, Download download) {

  /** System property naming the checkout; the {@code sealmeet} launcher sets it. */
  public static final String HOME_PROPERTY = "sealmeet.home";
  /** System property naming the download cache; default {@code ~/.cache/sealmeet}. */
  public static final String CACHE_PROPERTY = "sealmeet.cache";

  /** Requires every part. */
  public Lookup {
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(cacheRoot, "cacheRoot");
    Objects.requireNonNull(download, "download");
  }

  /** This JVM's properties and environment, its working directory, and the real network. */
  public static Lookup system() {
    String cache = System.getProperty(CACHE_PROPERTY);
    Path cacheRoot = cache != null && !cache.isBlank()
        ? Path.of(cache)
        : Path.of(System.getProperty("user.home"), ".cache", "sealmeet");
    return new Lookup(System::getProperty, System::getenv, Path.of("").toAbsolutePath(),
        cacheRoot, Download.URL_CONNECTION);
  }

  /** A non-blank setting: the property if set, else the environment variable. */
  Optional<String> setting(String property, String variable) {
    String value = properties.apply(property);
    if (value == null || value.isBlank()) {
      value = environment.apply(variable);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /**
   * The root of the Sealmeet checkout: {@value #HOME_PROPERTY} if set, else the nearest folder at
   * or above the working directory that holds the {@code sealmeet} launcher and a {@code pom.xml}.
   */
  public Optional<Path> repositoryRoot() {
    String home = properties.apply(HOME_PROPERTY);
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home).toAbsolutePath().normalize());
    }
    for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null;
        dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("sealmeet"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}
