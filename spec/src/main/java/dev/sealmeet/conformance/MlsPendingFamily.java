package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises the official MLS vector files whose checks are not implemented yet and reports every case
 * as skipped with that reason, so they are counted rather than silently ignored. Each MLS family that
 * lands removes its file name from {@link #PENDING}.
 */
final class MlsPendingFamily implements VectorFamily {
  /** Official MLS vector files (mlswg/mls-implementations) that no family checks yet. */
  static final Set<String> PENDING = Set.of();

  @Override
  public String name() {
    return "mls/pending";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    String name = VectorFamily.fileName(relativePath);
    return PENDING.contains(name);
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      results.add(CaseResult.skipped("case " + i, "checks for this MLS file are not implemented yet"));
    }
    return results;
  }

}
