package dev.sealmeet.attacks;

import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.MediaKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.mls.group.ExternalJoinResult;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 2020 weakness: the vendor's server generated the meeting key and held it. Here the attacker is
 * the delivery service itself, with everything it stores (the ordered log, the KeyPackage
 * directory) and its own signing key as the group's external sender.
 */
class ServerHeldKeysAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  @Test
  @DisplayName("the delivery service stores no media key and opens no frame [SM-DS-1] [SM-MEDIA-1]")
  void deliveryService_storesNoKey_andOpensNoFrame() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(0).update();
    MeetingInternals.pollAll(m);
    for (Meeting member : m) {
      member.send(MediaKind.AUDIO, "secret words".getBytes(StandardCharsets.UTF_8));
    }
    List<byte[]> wire = f.wire(m.get(0).id());
    assertThat(f.installed).isNotEmpty();
    for (AttackFixtures.InstalledKey key : f.installed) {
      assertThat(wire).noneMatch(bytes -> AttackFixtures.contains(bytes, key.baseKey()));
    }
    byte[] authenticator = MeetingInternals.group(m.get(0)).epochAuthenticator();
    assertThat(wire).noneMatch(bytes -> AttackFixtures.contains(bytes, authenticator));
    assertThat(wire).noneMatch(bytes -> AttackFixtures.contains(bytes,
        "secret words".getBytes(StandardCharsets.UTF_8)));
    List<byte[]> frames = MeetingInternals.recorded(f.ds,
        m.get(0).id()).stream().filter(Envelope::hasMedia)
        .map(e -> e.getMedia().getSframe().toByteArray()).toList();
    assertThat(frames).hasSize(3);
    // Only member keys open the frames (the updater still sends under the previous epoch for its
    // send delay); the server's own key material is no media key at all.
    assertThat(frames).allMatch(frame -> f.keysOf("ann").stream()
        .anyMatch(key -> AttackFixtures.opens(key.baseKey(), frame)));
    byte[] serverKey = f.ds.externalSender().signatureKey();
    assertThat(frames).noneMatch(frame -> AttackFixtures.opens(
        java.util.Arrays.copyOf(serverKey, 16), frame));
  }

  @Test
  @DisplayName("the server cannot give itself keys by joining from a GroupInfo [SM-ROLE-5]")
  void deliveryService_externalJoin_isRejectedByEveryMember() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    long epoch = m.get(1).epoch();
    String code = m.get(1).securityCode();
    // Worst case: a GroupInfo with external_pub leaked to the server.
    var groupInfo = MeetingInternals.group(m.get(0)).groupInfo(true);
    SigningIdentity server = SigningIdentity.generate(f.suite,
        new BasicCredential("sealmeet delivery service".getBytes(StandardCharsets.UTF_8)));
    f.accountKeys.put("sealmeet delivery service", server.signaturePublicKey());
    ExternalJoinResult joined = MlsGroup.joinExternal(groupInfo, Optional.empty(), server,
        new Capabilities(List.of(ProtocolVersion.MLS10), List.of(f.suite.id()),
            List.of(dev.sealmeet.meeting.Roles.EXTENSION_TYPE, 0xF0A2, 0xF0A3), List.of(),
            List.of(1, 2)),
        OptionalLong.empty(), List.of(), new PskStore(),
        GroupConfig.defaults().withEncryptHandshake(false));
    // The delivery service refuses it: no current member signed it. Members refuse it too.
    var envelope = MeetingInternals.handshake(m.get(0).id(), Handshake.Kind.COMMIT, epoch,
        joined.commit());
    org.assertj.core.api.Assertions.assertThat(MeetingInternals.submit(f.ds, envelope).status())
        .isEqualTo(SubmitStatus.REFUSED);
    for (Meeting member : m) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> MeetingInternals.process(member,
          envelope))
          .isInstanceOfSatisfying(MeetingRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(MeetingRule.EXTERNAL_JOIN));
      member.poll();
      assertThat(member.epoch()).isEqualTo(epoch);
      assertThat(member.securityCode()).isEqualTo(code);
      assertThat(member.roster()).hasSize(3);
      assertThat(member.rejected()).isEmpty();
    }
  }

  @Test
  @DisplayName("a proposal of the server changes nothing until a member commits it [SM-DS-4]")
  void deliveryService_proposalAlone_changesNothing() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    long epoch = m.get(1).epoch();
    f.ds.proposeRemove(m.get(0).id(), m.get(0).leafOf("host").getAsLong());
    for (Meeting member : m) {
      member.poll();
      assertThat(member.epoch()).isEqualTo(epoch);
      assertThat(member.roster()).hasSize(3);
      assertThat(member.status()).isEqualTo(Meeting.Status.ACTIVE);
    }
  }
}
