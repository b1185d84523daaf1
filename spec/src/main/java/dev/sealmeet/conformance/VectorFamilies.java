package dev.sealmeet.conformance;

import dev.sealmeet.conformance.mls.CryptoBasicsFamily;
import dev.sealmeet.conformance.mls.KeyScheduleFamily;
import dev.sealmeet.conformance.mls.MessageProtectionFamily;
import dev.sealmeet.conformance.mls.PassiveClientFamily;
import dev.sealmeet.conformance.mls.SecretTreeFamily;
import dev.sealmeet.conformance.mls.TreeKemFamily;
import dev.sealmeet.conformance.mls.TreeOperationsFamily;
import dev.sealmeet.conformance.mls.WelcomeFamily;
import dev.sealmeet.crypto.SuiteRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of every vector family this build can run, in recognition order. Files in a folder
 * named {@value #MLS_PQ_FOLDER} are Sealmeet's provisional post-quantum MLS vectors: their suite ids
 * are the code points of {@link SuiteRegistry#draftPq()}.
 */
public final class VectorFamilies {
  private VectorFamilies() {}

  /** The folder of the provisional post-quantum MLS vectors ({@code spec/vectors/mls-pq}). */
  public static final String MLS_PQ_FOLDER = "mls-pq";

  /** Every family, most specific first. */
  public static List<VectorFamily> all() {
    List<VectorFamily> all = new ArrayList<>(draftPqMls());
    all.addAll(official());
    return List.copyOf(all);
  }

  /**
   * The MLS families for files under {@value #MLS_PQ_FOLDER}, resolving suite ids with {@link
   * SuiteRegistry#draftPq()}.
   */
  static List<VectorFamily> draftPqMls() {
    SuiteRegistry pq = SuiteRegistry.draftPq();
    return List.of(
        new FolderScopedFamily(MLS_PQ_FOLDER, new CryptoBasicsFamily(pq)),
        new FolderScopedFamily(MLS_PQ_FOLDER, new KeyScheduleFamily(pq)),
        new FolderScopedFamily(MLS_PQ_FOLDER, new MessageProtectionFamily(pq)),
        new FolderScopedFamily(MLS_PQ_FOLDER, new PassiveClientFamily(pq)),
        new FolderScopedFamily(MLS_PQ_FOLDER, new SecretTreeFamily(pq)),
        new FolderScopedFamily(MLS_PQ_FOLDER, new TreeKemFamily(pq)),
        new FolderScopedFamily(MLS_PQ_FOLDER, new TreeOperationsFamily(pq)),
        new FolderScopedFamily(MLS_PQ_FOLDER, new WelcomeFamily(pq)));
  }

  private static List<VectorFamily> official() {
    return List.of(
        // One line per family, sorted by class name; MlsPendingFamily last (it claims what is left).
        new CodecFramesFamily(),
        new dev.sealmeet.conformance.mls.CryptoBasicsFamily(),
        new dev.sealmeet.conformance.hpke.HpkePqVectorFamily(),
        new dev.sealmeet.conformance.hpke.HpkeVectorFamily(),
        new dev.sealmeet.conformance.mls.KeyScheduleFamily(),
        new MeetingVectorFamily(),
        new dev.sealmeet.conformance.mls.MessageProtectionFamily(),
        new MlsDeserializationFamily(),
        new MlsMessagesFamily(),
        new PassiveClientFamily(),
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
