package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Identities against a live directory: the fixture's verifier reads the account registry as it
 * is at each check, so revoking an account between epochs is seen by every member at its next
 * epoch change or {@link Meeting#maintain()}; and removal by account.
 */
class MeetingIdentityTest {
  private final RecordingListener heard = new RecordingListener();
  private final MeetingFixtures f = new MeetingFixtures(MeetingOptions.defaults()
      .withRuntime(MeetingRuntime.defaults().withListener(heard)));

  @Test
  @DisplayName("a revoked member is reported once by every member, kept visible, then removed")
  void revokedMember_reportedOnce_visible_thenRemovedByAccount() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    long ann = m.get(1).ownLeaf();
    assertThat(m.get(0).revokedMembers()).isEmpty();
    byte[] annKey = f.accountKeys.remove("ann");

    assertThat(m.get(0).maintain()).isEqualTo(MeetingPolicy.Action.NONE);
    assertThat(m.get(0).revokedMembers()).containsExactly(ann);
    assertThat(m.get(0).roster().get(ann)).isEqualTo(
        new VerifiedIdentity("ann", MemberIdentities.REVOKED));
    assertThat(heard.details("host", "revoked", VerifiedIdentity.class))
        .containsExactly(new VerifiedIdentity("ann", "basic, account key"));
    assertThat(m.get(0).metrics().snapshot().revocations()).isEqualTo(1);
    // Ben has not looked since: his view changes at the next epoch.
    assertThat(heard.details("ben", "revoked", VerifiedIdentity.class)).isEmpty();
    m.get(0).update();
    m.get(0).maintain();
    m.get(2).poll();
    assertThat(heard.details("ben", "revoked", VerifiedIdentity.class)).hasSize(1);
    assertThat(heard.details("host", "revoked", VerifiedIdentity.class)).hasSize(1);
    assertThat(m.get(2).leafOf("ann")).hasValue(ann);

    m.get(0).remove("ann");
    MeetingInternals.pollAll(m);
    assertThat(m.get(1).status()).isEqualTo(Meeting.Status.GONE);
    assertThat(m.get(2).roster().values()).extracting(VerifiedIdentity::account)
        .containsExactly("host", "ben");
    assertThat(m.get(0).revokedMembers()).isEmpty();
    assertThat(m.get(2).events()).last().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(RosterEvent.Kind.REMOVED);
      assertThat(e.identity().account()).isEqualTo("ann");
    });
    assertThat(annKey).isNotNull();
  }

  @Test
  @DisplayName("a member whose account verifies again is no longer listed as revoked")
  void reinstatedMember_isNoLongerRevoked() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] annKey = f.accountKeys.remove("ann");
    m.get(0).maintain();
    assertThat(m.get(0).revokedMembers()).containsExactly(m.get(1).ownLeaf());
    f.accountKeys.put("ann", annKey);
    m.get(0).maintain();
    assertThat(m.get(0).revokedMembers()).isEmpty();
    assertThat(m.get(0).roster().get(m.get(1).ownLeaf()).method())
        .isEqualTo("basic, account key");
  }

  @Test
  @DisplayName("remove(account): absent account and missing right are typed, nothing changes")
  void removeByAccount_absentOrWithoutRight_isTyped() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    MeetingFixtures.assertBreaks(MeetingRule.NOT_IN_MEETING, () -> m.get(0).remove("nobody"));
    MeetingFixtures.assertBreaks(MeetingRule.REMOVE_WITHOUT_RIGHT, () -> m.get(1).remove("ben"));
    MeetingFixtures.assertBreaks(MeetingRule.REMOVE_WITHOUT_RIGHT,
        () -> m.get(1).remove("nobody"));
    MeetingInternals.pollAll(m);
    for (Meeting member : m) {
      assertThat(member.epoch()).isEqualTo(2);
      assertThat(member.roster()).hasSize(3);
    }
  }
}
