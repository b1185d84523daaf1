package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.JsonNode;
import java.util.List;

/**
 * A family that claims a file only when it sits in a folder of a given name, and then runs it with
 * another family: e.g. {@code mls-pq/crypto-basics.json} with a crypto-basics family that resolves
 * suite ids in {@link dev.sealmeet.crypto.SuiteRegistry#draftPq()}. The working group's JSON layouts
 * have no field for a registry, so the folder says which code points a file uses.
 */
final class FolderScopedFamily implements VectorFamily {
  private final String folder;
  private final VectorFamily inner;

  /**
   * @param folder the folder name, one path segment (e.g. {@code "mls-pq"})
   * @param inner the family that runs the file
   */
  FolderScopedFamily(String folder, VectorFamily inner) {
    if (folder == null || folder.isEmpty() || folder.contains("/")) {
      throw new IllegalArgumentException("folder must be one path segment");
    }
    this.folder = folder;
    this.inner = java.util.Objects.requireNonNull(inner, "inner");
  }

  /** The inner family's name under this folder, e.g. {@code "mls-pq/crypto-basics"}. */
  @Override
  public String name() {
    String innerName = inner.name();
    int slash = innerName.indexOf('/');
    return folder + "/" + (slash < 0 ? innerName : innerName.substring(slash + 1));
  }

  /** Whether {@code relativePath} has the folder as one of its directories and the inner family claims it. */
  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    String path = "/" + relativePath;
    int file = path.lastIndexOf('/');
    return path.substring(0, file + 1).contains("/" + folder + "/")
        && inner.recognises(relativePath, content);
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return inner.run(content);
  }
}
