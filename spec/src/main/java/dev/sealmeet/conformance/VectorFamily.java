package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.JsonNode;
import java.util.List;

/**
 * One kind of vector file the runner can check (e.g. MLS {@code tree-math.json}, RFC 9180
 * {@code test-vectors.json}, a Wycheproof schema).
 */
public interface VectorFamily {

  /** A short name for reports, e.g. {@code "mls/tree-math"}. */
  String name();

  /**
   * Whether this family runs the file.
   *
   * @param relativePath the path relative to the searched folder, with '/' separators
   * @param content the parsed file (families that recognise by name need not look at it)
   */
  boolean recognises(String relativePath, JsonNode content);

  /**
   * Runs every case of the file. Must return one result per case: never drop a case. An exception
   * thrown by the code under test must be caught per case and reported as a failure.
   */
  List<CaseResult> run(JsonNode content);

  /** The last segment of a '/'-separated relative path, e.g. {@code "welcome.json"}. */
  static String fileName(String relativePath) {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? relativePath : relativePath.substring(slash + 1);
  }
}
