package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupRule;
import dev.sealmeet.mls.group.GroupRuleException;
import dev.sealmeet.mls.group.RequiredCapabilities;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.SuiteDefinitionExtension;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A meeting in a post-quantum MLS suite (X-Wing with Ed25519, TBD1 of {@link
 * SuiteRegistry#draftPq()}): the suite is bound in the group and required of every member, a
 * classical KeyPackage or one made under another registry is refused at admission, nothing
 * downgrades, and media keys still come from the MLS exporter.
 */
class PqMeetingTest {
  private static final int XWING_ED25519 = SuiteRegistry.DRAFT_PQ_BASE + 1;
  private static final MeetingOptions PQ =
      MeetingOptions.defaults().withMlsSuites(SuiteRegistry.draftPq());

  private static MlsSuite suite(int id, SuiteRegistry registry) throws SealmeetException {
    return MlsSuite.of(id, registry, new SecureRandom());
  }

  private static MeetingFixtures fixtures() throws SealmeetException {
    return new MeetingFixtures(PQ, suite(XWING_ED25519, SuiteRegistry.draftPq()));
  }

  @Test
  void pqMeeting_membersAgree_andMediaFlows() throws SealmeetException {
    MeetingFixtures f = fixtures();
    List<Meeting> m = f.meeting("host", "ann", "bob");
    for (Meeting member : m) {
      assertThat(member.group().suite().id()).isEqualTo(XWING_ED25519);
      assertThat(member.securityCode()).isEqualTo(m.get(0).securityCode());
    }
    assertThat(RequiredCapabilities.in(m.get(1).group().context().extensions()).orElseThrow()
        .extensionTypes()).containsExactly(Roles.EXTENSION_TYPE,
            MediaParameters.EXTENSION_TYPE, SenderAuthRequirement.EXTENSION_TYPE,
            Extensions.SUITE_DEFINITION);
    assertThat(SuiteDefinitionExtension.in(m.get(2).group().context().extensions()))
        .contains(new SuiteDefinitionExtension(XWING_ED25519, 0x647a, 0x0001, 0x0001, 0x0807));

    m.get(1).send(MediaKind.AUDIO, new byte[] {4, 5, 6});
    List<ReceivedFrame> atBob = m.get(2).poll();
    assertThat(atBob).singleElement().extracting(ReceivedFrame::payload)
        .isEqualTo(new byte[] {4, 5, 6});
  }

  @Test
  void classicMeeting_requiresWhatItAlwaysDid() throws SealmeetException {
    List<Meeting> m = new MeetingFixtures().meeting("host", "ann");
    assertThat(RequiredCapabilities.in(m.get(1).group().context().extensions()).orElseThrow()
        .extensionTypes()).containsExactly(Roles.EXTENSION_TYPE,
            MediaParameters.EXTENSION_TYPE, SenderAuthRequirement.EXTENSION_TYPE);
    assertThat(SuiteDefinitionExtension.in(m.get(1).group().context().extensions())).isEmpty();
  }

  @Test
  void admit_classicalKeyPackage_intoPqMeeting_isRefusedTyped_nothingDowngrades()
      throws SealmeetException {
    MeetingFixtures f = fixtures();
    Meeting host = Meeting.open(f.client("host"), f.ds);
    long epoch = host.epoch();
    MeetingClient classical = f.client("carl", suite(1, SuiteRegistry.draftPq()), PQ);
    LobbyGuest guest = LobbyGuest.enter(classical, f.ds, host.invitation());

    Throwable thrown = catchThrowable(() -> host.admit(guest.account()));
    assertThat(thrown).isInstanceOfSatisfying(GroupRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(GroupRule.INVALID_KEY_PACKAGE));
    assertThat(thrown).hasMessageContaining("0x0001").hasMessageContaining("0xf001");
    assertThat(host.epoch()).isEqualTo(epoch);
    assertThat(host.group().suite().id()).isEqualTo(XWING_ED25519);
    assertThat(host.roster()).hasSize(1);
    assertThat(guest.poll()).isEmpty();
  }

  @Test
  void admit_keyPackageMadeUnderAnotherRegistry_isRefusedTyped() throws SealmeetException {
    MeetingFixtures f = fixtures();
    Meeting host = Meeting.open(f.client("host"), f.ds);
    SuiteRegistry other = SuiteRegistry.rfc9420()
        .with(XWING_ED25519, SuiteRegistry.draftPqDefinitions().get(1));
    MeetingClient stranger = f.client("sam", suite(XWING_ED25519, other),
        MeetingOptions.defaults().withMlsSuites(other));
    LobbyGuest guest = LobbyGuest.enter(stranger, f.ds, host.invitation());

    Throwable thrown = catchThrowable(() -> host.admit(guest.account()));
    assertThat(thrown).isInstanceOfSatisfying(GroupRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(GroupRule.SUITE_DEFINITION));
    assertThat(host.roster()).hasSize(1);
  }

  @Test
  void client_suiteOutsideItsRegistry_isMisuse() throws SealmeetException {
    MlsSuite pq = suite(XWING_ED25519, SuiteRegistry.draftPq());
    MeetingFixtures f = new MeetingFixtures();
    Throwable thrown = catchThrowable(() -> f.client("x", pq, MeetingOptions.defaults()));
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0xf001");
  }
}
