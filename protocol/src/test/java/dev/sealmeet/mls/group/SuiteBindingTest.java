package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.SuiteDefinitionExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Members whose registries map one code point to different suites refuse each other with {@link
 * GroupRule#SUITE_DEFINITION} instead of deriving different keys (spec §1.1, [SM-MLS-12]).
 */
class SuiteBindingTest {
  private static final int CODE_POINT = 0xF001;

  /** The draft's TBD1 (X-Wing, SHA-256, AES-128-GCM, Ed25519) at 0xF001. */
  private static final GroupConfig DRAFT = GroupConfig.defaults()
      .withSuites(SuiteRegistry.draftPq());

  /** Another deployment's map: the draft's TBD2 (X-Wing, SHA-384, AES-256-GCM, Ed25519) at 0xF001. */
  private static final GroupConfig OTHER = GroupConfig.defaults().withSuites(
      SuiteRegistry.rfc9420().with(CODE_POINT, SuiteRegistry.draftPqDefinitions().get(1)));

  private static MlsSuite suite(GroupConfig config) throws UnsupportedException {
    return MlsSuite.of(CODE_POINT, config.suites(), GroupFixtures.RANDOM);
  }

  private static void assertRule(Throwable thrown) {
    assertThat(thrown).isInstanceOf(GroupRuleException.class);
    assertThat(((GroupRuleException) thrown).rule()).isEqualTo(GroupRule.SUITE_DEFINITION);
    assertThat(thrown).hasMessageContaining("0x647a").hasMessageContaining("0x0001")
        .hasMessageContaining("0x0002");
  }

  @Test
  void create_inPqSuite_bindsTheDefinitionInTheGroupContext() throws SealmeetException {
    MlsGroup group = GroupFixtures.create(Client.of(suite(DRAFT), "alice", DRAFT), DRAFT);
    assertThat(SuiteDefinitionExtension.in(group.context().extensions()))
        .contains(new SuiteDefinitionExtension(CODE_POINT, 0x647a, 0x0001, 0x0001, 0x0807));
    assertThat(group.ratchetTree().leaf(0).orElseThrow().capabilities().extensions())
        .contains(Extensions.SUITE_DEFINITION);
  }

  @Test
  void create_inIanaSuite_leavesTheGroupAsRfc9420Has() throws SealmeetException {
    MlsSuite classic = GroupFixtures.suite(1);
    Client alice = Client.of(classic, "alice", GroupConfig.defaults());
    MlsGroup group = GroupFixtures.create(alice, GroupConfig.defaults());
    assertThat(group.context().extensions()).isEmpty();
    assertThat(alice.keyPackage().keyPackage().extensions()).isEmpty();
  }

  @Test
  @DisplayName("[SM-MLS-12] a joiner whose registry differs refuses the Welcome")
  void welcome_joinerWithAnotherMap_isRefusedTyped() throws SealmeetException {
    Client alice = Client.of(suite(DRAFT), "alice", DRAFT);
    Client bob = Client.of(suite(DRAFT), "bob", DRAFT);
    MlsGroup group = GroupFixtures.create(alice, DRAFT);
    CommitResult added = group.commit(CommitRequest.empty().add(bob.keyPackage().keyPackage()));
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> bob.join(added.welcome().orElseThrow(), OTHER));
    assertRule(thrown);
  }

  @Test
  @DisplayName("[SM-MLS-12] a KeyPackage made under another registry is refused at Add")
  void add_keyPackageMadeUnderAnotherMap_isRefusedTyped() throws SealmeetException {
    MlsGroup alice = GroupFixtures.create(Client.of(suite(DRAFT), "alice", DRAFT), DRAFT);
    Client bob = Client.of(suite(OTHER), "bob", OTHER);
    Throwable atCommit = org.assertj.core.api.Assertions.catchThrowable(() ->
        alice.commit(CommitRequest.empty().add(bob.keyPackage().keyPackage())));
    assertRule(atCommit);
    assertThat(alice.epoch()).isZero();
    assertThat(alice.hasPendingCommit()).isFalse();
  }

  @Test
  @DisplayName("[SM-MLS-12] a joiner whose registry differs refuses the external join")
  void externalJoin_joinerWithAnotherMap_isRefusedTyped() throws SealmeetException {
    MlsGroup alice = GroupFixtures.create(Client.of(suite(DRAFT), "alice", DRAFT), DRAFT);
    MlsSuite daveSuite = suite(OTHER);
    SigningIdentity dave = SigningIdentity.generate(
        daveSuite, new BasicCredential("dave".getBytes(StandardCharsets.UTF_8)));
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
        MlsGroup.joinExternal(alice.groupInfo(true), Optional.empty(), dave,
            GroupFixtures.capabilities(daveSuite), OptionalLong.empty(), List.of(),
            new PskStore(), OTHER));
    assertRule(thrown);
  }

  @Test
  void externalJoin_sameMap_succeeds() throws SealmeetException {
    MlsGroup alice = GroupFixtures.create(Client.of(suite(DRAFT), "alice", DRAFT), DRAFT);
    MlsSuite suite = suite(DRAFT);
    SigningIdentity dave = SigningIdentity.generate(
        suite, new BasicCredential("dave".getBytes(StandardCharsets.UTF_8)));
    ExternalJoinResult joined = MlsGroup.joinExternal(alice.groupInfo(true), Optional.empty(),
        dave, GroupFixtures.capabilities(suite), OptionalLong.empty(), List.of(), new PskStore(),
        DRAFT);
    GroupFixtures.deliver(joined.commit(), List.of(alice));
    GroupFixtures.assertAgree(List.of(alice, joined.group()));
  }

  @Test
  void groupContextExtensions_withoutTheBinding_carryIt() throws SealmeetException {
    List<MlsGroup> groups = GroupFixtures.members(suite(DRAFT), DRAFT, "alice", "bob");
    List<Extension> bound = groups.get(0).context().extensions();
    CommitResult commit =
        groups.get(0).commit(CommitRequest.empty().groupContextExtensions(List.of()));
    groups.get(0).mergePendingCommit();
    GroupFixtures.deliver(commit.commit(), List.of(groups.get(1)));
    GroupFixtures.assertAgree(groups);
    assertThat(groups.get(1).context().extensions()).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(bound);
  }

  @Test
  void checkKept_droppingChangingOrAddingTheBinding_isRefused() throws SealmeetException {
    Extension draft = SuiteBinding.ofRegistry(CODE_POINT, DRAFT).toExtension();
    Extension other = SuiteBinding.ofRegistry(CODE_POINT, OTHER).toExtension();
    for (List<List<Extension>> change : List.of(List.of(List.of(draft), List.<Extension>of()),
        List.of(List.of(draft), List.of(other)), List.of(List.<Extension>of(), List.of(draft)))) {
      assertThatThrownBy(() -> SuiteBinding.checkKept(change.get(0), change.get(1)))
          .isInstanceOfSatisfying(GroupRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(GroupRule.SUITE_DEFINITION));
    }
    SuiteBinding.checkKept(List.of(draft), List.of(draft));
    SuiteBinding.checkKept(List.of(), List.of());
  }

  @Test
  void reInit_intoPqSuite_carriesTheDefinition() {
    dev.sealmeet.mls.message.ReInitProposal bare = new dev.sealmeet.mls.message.ReInitProposal(
        new byte[] {1}, 1, 0xF00B, List.of());
    dev.sealmeet.mls.message.ReInitProposal sent = (dev.sealmeet.mls.message.ReInitProposal)
        SuiteBinding.carried(bare, List.of(), DRAFT);
    assertThat(sent.extensions()).singleElement()
        .extracting(Extension::extensionType).isEqualTo(Extensions.SUITE_DEFINITION);
    dev.sealmeet.mls.message.ReInitProposal classic = new dev.sealmeet.mls.message.ReInitProposal(
        new byte[] {1}, 1, 1, List.of());
    assertThat(SuiteBinding.carried(classic, List.of(), DRAFT)).isSameAs(classic);
  }

  @Test
  void groupContextExtensions_keepingTheBinding_isAccepted() throws SealmeetException {
    MlsGroup alice = GroupFixtures.create(Client.of(suite(DRAFT), "alice", DRAFT), DRAFT);
    List<Extension> same = alice.context().extensions();
    alice.commit(CommitRequest.empty().groupContextExtensions(same));
    alice.mergePendingCommit();
    assertThat(alice.epoch()).isEqualTo(1);
  }

  @Test
  void check_malformedOrForeignBinding_isRefused() {
    Extension malformed = new Extension(Extensions.SUITE_DEFINITION, new byte[9]);
    assertThatThrownBy(() -> SuiteBinding.check(List.of(malformed), CODE_POINT, DRAFT, "x"))
        .isInstanceOf(GroupRuleException.class).hasMessageContaining("malformed");
    Extension otherCodePoint =
        new SuiteDefinitionExtension(0xF002, 0x647a, 0x0001, 0x0001, 0x0807).toExtension();
    assertThatThrownBy(() -> SuiteBinding.check(List.of(otherCodePoint), CODE_POINT, DRAFT, "x"))
        .isInstanceOf(GroupRuleException.class).hasMessageContaining("0xf002");
  }

  @Test
  void suiteDefinitionExtension_roundTrips_andRejectsTrailingBytes() throws SealmeetException {
    SuiteDefinitionExtension value =
        new SuiteDefinitionExtension(0xF00B, 0x0042, 0x0002, 0x0002, 0x0906);
    assertThat(SuiteDefinitionExtension.in(List.of(value.toExtension()))).contains(value);
    byte[] longer = java.util.Arrays.copyOf(value.toExtension().extensionData(), 11);
    assertThatThrownBy(() -> SuiteDefinitionExtension.in(
        List.of(new Extension(Extensions.SUITE_DEFINITION, longer))))
        .isInstanceOf(dev.sealmeet.error.DecodeException.class);
  }
}
