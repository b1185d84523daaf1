package dev.sealmeet.mls.group;

import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Verdict agreement (issue 23) over random scenarios: a group of 4–6 members whose last member,
 * or an outsider, sends commits mutated at random (proposal lists, paths, tags, senders, external
 * commits, bits flipped on the wire); see {@link VerdictAgreement} for the invariant and {@code
 * GroupFuzzTest#verdicts} for the same scenarios under coverage-guided fuzzing.
 */
class VerdictAgreementProperties {
  @Test
  @DisplayName("[SM-MLS-8] honest members reach the same verdict on hostile commits")
  void honestMembersReachTheSameVerdict() {
    qt().withExamples(150).withShrinkCycles(20)
        .forAll(Gens.bytes(64))
        .checkAssert(Checked.of(VerdictAgreement::check));
  }
}
