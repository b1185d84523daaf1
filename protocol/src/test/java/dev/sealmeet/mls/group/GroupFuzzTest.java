package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.testing.FuzzChecks;
import dev.sealmeet.testing.FuzzChecks.Budget;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Coverage-guided fuzzing of the group's network entry points (issue 9 §2): {@link
 * MlsGroup#process} for a commit (as sent, and as a fuzzed Commit that Alice signs) and for an
 * application message, {@link MlsGroup#join} from a
 * Welcome, {@link MlsGroup#joinExternal} from a GroupInfo, a KeyPackage offered to {@link
 * MlsGroup#proposeAdd}, and saved state bytes given to {@link MlsGroup#fromBytes}. Only {@code
 * SealmeetException} subtypes may escape, one call allocates within {@link Budget#STEP}, and a
 * rejection leaves the receiving group exactly as it was ({@link GroupSnapshot}).
 *
 * <p>Without {@code JAZZER_FUZZ} each target replays its inputs under {@code
 * GroupFuzzTestInputs/<target>/}: valid messages of the deterministic {@link FuzzGroup} (checked
 * by {@code FuzzSeedsTest}), the matching structures of the official {@code mls/messages.json}, and
 * every input that once broke the invariant. {@code mvn -Pfuzz} fuzzes one target (README).
 */
class GroupFuzzTest {
  private static FuzzGroup commitGroup;
  private static FuzzGroup signedGroup;
  private static FuzzGroup applicationGroup;
  private static FuzzGroup joinGroup;
  private static FuzzGroup externalGroup;
  private static FuzzGroup keyPackageGroup;
  private static FuzzGroup restoreGroup;

  private static synchronized FuzzGroup fixture(FuzzGroup existing) {
    return existing != null ? existing : FuzzGroup.create();
  }

  /** Feeds {@code bytes} to Bob; a rejection must leave his group unchanged. */
  private static void process(FuzzGroup group, byte[] bytes) {
    GroupSnapshot before = GroupSnapshot.of(group.bob);
    boolean rejected = FuzzChecks.rejects(bytes.length, Budget.STEP,
        () -> group.bob.process(MlsMessage.fromBytes(bytes)));
    if (rejected) {
      assertThat(GroupSnapshot.of(group.bob)).isEqualTo(before);
    }
  }

  /** MLSMessage bytes as a handshake for Bob's epoch (seed: Alice's commit adding Carol). */
  @FuzzTest(maxDuration = "5m")
  void processCommit(byte[] bytes) {
    commitGroup = fixture(commitGroup);
    process(commitGroup, bytes);
  }

  /**
   * Commit bytes (the bare struct, RFC 9420 §12.4) that Alice signs and frames for the epoch, so
   * that Bob's processing gets past the signature and membership tag into proposal validation,
   * the tree changes, the UpdatePath and the key schedule. The confirmation tag is zeros (Alice
   * cannot compute it for a path she did not make), so nothing is accepted and Bob never changes.
   */
  @FuzzTest(maxDuration = "5m")
  void processSignedCommit(byte[] bytes) {
    signedGroup = fixture(signedGroup);
    FuzzGroup group = signedGroup;
    GroupSnapshot before = GroupSnapshot.of(group.bob);
    boolean rejected = FuzzChecks.rejects(bytes.length, Budget.STEP, () -> group.bob.process(
        group.signedByAlice(TlsReader.decodeExactly(bytes, Commit::decode))));
    assertThat(rejected).isTrue();
    assertThat(GroupSnapshot.of(group.bob)).isEqualTo(before);
  }

  /** MLSMessage bytes as application data for Bob (seed: Alice's PrivateMessage). */
  @FuzzTest(maxDuration = "5m")
  void processApplication(byte[] bytes) {
    applicationGroup = fixture(applicationGroup);
    process(applicationGroup, bytes);
  }

  /** MLSMessage bytes as a Welcome for Carol's KeyPackage. */
  @FuzzTest(maxDuration = "5m")
  void join(byte[] bytes) {
    joinGroup = fixture(joinGroup);
    FuzzGroup group = joinGroup;
    FuzzChecks.rejects(bytes.length, Budget.STEP, () -> {
      try (MlsGroup joined = MlsGroup.join(MlsMessage.fromBytes(bytes),
          group.carol.keyPackage(), group.carol.identity(), Optional.empty(), new PskStore(),
          group.config)) {
        assertThat(joined.epoch()).isPositive();
      }
    });
  }

  /** MLSMessage bytes as a GroupInfo that Dave joins by external commit. */
  @FuzzTest(maxDuration = "5m")
  void joinExternal(byte[] bytes) {
    externalGroup = fixture(externalGroup);
    FuzzGroup group = externalGroup;
    FuzzChecks.rejects(bytes.length, Budget.STEP, () -> {
      ExternalJoinResult result = MlsGroup.joinExternal(MlsMessage.fromBytes(bytes),
          Optional.empty(), group.dave.identity(), GroupFixtures.capabilities(group.suite),
          OptionalLong.empty(), List.of(), new PskStore(), group.config);
      result.group().close();
    });
  }

  /** KeyPackage bytes (the bare struct, RFC 9420 §10) offered to Bob's group as an Add. */
  @FuzzTest(maxDuration = "5m")
  void keyPackage(byte[] bytes) {
    keyPackageGroup = fixture(keyPackageGroup);
    FuzzGroup group = keyPackageGroup;
    GroupSnapshot before = GroupSnapshot.of(group.bob);
    boolean rejected = FuzzChecks.rejects(bytes.length, Budget.STEP,
        () -> group.bob.proposeAdd(TlsReader.decodeExactly(bytes, KeyPackage::decode)));
    if (rejected) {
      assertThat(GroupSnapshot.of(group.bob)).isEqualTo(before);
    }
  }

  /**
   * Saved state bytes (issue 18) restored as Bob's group: damaged or hostile state is refused with
   * a {@code SealmeetException} subtype only, within the allocation budget.
   */
  @FuzzTest(maxDuration = "5m")
  void restore(byte[] bytes) {
    restoreGroup = fixture(restoreGroup);
    FuzzGroup group = restoreGroup;
    FuzzChecks.rejects(bytes.length, Budget.STEP, () -> MlsGroup.fromBytes(bytes,
        group.bob.identity(), new PskStore(), group.config).close());
  }

  /**
   * Verdict agreement (issue 23): the input chooses a group of 4–6 members and a scenario of its
   * malicious last member or an outsider ({@link HostileMessages}); every honest member must reach
   * the same verdict, leave its state as it was on a rejection, and agree after an accepted commit
   * ({@link VerdictAgreement}).
   */
  @FuzzTest(maxDuration = "5m")
  void verdicts(byte[] bytes) {
    VerdictAgreement.check(bytes);
  }
}
