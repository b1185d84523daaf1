package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.conformance.json.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One Wycheproof test with its group: the fields every schema shares ({@code tcId}, {@code comment},
 * {@code flags}, {@code result}) read once, the rest left to the {@link Check}.
 *
 * @param groupIndex the index of the group in {@code testGroups}
 * @param group the group (shared parameters: key, curve, sizes)
 * @param test the test itself
 * @param tcId the test id, unique within the file
 * @param result the expected result as the file states it
 * @param flags the flag names (explained in the file's {@code notes})
 * @param comment the file's comment for the test (may be empty)
 */
record WycheproofTest(
    int groupIndex, JsonNode group, JsonNode test, int tcId, Result result, List<String> flags,
    String comment) {

  /** Copies the flag list. */
  WycheproofTest {
    flags = List.copyOf(flags);
  }

  /** What the file says a correct implementation does with a test. */
  enum Result {
    /** Must be accepted, with exactly the expected output. */
    VALID,
    /** Must be rejected. */
    INVALID,
    /** Either is allowed by the base standard: our policy decides ({@code spec/wycheproof-policy.md}). */
    ACCEPTABLE
  }

  static WycheproofTest read(int groupIndex, JsonNode group, JsonNode test) {
    List<String> flags = new ArrayList<>();
    if (test.has("flags")) {
      for (JsonNode f : test.get("flags").elements()) {
        flags.add(f.asString());
      }
    }
    String comment = test.has("comment") ? test.string("comment") : "";
    Result result;
    String r = test.string("result");
    switch (r) {
      case "valid":
        result = Result.VALID;
        break;
      case "invalid":
        result = Result.INVALID;
        break;
      case "acceptable":
        result = Result.ACCEPTABLE;
        break;
      default:
        throw new IllegalArgumentException("tcId " + test.integer("tcId") + ": unknown result " + r);
    }
    return new WycheproofTest(groupIndex, group, test, test.integer("tcId"), result, flags, comment);
  }

  /** Whether the test carries {@code flag}. */
  boolean hasFlag(String flag) {
    return flags.contains(flag);
  }

  /** "invalid; flags [A, B]; comment 'x'", for failure details. */
  String describe() {
    return result.name().toLowerCase(java.util.Locale.ROOT) + "; flags " + flags
        + (comment.isEmpty() ? "" : "; comment '" + comment + "'");
  }
}
