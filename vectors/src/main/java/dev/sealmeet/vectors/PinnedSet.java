package dev.sealmeet.vectors;

import java.util.Objects;

/**
 * A folder of pinned third-party files and the names under which a user points at it.
 *
 * @param what what the files are, for messages
 * @param property the system property that names the folder
 * @param variable the environment variable that names the folder
 * @param sharedFolder the folder's path inside the {@code shared} folder beside the checkout
 * @param cacheFolder the folder's name inside the download cache
 * @param manifestName the manifest's file name (a resource beside this class)
 * @param manifest the files the folder must hold
 */
public record PinnedSet(String what, String property, String variable, String sharedFolder,
    String cacheFolder, String manifestName, Manifest manifest) {

  /** The official MLS, HPKE, SFrame and Wycheproof vectors ({@code official-vectors.pins}). */
  public static final PinnedSet OFFICIAL_VECTORS = new PinnedSet("official test vectors",
      "sealmeet.vectors", "SEALMEET_VECTORS", "vectors", "vectors",
      "official-vectors.pins", Manifest.resource("official-vectors.pins"));

  /** The MLS working group's interop scenario scripts ({@code interop-configs.pins}). */
  public static final PinnedSet INTEROP_CONFIGS = new PinnedSet("MLS interop scenario scripts",
      "sealmeet.interop.configs", "SEALMEET_INTEROP_CONFIGS", "interop/configs", "interop-configs",
      "interop-configs.pins", Manifest.resource("interop-configs.pins"));

  /** Requires every part. */
  public PinnedSet {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(sharedFolder, "sharedFolder");
    Objects.requireNonNull(cacheFolder, "cacheFolder");
    Objects.requireNonNull(manifestName, "manifestName");
    Objects.requireNonNull(manifest, "manifest");
  }

  /** The same set with another manifest (tests serve pins from a local copy). */
  public PinnedSet withManifest(Manifest other) {
    return new PinnedSet(what, property, variable, sharedFolder, cacheFolder, manifestName,
        other);
  }
}
