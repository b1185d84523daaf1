package dev.sealmeet.attacks;

import dev.sealmeet.meeting.MeetingInternals;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.ForwardingDeliveryService;
import dev.sealmeet.meeting.Invitation;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.Roles;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.proto.WelcomeMessage;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.RequiredCapabilities;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lobby hijack (issue 17, finding 4): someone with an account who knows the meeting id claims a
 * waiting guest's KeyPackage, makes a group with the meeting's id, adds the guest and posts the
 * Welcome into the real meeting's log. The guest's invitation names the real admitter's key, so it
 * refuses the impostor's group, publishes a fresh KeyPackage, and the real host still admits it.
 */
class LobbyBindingAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  /** Mallory's group with the meeting's id, the guest added; returns the Welcome envelope. */
  private Envelope impostorWelcome(byte[] meetingId, String guest, boolean signed)
      throws SealmeetException {
    f.client("mallory");
    SigningIdentity mallory = f.identities.get("mallory");
    GroupConfig config = GroupConfig.defaults().withEncryptHandshake(false)
        .withCredentials(f.verifier().asCredentialValidator());
    Capabilities caps = new Capabilities(List.of(ProtocolVersion.MLS10), List.of(f.suite.id()),
        List.of(Roles.EXTENSION_TYPE, 0xF0A2), List.of(), List.of(1, 2));
    MlsGroup impostor = MlsGroup.create(KeyPackageBundle.create(f.suite, mallory, caps,
        Duration.ofDays(1), false, List.of(), config), mallory, meetingId,
        List.of(Roles.withHost(mallory.credential()).toExtension(),
            // The media parameters of spec §2.1 at their defaults.
            new Extension(0xF0A2, java.util.HexFormat.of().parseHex("00040402000007d0000003e8")),
            ExternalSender.toExtension(List.of(f.ds.externalSender())),
            new RequiredCapabilities(List.of(Roles.EXTENSION_TYPE, 0xF0A2), List.of(), List.of())
                .toExtension()),
        new PskStore(), config);
    KeyPackage keyPackage = (KeyPackage) MlsMessage.fromBytes(
        f.ds.claimKeyPackage(meetingId, guest).orElseThrow().keyPackage()).body();
    CommitResult added = impostor.commit(CommitRequest.empty().add(keyPackage));
    impostor.mergePendingCommit();
    byte[] welcome = added.welcome().orElseThrow().toBytes();
    WelcomeMessage.Builder body = WelcomeMessage.newBuilder().setEpoch(impostor.epoch())
        .addRecipients(guest).setMlsMessage(ByteString.copyFrom(welcome));
    if (signed) {
      body.setAdmitterSignature(ByteString.copyFrom(mallory.signWithLabel(f.suite,
          Invitation.WELCOME_LABEL,
              new TlsWriter().writeOpaque(meetingId).writeOpaque(welcome).toByteArray())));
    }
    impostor.close();
    return Envelope.newBuilder().setMeetingId(ByteString.copyFrom(meetingId)).setWelcome(body)
        .build();
  }

  /** A server that shows its clients envelopes it never ordered (here: an impostor's Welcome). */
  private static final class Injecting extends ForwardingDeliveryService {
    final List<Envelope> injected = new ArrayList<>();

    Injecting(DeliveryService next) {
      super(next);
    }

    @Override
    public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
        throws TransportException {
      List<SequencedEnvelope> out = new ArrayList<>(next.fetch(meetingId, fromSequence));
      // Shown between ordered entries: the client reads on from the last real sequence number.
      long sequence = out.isEmpty() ? Math.max(1, fromSequence - 1)
          : out.get(out.size() - 1).sequence();
      for (Envelope envelope : injected) {
        out.add(new SequencedEnvelope(sequence,
            envelope.toBuilder().setSequence(sequence).build().toByteArray()));
      }
      injected.clear();
      return out;
    }
  }

  @Test
  @DisplayName("the server refuses a Welcome no current member signed [SM-LOBBY-4] [SM-DS-7]")
  void impostorWelcome_isRefusedByTheServer() throws SealmeetException {
    Meeting host = Meeting.open(f.client("host"), f.ds);
    LobbyGuest.enter(f.client("zoe"), f.ds, host.invitation());
    assertThat(MeetingInternals.submit(f.ds, impostorWelcome(host.id(), "zoe", true)).status())
        .isEqualTo(SubmitStatus.REFUSED);
  }

  @Test
  @DisplayName("a guest refuses an impostor group with the meeting's id [SM-LOBBY-4]")
  void impostorWelcome_isRefused_andTheRealHostStillAdmits() throws SealmeetException {
    Meeting host = Meeting.open(f.client("host"), f.ds);
    Injecting server = new Injecting(f.ds);
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), server, host.invitation());
    server.injected.add(impostorWelcome(host.id(), "zoe", true));
    assertThat(zoe.poll()).isEmpty();
    server.injected.add(impostorWelcome(host.id(), "zoe", false));
    assertThat(zoe.poll()).isEmpty();
    assertThat(zoe.refused()).isEqualTo(2);
    host.admit("zoe");
    Meeting joined = zoe.poll().orElseThrow();
    host.poll();
    assertThat(joined.securityCode()).isEqualTo(host.securityCode());
    assertThat(joined.roster()).hasSize(2);
  }
}
