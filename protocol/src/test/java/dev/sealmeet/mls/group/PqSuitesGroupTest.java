package dev.sealmeet.mls.group;

import static dev.sealmeet.mls.group.GroupFixtures.assertAgree;
import static dev.sealmeet.mls.group.GroupFixtures.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.MlsMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Groups in the post-quantum suites of draft-ietf-mls-pq-ciphersuites-06 at the code points of
 * {@link SuiteRegistry#draftPq()}: create, Welcome, application data, update, remove and external
 * join, every member agreeing on each epoch.
 */
class PqSuitesGroupTest {
  private static final GroupConfig PQ = GroupConfig.defaults().withSuites(SuiteRegistry.draftPq());

  private static MlsSuite suite(int codePoint) throws UnsupportedException {
    return MlsSuite.of(codePoint, SuiteRegistry.draftPq(), GroupFixtures.RANDOM);
  }

  /** Each of TBD1..TBD11 at its default code point 0xF000 + n. */
  @ParameterizedTest(name = "suite {0}")
  @ValueSource(ints = {0xF001, 0xF002, 0xF003, 0xF004, 0xF005, 0xF006, 0xF007, 0xF008, 0xF009,
      0xF00A, 0xF00B})
  void createWelcomeDataUpdateRemoveExternalJoin_everyMemberAgrees(int codePoint)
      throws SealmeetException {
    MlsSuite suite = suite(codePoint);
    List<MlsGroup> groups = new ArrayList<>(
        GroupFixtures.members(suite, PQ, "alice", "bob", "carol"));
    assertAgree(groups);
    assertThat(groups.get(0).suite().id()).isEqualTo(codePoint);

    byte[] hello = "post-quantum hello".getBytes(StandardCharsets.UTF_8);
    ApplicationMessage got = (ApplicationMessage) groups.get(2).process(
        MlsMessage.fromBytes(groups.get(1).protect(hello, new byte[0]).toBytes()));
    assertThat(got.data()).isEqualTo(hello);

    GroupFixtures.updateByReference(groups);

    CommitResult removal = groups.get(0).commit(CommitRequest.empty().remove(1));
    groups.get(0).mergePendingCommit();
    StagedCommit removed = (StagedCommit) groups.get(1).process(removal.commit());
    assertThat(removed.removesSelf()).isTrue();
    deliver(removal.commit(), List.of(groups.get(2)));
    groups.remove(1);
    assertAgree(groups);

    SigningIdentity dave = SigningIdentity.generate(
        suite, new BasicCredential("dave".getBytes(StandardCharsets.UTF_8)));
    ExternalJoinResult joined = MlsGroup.joinExternal(groups.get(0).groupInfo(true),
        Optional.empty(), dave, GroupFixtures.capabilities(suite), OptionalLong.empty(),
        List.of(), new PskStore(), PQ);
    deliver(joined.commit(), groups);
    groups.add(joined.group());
    assertAgree(groups);
    ApplicationMessage fromDave = (ApplicationMessage) groups.get(0).process(
        MlsMessage.fromBytes(joined.group().protect(hello, new byte[0]).toBytes()));
    assertThat(fromDave.data()).isEqualTo(hello);
  }

  @Test
  void joinerWithoutThePqCodePoints_refusesTheWelcomeAsUnsupported() throws SealmeetException {
    MlsSuite suite = suite(0xF001);
    Client alice = Client.of(suite, "alice", PQ);
    Client bob = Client.of(suite, "bob", PQ);
    MlsGroup a = GroupFixtures.create(alice, PQ);
    CommitResult added = a.commit(CommitRequest.empty().add(bob.keyPackage().keyPackage()));
    assertThatThrownBy(() -> bob.join(added.welcome().orElseThrow(), GroupConfig.defaults()))
        .isInstanceOf(UnsupportedException.class)
        .hasMessageContaining("0xf001");
  }
}
