package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared driver of the per-suite MLS vector families of the key-schedule area: one {@link CaseResult}
 * per case, named {@code "suite N / case i"}, an unsupported suite skipped with its reason, every
 * exception caught per case and reported as a failure.
 */
final class ScheduleVectors {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ScheduleVectors() {}

  /** The checks of one case; they record mismatches instead of stopping at the first. */
  @FunctionalInterface
  interface CaseBody {
    void check(MlsSuite suite, JsonNode testCase, Mismatches mismatches) throws SealmeetException;
  }

  /** As {@link #run(JsonNode, SuiteRegistry, CaseBody)} with RFC 9420's registry. */
  static List<CaseResult> run(JsonNode content, CaseBody body) {
    return run(content, SuiteRegistry.rfc9420(), body);
  }

  /**
   * Runs every case of {@code content}, resolving each case's {@code cipher_suite} in {@code
   * suites}; a code point {@code suites} lacks is a skipped case. Cases are named by suite id in
   * decimal with RFC 9420's registry (as the official files write them), in hex with any other (the
   * private-use code points of the post-quantum suites, e.g. {@code suite 0xf001 / case 0}).
   */
  static List<CaseResult> run(JsonNode content, SuiteRegistry suites, CaseBody body) {
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode testCase = cases.get(i);
      String name = "case " + i;
      try {
        int suiteId = testCase.integer("cipher_suite");
        name = (suites == SuiteRegistry.rfc9420()
            ? "suite " + suiteId : String.format("suite 0x%04x", suiteId))
            + " / case " + i;
        MlsSuite suite;
        try {
          suite = MlsSuite.of(suiteId, suites, RANDOM);
        } catch (UnsupportedException e) {
          results.add(CaseResult.skipped(name, "cipher suite not supported: " + e.getMessage()));
          continue;
        }
        Mismatches mismatches = new Mismatches();
        body.check(suite, testCase, mismatches);
        results.add(mismatches.isEmpty()
            ? CaseResult.passed(name)
            : CaseResult.failed(name, mismatches.summary()));
      } catch (SealmeetException | RuntimeException e) {
        results.add(CaseResult.failed(name, e));
      }
    }
    return results;
  }
}
