package dev.sealmeet.conformance;

import java.util.List;

/** The registry of every vector family this build can run, in recognition order. */
public final class VectorFamilies {
  private VectorFamilies() {}

  /** Every family, most specific first. */
  public static List<VectorFamily> all() {
    return List.of(
        // One line per family; keep this list sorted by family name.
        new dev.sealmeet.conformance.hpke.HpkeVectorFamily(),
        new dev.sealmeet.conformance.mls.CryptoBasicsFamily(),
        new MlsDeserializationFamily(),
        new dev.sealmeet.conformance.mls.KeyScheduleFamily(),
        new MlsMessagesFamily(),
        new dev.sealmeet.conformance.mls.PskSecretFamily(),
        new dev.sealmeet.conformance.mls.SecretTreeFamily(),
        new dev.sealmeet.conformance.mls.TranscriptHashesFamily(),
        new dev.sealmeet.conformance.mls.TreeKemFamily(),
        new dev.sealmeet.conformance.mls.TreeMathFamily(),
        new dev.sealmeet.conformance.mls.TreeOperationsFamily(),
        new dev.sealmeet.conformance.mls.TreeValidationFamily(),
        new MlsPendingFamily(),
        new dev.sealmeet.conformance.wycheproof.WycheproofFamily());
  }
}
