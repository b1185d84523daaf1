package dev.sealmeet.vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a {@link PinnedSet} is read from: the single answer every test and the CLI use (order and
 * rules in the {@link dev.sealmeet.vectors package} documentation). The repository keeps none of
 * these files; it keeps only their {@link Manifest manifests}.
 */
public final class VectorRoot {
  private static final Map<PinnedSet, Path> FOUND = new ConcurrentHashMap<>();

  private VectorRoot() {}

  /**
   * The folder of official vectors for this JVM, looked up once.
   *
   * @throws VectorsUnavailableException if none can be found or fetched
   */
  public static Path official() {
    return FOUND.computeIfAbsent(PinnedSet.OFFICIAL_VECTORS, s -> locate(s, Lookup.system()));
  }

  /**
   * The folder of MLS interop scenario scripts for this JVM, looked up once.
   *
   * @throws VectorsUnavailableException if none can be found or fetched
   */
  public static Path interopConfigs() {
    return FOUND.computeIfAbsent(PinnedSet.INTEROP_CONFIGS, s -> locate(s, Lookup.system()));
  }

  /**
   * The vectors Sealmeet generates itself, kept in the repository: {@code spec/vectors}.
   *
   * @throws VectorsUnavailableException if no checkout is found
   */
  public static Path own(Lookup lookup) {
    return lookup.repositoryRoot()
        .map(root -> root.resolve("spec").resolve("vectors"))
        .orElseThrow(() -> new VectorsUnavailableException("no Sealmeet checkout at or above "
            + lookup.workingDirectory() + "; run from inside it or set -D" + Lookup.HOME_PROPERTY));
  }

  /**
   * Finds {@code set}: an explicitly named folder, else the shared folder beside the checkout, else
   * the download cache, fetching what it lacks.
   *
   * @throws PinMismatchException if a file found or fetched has another SHA-256 than pinned
   * @throws VectorsUnavailableException if nothing is found and fetching fails
   */
  public static Path locate(PinnedSet set, Lookup lookup) {
    List<String> looked = new ArrayList<>();
    Optional<String> named = lookup.setting(set.property(), set.variable());
    if (named.isPresent()) {
      return complete(set, Path.of(named.get()).toAbsolutePath(),
          "the folder named by -D" + set.property() + " or " + set.variable());
    }
    looked.add("-D" + set.property() + " and $" + set.variable() + ": not set");
    Optional<Path> checkout = lookup.repositoryRoot();
    Path shared = checkout.map(root -> sharedBeside(root, set)).orElse(null);
    if (shared != null && Files.isDirectory(shared)) {
      return complete(set, shared, "the shared folder beside the checkout");
    }
    looked.add(shared == null
        ? "the shared folder beside the checkout: no checkout at or above "
            + lookup.workingDirectory()
        : shared + " (the shared folder beside the checkout): no such folder");
    Path cache = lookup.cacheRoot().resolve(set.cacheFolder()).toAbsolutePath();
    try {
      List<PinnedFile> stale = set.manifest().staleIn(cache);
      if (stale.isEmpty()) {
        return cache;
      }
      looked.add(cache + " (download cache): " + stale.size() + " of "
          + set.manifest().files().size() + " files missing or out of date");
      new Fetcher(lookup.download()).fetch(stale, cache);
      return cache;
    } catch (IOException e) {
      looked.add("fetching the pinned files: " + e.getClass().getSimpleName() + ": "
          + e.getMessage());
    }
    throw new VectorsUnavailableException(notFound(set, looked, shared, cache));
  }

  private static Path sharedBeside(Path checkout, PinnedSet set) {
    Path parent = checkout.getParent() == null ? checkout : checkout.getParent();
    return parent.resolve("shared").resolve(set.sharedFolder()).normalize();
  }

  /** {@code folder} if it holds every pinned file with its pinned hash, else an error. */
  private static Path complete(PinnedSet set, Path folder, String role) {
    List<PinnedFile> missing = set.manifest().missingFrom(folder);
    if (!missing.isEmpty()) {
      throw new VectorsUnavailableException(set.what() + ": " + folder + " (" + role + ") lacks "
          + missing.size() + " of " + set.manifest().files().size() + " pinned files, first "
          + missing.get(0).path() + "; point it at a complete copy or unset it");
    }
    try {
      set.manifest().checkPresent(folder);
    } catch (IOException e) {
      throw new VectorsUnavailableException(set.what() + ": cannot read " + folder + " (" + role
          + "): " + e.getMessage());
    }
    return folder;
  }

  private static String notFound(PinnedSet set, List<String> looked, Path shared, Path cache) {
    StringBuilder message = new StringBuilder(set.what()).append(" not found. Looked at:");
    for (String place : looked) {
      message.append("\n  - ").append(place);
    }
    message.append("\nTo fix, do one of: put the shared folder beside the checkout");
    if (shared != null) {
      message.append(" (so that ").append(shared).append(" exists)");
    }
    message.append("; set -D").append(set.property()).append(" or $").append(set.variable())
        .append(" to a folder holding the pinned files; or run once with network access, which")
        .append(" fetches them into ").append(cache)
        .append(". The pinned files and their URLs are listed in ")
        .append("vectors/src/main/resources/dev/sealmeet/vectors/").append(set.manifestName())
        .append('.');
    return message.toString();
  }
}
