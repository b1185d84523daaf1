package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeHashes;
import dev.sealmeet.mls.tree.TreeValidator;
import dev.sealmeet.testing.FuzzChecks;
import dev.sealmeet.testing.FuzzChecks.Budget;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the MLS decoders that take network bytes (issue 9 §2): an
 * MLSMessage of any wire format, and the {@code ratchet_tree} extension through tree building and every
 * validation of RFC 9420 §12.4.3.1. Only {@code SealmeetException} subtypes may escape, and a
 * decode allocates within {@link Budget#DECODE} (validation within {@link Budget#STEP}).
 *
 * <p>Without {@code JAZZER_FUZZ} each target replays {@code MessagesFuzzTestInputs/<target>/}: the
 * matching fields of the official {@code mls/messages.json} (and, for the tree, the suite-1
 * trees of {@code tree-validation.json}), plus every input that once broke the invariant.
 */
class MessagesFuzzTest {
  /** Leading input bytes of {@link #ratchetTree} taken as the group id (leaf signature context). */
  private static final int GROUP_ID_LENGTH = 32;
  private static MlsSuite suite;

  private static synchronized MlsSuite suite() throws SealmeetException {
    if (suite == null) {
      suite = MlsSuite.of(1, new SecureRandom());
    }
    return suite;
  }

  /** Any wire format; what decodes must re-encode to exactly its input (§2.1: one encoding). */
  @FuzzTest(maxDuration = "5m")
  void mlsMessage(byte[] bytes) {
    FuzzChecks.rejects(bytes.length, Budget.DECODE, () -> {
      MlsMessage message = MlsMessage.fromBytes(bytes);
      assertThat(message.toBytes()).isEqualTo(bytes);
    });
  }

  /**
   * A 32-byte group id, then {@code ratchet_tree} extension data: decoded, built, hashed and
   * validated as a joiner would (suite 1), against its own root hash so that every later check
   * sees the tree.
   */
  @FuzzTest(maxDuration = "5m")
  void ratchetTree(byte[] bytes) {
    int split = Math.min(GROUP_ID_LENGTH, bytes.length);
    byte[] groupId = Arrays.copyOfRange(bytes, 0, split);
    byte[] extensionData = Arrays.copyOfRange(bytes, split, bytes.length);
    FuzzChecks.rejects(bytes.length, Budget.STEP, () -> {
      RatchetTree tree = RatchetTree.decode(extensionData);
      new TreeValidator(suite()).validate(tree, groupId, new TreeHashes(suite()).rootHash(tree));
    });
  }
}
