package dev.sealmeet.conformance;

import java.util.List;

/** The registry of every vector family this build can run, in recognition order. */
public final class VectorFamilies {
  private VectorFamilies() {}

  /** Every family, most specific first. */
  public static List<VectorFamily> all() {
    return List.of(
        // One line per family, sorted by class name; MlsPendingFamily last (it claims what is left).
        new dev.sealmeet.conformance.mls.CryptoBasicsFamily(),
        new dev.sealmeet.conformance.hpke.HpkePqVectorFamily(),
        new dev.sealmeet.conformance.hpke.HpkeVectorFamily(),
        new dev.sealmeet.conformance.mls.KeyScheduleFamily(),
        new MeetingVectorFamily(),
        new dev.sealmeet.conformance.mls.MessageProtectionFamily(),
        new MlsDeserializationFamily(),
        new MlsMessagesFamily(),
        new dev.sealmeet.conformance.mls.PassiveClientFamily(),
        new dev.sealmeet.conformance.mls.PskSecretFamily(),
        new ReceiveLogFamily(),
        new RolesVectorFamily(),
        new dev.sealmeet.conformance.mls.SecretTreeFamily(),
        new SframeFamily(),
        new dev.sealmeet.conformance.mls.TranscriptHashesFamily(),
        new dev.sealmeet.conformance.mls.TreeKemFamily(),
        new dev.sealmeet.conformance.mls.TreeMathFamily(),
        new dev.sealmeet.conformance.mls.TreeOperationsFamily(),
        new dev.sealmeet.conformance.mls.TreeValidationFamily(),
        new dev.sealmeet.conformance.mls.WelcomeFamily(),
        new dev.sealmeet.conformance.wycheproof.WycheproofFamily(),
        new dev.sealmeet.conformance.hpke.XWingVectorFamily(),
        new MlsPendingFamily());
  }
}
