package dev.sealmeet.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.VerifiedIdentity;
import dev.sealmeet.mls.group.GroupRule;
import dev.sealmeet.mls.group.GroupRuleException;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 2020 weakness: identity was whatever display name a client claimed, vouched for by the server.
 * Here the attacker is an impostor (or the server acting for one) who publishes a KeyPackage under
 * a victim's account, and a careless host that would admit anyone.
 */
class WeakIdentityAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  @Test
  @DisplayName("a KeyPackage under a victim's name but not its key is refused [SM-ID-1]")
  void impostorKeyPackage_isRefused_andNobodyJoins() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    f.client("victim");
    LobbyGuest impostor = LobbyGuest.enter(f.unregistered("victim"), f.ds, m.get(0).invitation());
    long epoch = m.get(0).epoch();
    assertThatThrownBy(() -> m.get(0).admit("victim")).isInstanceOf(SealmeetException.class);
    assertThat(impostor.poll()).isEmpty();
    for (Meeting member : m) {
      member.poll();
      assertThat(member.epoch()).isEqualTo(epoch);
      assertThat(member.leafOf("victim")).isEmpty();
    }
  }

  @Test
  @DisplayName("a careless host's Add is refused by strict members [SM-ID-1] [SM-ID-2]")
  void carelessHostsAdd_ofUnverifiedIdentity_isRefusedByStrictMembers() throws SealmeetException {
    SigningIdentity hostIdentity = SigningIdentity.generate(f.suite,
        new BasicCredential("host".getBytes(StandardCharsets.UTF_8)));
    f.accountKeys.put("host", hostIdentity.signaturePublicKey());
    IdentityVerifier acceptsAnyone = (credential, key) -> Optional.of(new VerifiedIdentity(
        new String(((BasicCredential) credential).identity(), StandardCharsets.UTF_8), "none"));
    MeetingClient careless = new MeetingClient("host", hostIdentity, f.suite, acceptsAnyone,
        f.options);
    Meeting host = Meeting.open(careless, f.ds);
    LobbyGuest annGuest = LobbyGuest.enter(f.client("ann"), f.ds, host.invitation());
    host.admit("ann");
    Meeting ann = annGuest.poll().orElseThrow();
    long epoch = ann.epoch();
    String code = ann.securityCode();
    LobbyGuest.enter(f.unregistered("mallory"), f.ds, host.invitation());
    host.admit("mallory");
    ann.poll();
    assertThat(ann.epoch()).isEqualTo(epoch);
    assertThat(ann.securityCode()).isEqualTo(code);
    assertThat(ann.leafOf("mallory")).isEmpty();
    assertThat(ann.rejected()).singleElement().isInstanceOfSatisfying(GroupRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(GroupRule.CREDENTIAL_REJECTED));
  }

  @Test
  @DisplayName("the roster names accounts the verifier vouched for, never a claimed name [SM-ID-2]")
  void roster_showsVerifiedAccountsOnly() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    for (Meeting member : m) {
      assertThat(member.roster().values()).extracting(VerifiedIdentity::method)
          .containsOnly("basic, account key");
      assertThat(member.roster().values()).extracting(VerifiedIdentity::account)
          .containsExactly("host", "ann", "ben");
    }
  }
}
