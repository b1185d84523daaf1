package dev.sealmeet.mls.group;

import static dev.sealmeet.mls.group.GroupFixtures.assertAgree;
import static dev.sealmeet.mls.group.GroupFixtures.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.MlsMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MlsGroupTest {

  private static List<MlsGroup> threeMembers(MlsSuite suite, GroupConfig config)
      throws SealmeetException {
    Client alice = Client.of(suite, "alice", config);
    Client bob = Client.of(suite, "bob", config);
    Client carol = Client.of(suite, "carol", config);
    MlsGroup a = GroupFixtures.create(alice, config);
    CommitResult added = a.commit(CommitRequest.empty().add(bob.keyPackage().keyPackage())
        .add(carol.keyPackage().keyPackage()));
    a.mergePendingCommit();
    MlsGroup b = bob.join(added.welcome().orElseThrow(), added.ratchetTree(), config);
    MlsGroup c = carol.join(added.welcome().orElseThrow(), added.ratchetTree(), config);
    return new ArrayList<>(List.of(a, b, c));
  }

  @ParameterizedTest(name = "suite {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  @DisplayName("add, update and remove agree in every supported suite [SM-MLS-1]")
  void addUpdateRemove_everyMemberAgrees(int suiteId) throws SealmeetException {
    MlsSuite suite = GroupFixtures.suite(suiteId);
    GroupConfig config = GroupConfig.defaults();
    List<MlsGroup> groups = threeMembers(suite, config);
    assertAgree(groups);
    assertThat(groups.get(0).epoch()).isEqualTo(1);

    CommitResult empty = groups.get(1).commit(CommitRequest.empty());
    groups.get(1).mergePendingCommit();
    deliver(empty.commit(), List.of(groups.get(0), groups.get(2)));
    assertAgree(groups);

    GroupFixtures.updateByReference(groups);

    CommitResult removal = groups.get(0).commit(CommitRequest.empty().remove(1));
    groups.get(0).mergePendingCommit();
    ProcessedMessage removed = groups.get(1).process(removal.commit());
    assertThat(((StagedCommit) removed).removesSelf()).isTrue();
    groups.get(1).merge((StagedCommit) removed);
    assertThat(groups.get(1).status()).isEqualTo(MlsGroup.Status.REMOVED);
    deliver(removal.commit(), List.of(groups.get(2)));
    assertAgree(List.of(groups.get(0), groups.get(2)));
    assertThat(groups.get(0).members()).containsOnlyKeys(0L, 2L);
  }

  @ParameterizedTest(name = "encrypted handshake {0}")
  @ValueSource(booleans = {false, true})
  void applicationMessages_roundTripAndLateDelivery(boolean encrypt) throws SealmeetException {
    MlsSuite suite = GroupFixtures.suite(1);
    GroupConfig config = GroupConfig.defaults().withEncryptHandshake(encrypt);
    List<MlsGroup> groups = threeMembers(suite, config);
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    MlsMessage first = groups.get(0).protect(hello, new byte[] {1});
    MlsMessage second = groups.get(0).protect(hello, new byte[0]);
    ApplicationMessage got = (ApplicationMessage) groups.get(1).process(second);
    assertThat(got.data()).isEqualTo(hello);
    assertThat(got.senderLeaf()).isEqualTo(0);
    CommitResult next = groups.get(2).commit(CommitRequest.empty());
    groups.get(2).mergePendingCommit();
    deliver(next.commit(), List.of(groups.get(0), groups.get(1)));
    ApplicationMessage late = (ApplicationMessage) groups.get(1).process(first);
    assertThat(late.epoch()).isEqualTo(1);
    assertThat(late.authenticatedData()).containsExactly(1);
    assertThatThrownBy(() -> groups.get(1).process(first))
        .isInstanceOf(dev.sealmeet.error.ReplayException.class);
  }

  @Test
  void commitWithoutPath_whenOnlyAdds() throws SealmeetException {
    MlsSuite suite = GroupFixtures.suite(1);
    GroupConfig config = GroupConfig.defaults().withAlwaysPath(false)
        .withRatchetTreeInWelcome(false);
    List<MlsGroup> groups = threeMembers(suite, config);
    Client dave = Client.of(suite, "dave", config);
    CommitResult added = groups.get(1).commit(CommitRequest.empty()
        .add(dave.keyPackage().keyPackage()));
    groups.get(1).mergePendingCommit();
    deliver(added.commit(), List.of(groups.get(0), groups.get(2)));
    MlsGroup d = MlsGroup.join(added.welcome().orElseThrow(), dave.keyPackage(), dave.identity(),
        java.util.Optional.of(added.ratchetTree()), new PskStore(), config);
    groups.add(d);
    assertAgree(groups);
  }

  @Test
  void outOfOrderWindow_isConfigurable() throws SealmeetException {
    MlsSuite suite = GroupFixtures.suite(1);
    GroupConfig config = GroupConfig.defaults().withOutOfOrderWindow(1, 3);
    List<MlsGroup> groups = threeMembers(suite, config);
    List<MlsMessage> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(groups.get(0).protect(new byte[] {(byte) i}, new byte[0]));
    }
    MlsGroup bob = groups.get(1);
    assertThatThrownBy(() -> bob.process(sent.get(4)))
        .isInstanceOf(dev.sealmeet.error.ProtocolException.class);
    assertThat(((ApplicationMessage) bob.process(sent.get(3))).data()).containsExactly(3);
    assertThatThrownBy(() -> bob.process(sent.get(0)))
        .isInstanceOf(dev.sealmeet.error.ReplayException.class);
    assertThat(((ApplicationMessage) bob.process(sent.get(2))).data()).containsExactly(2);
    assertThat(((ApplicationMessage) bob.process(sent.get(4))).data()).containsExactly(4);
  }

  @Test
  void proposalsPending_applicationDataRefusedUntilCommit() throws SealmeetException {
    List<MlsGroup> groups = threeMembers(GroupFixtures.suite(1), GroupConfig.defaults());
    groups.get(1).process(groups.get(0).proposeUpdate());
    assertThatThrownBy(() -> groups.get(1).protect(new byte[1], new byte[0]))
        .isInstanceOf(IllegalStateException.class);
  }
}
