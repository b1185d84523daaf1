package dev.sealmeet.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.ByteString;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.Role;
import dev.sealmeet.meeting.Roles;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.MeetingEnded;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CredentialValidator;
import dev.sealmeet.mls.group.ExternalProposals;
import dev.sealmeet.mls.group.GroupRule;
import dev.sealmeet.mls.group.GroupRuleException;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.ReInitProposal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A participant with a modified client (or the delivery service as external sender) tries to
 * change roles, reinitialize, or wedge the meeting with proposals it slips past the role rules
 * (issue 17, findings 1, 2, 3, 9 and 10). Roles live in the group context only, every proposal a
 * commit applies is judged with its sender, and the meeting refuses on receipt every proposal it
 * does not use.
 */
class RolesAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  private static Roles contextRoles(Meeting member) throws SealmeetException {
    return Roles.in(MeetingInternals.group(member).context().extensions()).orElseThrow();
  }

  private static Envelope ended(Meeting sender, MlsMessage message) {
    return Envelope.newBuilder().setMeetingId(ByteString.copyFrom(sender.id()))
        .setEnded(MeetingEnded.newBuilder().setEpoch(sender.epoch())
            .setMlsMessage(ByteString.copyFrom(message.toBytes())))
        .build();
  }

  private SigningIdentity serverIdentity() throws ReflectiveOperationException {
    java.lang.reflect.Field field = InMemoryDeliveryService.class.getDeclaredField("identity");
    field.setAccessible(true);
    return (SigningIdentity) field.get(f.ds);
  }

  @Test
  @DisplayName("a roles proposal in an end envelope is dropped [SM-CTRL-3] [SM-ROLE-9]")
  void smuggledRolesProposal_inEndEnvelope_makesNoHost() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    MlsGroup group = MeetingInternals.group(ann);
    List<Extension> selfHost = Roles.withHost(group.members().get(ann.ownLeaf()))
        .replaceIn(group.context().extensions());
    long epoch = ann.epoch();
    Envelope smuggled = ended(ann, group.proposeGroupContextExtensions(selfHost));
    // The server refuses it (not an application PrivateMessage); a member given it refuses it too.
    assertThat(MeetingInternals.submit(f.ds, smuggled).status()).isEqualTo(SubmitStatus.REFUSED);
    for (Meeting other : List.of(m.get(0), m.get(2))) {
      assertThat(catchThrowable(() -> MeetingInternals.process(other,
          smuggled))).isInstanceOfSatisfying(
          MeetingRuleException.class,
          e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNEXPECTED_ENVELOPE));
    }
    // The participant then commits "nothing": its own store covers the proposal by reference.
    MeetingInternals.submit(f.ds, MeetingInternals.commit(ann,
        group.commit(CommitRequest.empty()).commit()));
    for (Meeting other : List.of(m.get(0), m.get(2))) {
      other.poll();
      assertThat(other.epoch()).isEqualTo(epoch);
      assertThat(MeetingInternals.group(other).pendingProposalCount()).isZero();
      assertThat(other.roleOf(ann.ownLeaf())).isEqualTo(Role.PARTICIPANT);
      assertThat(contextRoles(other).roleOf(group.members().get(ann.ownLeaf())))
          .isEqualTo(Role.PARTICIPANT);
      assertThat(other.stall()).hasValueSatisfying(stall -> assertThat(stall.reason())
          .isInstanceOfSatisfying(GroupRuleException.class, e -> assertThat(e.rule())
              .isEqualTo(GroupRule.UNKNOWN_PROPOSAL_REFERENCE)));
    }
  }

  @Test
  @DisplayName("a roles proposal sent as a proposal is refused on receipt [SM-PROP-1]")
  void rolesProposal_isRefusedOnReceipt() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    MlsGroup group = MeetingInternals.group(ann);
    List<Extension> selfHost = Roles.withHost(group.members().get(ann.ownLeaf()))
        .replaceIn(group.context().extensions());
    MeetingInternals.submit(f.ds, MeetingInternals.handshake(ann.id(), Handshake.Kind.PROPOSAL,
        ann.epoch(),
        group.proposeGroupContextExtensions(selfHost)));
    for (Meeting other : List.of(m.get(0), m.get(2))) {
      other.poll();
      assertThat(MeetingInternals.group(other).pendingProposalCount()).isZero();
      assertThat(other.rejected()).singleElement().isInstanceOfSatisfying(
          MeetingRuleException.class,
          e -> assertThat(e.rule()).isEqualTo(MeetingRule.PROPOSAL_REFUSED));
    }
    m.get(0).update();
    MeetingInternals.pollAll(m);
    assertThat(m.get(2).roleOf(ann.ownLeaf())).isEqualTo(Role.PARTICIPANT);
    assertThat(m.get(2).epoch()).isEqualTo(m.get(0).epoch());
  }

  @Test
  @DisplayName("a ReInit of a participant or the server is refused [SM-PROP-1] [SM-ROLE-9]")
  void reInit_fromParticipantOrServer_isRefused() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    MlsGroup group = MeetingInternals.group(ann);
    MeetingInternals.submit(f.ds, MeetingInternals.handshake(ann.id(), Handshake.Kind.PROPOSAL,
        ann.epoch(),
        group.proposeReInit(new byte[32], 1, List.of())));
    MeetingInternals.submit(f.ds, MeetingInternals.handshake(ann.id(), Handshake.Kind.PROPOSAL,
        ann.epoch(),
        ExternalProposals.fromExternalSender(f.suite, ann.id(), ann.epoch(), 0,
            serverIdentity(), new ReInitProposal(new byte[32], 1, 1, List.of()))));
    m.get(0).update();
    MeetingInternals.pollAll(m);
    assertThat(MeetingInternals.group(m.get(0)).status()).isEqualTo(MlsGroup.Status.ACTIVE);
    assertThat(m.get(2).epoch()).isEqualTo(m.get(0).epoch());
    // By value in the participant's own commit: every other member refuses it.
    group.discardPendingCommit();
    long epoch = ann.epoch();
    MeetingInternals.submit(f.ds, MeetingInternals.commit(ann,
        group.commit(CommitRequest.empty().with(
        new ReInitProposal(new byte[32], 1, 1, List.of()))).commit()));
    for (Meeting other : List.of(m.get(0), m.get(2))) {
      other.poll();
      assertThat(other.epoch()).isEqualTo(epoch);
      assertThat(other.stall()).hasValueSatisfying(s -> assertThat(s.reason())
          .isInstanceOfSatisfying(MeetingRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(MeetingRule.PROPOSAL_REFUSED)));
    }
    m.get(0).end();
    assertThat(m.get(0).status()).isEqualTo(Meeting.Status.ENDED);
  }

  @Test
  @DisplayName("an unknown PSK wedges nothing; end() works with a leave pending [SM-END-3]")
  void unknownPsk_andPendingLeave_blockNothing() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    byte[] nonce = new byte[32];
    MeetingInternals.submit(f.ds, MeetingInternals.handshake(ann.id(), Handshake.Kind.PROPOSAL,
        ann.epoch(),
        MeetingInternals.group(ann).proposePsk(
            new PreSharedKeyId.External("nobody has it".getBytes(StandardCharsets.UTF_8),
                nonce))));
    m.get(0).update();
    MeetingInternals.pollAll(m);
    assertThat(m.get(2).epoch()).isEqualTo(m.get(0).epoch());
    m.get(2).leave();
    m.get(0).end();
    ann.poll();
    m.get(2).poll();
    assertThat(ann.status()).isEqualTo(Meeting.Status.ENDED);
    assertThat(m.get(2).status()).isEqualTo(Meeting.Status.GONE);
  }

  @Test
  @DisplayName("a removed host re-admitted is a participant [SM-ROLE-8]")
  void removedHost_readmitted_isParticipant() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    host.assignRole(ann.ownLeaf(), Role.HOST);
    MeetingInternals.pollAll(m);
    ann.remove(host.ownLeaf());
    MeetingInternals.pollAll(m);
    LobbyGuest again = LobbyGuest.enter(f.client("host"), f.ds, ann.invitation());
    ann.admit("host");
    Meeting back = again.poll().orElseThrow();
    MeetingInternals.pollAll(m);
    for (Meeting member : List.of(ann, m.get(2), back)) {
      assertThat(member.roleOf(member.leafOf("host").getAsLong())).isEqualTo(Role.PARTICIPANT);
      assertThat(member.securityCode()).isEqualTo(back.securityCode());
    }
  }

  @Test
  @DisplayName("re-admitting a former host with its role is refused [SM-ROLE-8]")
  void readmissionKeepingTheRole_isRefused() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben", "cat");
    Meeting host = m.get(0);
    host.assignRole(m.get(1).ownLeaf(), Role.HOST);
    MeetingInternals.pollAll(m);
    m.get(1).assignRole(m.get(2).ownLeaf(), Role.MODERATOR);
    MeetingInternals.pollAll(m);
    m.get(1).remove(host.ownLeaf());
    MeetingInternals.pollAll(m);
    LobbyGuest.enter(f.client("host"), f.ds, m.get(1).invitation());
    Meeting ben = m.get(2);
    assertThat(catchThrowable(() -> ben.admit("host")))
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.ROLE_OUTLIVES_MEMBER));
    LobbyGuest.enter(f.client("host"), f.ds, m.get(1).invitation());
    long epoch = ben.epoch();
    MlsMessage kp = MlsMessage.fromBytes(
        f.ds.claimKeyPackage(ben.id(), "host").orElseThrow().keyPackage());
    MeetingInternals.submit(f.ds, MeetingInternals.commit(ben, MeetingInternals.group(ben).commit(
        CommitRequest.empty().add((dev.sealmeet.mls.message.KeyPackage) kp.body())).commit()));
    for (Meeting other : List.of(m.get(1), m.get(3))) {
      other.poll();
      assertThat(other.epoch()).isEqualTo(epoch);
      assertThat(other.stall()).hasValueSatisfying(s -> assertThat(s.reason())
          .isInstanceOfSatisfying(MeetingRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(MeetingRule.ROLE_OUTLIVES_MEMBER)));
    }
  }

  @Test
  @DisplayName("a credential swapped to another account is refused [SM-ID-3]")
  void credentialReplacement_toAnotherAccount_isRefused() {
    f.client("ann");
    SigningIdentity ann = f.identities.get("ann");
    f.client("eve");
    SigningIdentity eve = f.identities.get("eve");
    CredentialValidator validator = f.verifier().asCredentialValidator();
    assertThat(validator.accepts(eve.credential(), eve.signaturePublicKey())).isTrue();
    assertThat(validator.acceptsReplacement(ann.credential(), eve.credential(),
        eve.signaturePublicKey())).isFalse();
    assertThat(validator.acceptsReplacement(ann.credential(), ann.credential(),
        ann.signaturePublicKey())).isTrue();
    assertThat(validator.acceptsReplacement(ann.credential(),
        new BasicCredential("ann".getBytes(StandardCharsets.UTF_8)),
        eve.signaturePublicKey())).isFalse();
  }

  @Test
  @DisplayName("an end message replayed in a handshake envelope consumes nothing [SM-CTRL-3]")
  void endMessage_inHandshakeEnvelope_consumesNoGeneration() throws Exception {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ben = m.get(2);
    m.get(0).end();
    List<Envelope> log = MeetingInternals.fetch(f.ds, ben.id(), ben.nextSequence());
    Envelope end = log.get(log.size() - 1);
    Envelope disguised = MeetingInternals.handshake(ben.id(), Handshake.Kind.COMMIT,
        ben.epoch(), MlsMessage.fromBytes(end.getEnded().getMlsMessage().toByteArray()));
    assertThat(catchThrowable(() -> MeetingInternals.process(ben, disguised)))
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNEXPECTED_ENVELOPE));
    ben.poll();
    assertThat(ben.status()).isEqualTo(Meeting.Status.ENDED);
  }
}
