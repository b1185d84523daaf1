package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.meeting.proto.MeetingEnded;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.RequiredCapabilities;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.protocol.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules of the Sealmeet profile ({@code spec/protocol.md}) that no other test names: the
 * meeting's GroupContext extensions, PublicMessage handshakes, the roles extension's encoding, a
 * host always kept, an end only from a host, and envelopes of another meeting.
 */
class MeetingProfileTest {
  private final MeetingFixtures f = new MeetingFixtures();

  @Test
  @DisplayName("the GroupContext holds the meeting extensions [SM-MLS-3]")
  void groupContext_holdsTheMeetingExtensions() throws SealmeetException {
    Meeting host = Meeting.open(f.client("host"), f.ds);
    List<Extension> extensions = host.group().context().extensions();
    assertThat(extensions).extracting(Extension::extensionType)
        .containsExactlyInAnyOrder(Roles.EXTENSION_TYPE, MediaParameters.EXTENSION_TYPE,
            SenderAuthRequirement.EXTENSION_TYPE, Extensions.EXTERNAL_SENDERS,
            Extensions.REQUIRED_CAPABILITIES);
    assertThat(MediaParameters.in(extensions)).contains(MediaParameters.defaults());
    assertThat(Roles.in(extensions).orElseThrow().roleOf(f.identities.get("host").credential()))
        .isEqualTo(Role.HOST);
    assertThat(ExternalSender.in(extensions)).containsExactly(f.ds.externalSender());
    assertThat(RequiredCapabilities.in(extensions).orElseThrow().extensionTypes())
        .containsExactly(Roles.EXTENSION_TYPE, MediaParameters.EXTENSION_TYPE,
            SenderAuthRequirement.EXTENSION_TYPE);

    MeetingClient plain = f.client("plain");
    MlsGroup notAMeeting = MlsGroup.create(plain.newKeyPackage(false), plain.identity(),
        new byte[32], List.of(), new PskStore(), plain.config());
    assertThatThrownBy(() -> MeetingStart.joined(plain, f.ds, notAMeeting, 1))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  @DisplayName("proposals and commits travel as PublicMessage [SM-MLS-2]")
  void handshakes_travelAsPublicMessage() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(1).update();
    m.get(2).leave();
    m.get(0).commitPending();
    List<Handshake> handshakes = MeetingInternals.recorded(f.ds, m.get(0).id()).stream()
        .filter(Envelope::hasHandshake).map(Envelope::getHandshake).toList();
    assertThat(handshakes).extracting(Handshake::getKind)
        .contains(Handshake.Kind.PROPOSAL, Handshake.Kind.COMMIT);
    for (Handshake h : handshakes) {
      assertThat(MlsMessage.fromBytes(h.getMlsMessage().toByteArray()).wireFormat())
          .isEqualTo(WireFormat.PUBLIC_MESSAGE);
    }
  }

  private static byte[] roles(Consumer<TlsWriter> entries) {
    TlsWriter writer = new TlsWriter();
    writer.writeVector(entries);
    return writer.toByteArray();
  }

  @Test
  @DisplayName("the roles extension decodes only sorted, unique entries of known roles [SM-ROLE-1]")
  void rolesExtension_rejectsMalformedData() throws SealmeetException {
    byte[] good = roles(w -> {
      w.writeOpaque(new byte[] {1});
      w.writeUint8(3);
      w.writeOpaque(new byte[] {2});
      w.writeUint8(2);
    });
    Roles decoded = Roles.in(List.of(new Extension(Roles.EXTENSION_TYPE, good))).orElseThrow();
    assertThat(decoded.size()).isEqualTo(2);
    assertThat(decoded.toExtension().extensionData()).isEqualTo(good);
    List<byte[]> bad = List.of(
        roles(w -> w.writeOpaque(new byte[] {1}).writeUint8(4)),
        roles(w -> w.writeOpaque(new byte[] {1}).writeUint8(1)),
        roles(w -> w.writeOpaque(new byte[] {2}).writeUint8(3).writeOpaque(new byte[] {1})
            .writeUint8(3)),
        roles(w -> w.writeOpaque(new byte[] {1}).writeUint8(3).writeOpaque(new byte[] {1})
            .writeUint8(2)),
        java.util.Arrays.copyOf(good, good.length + 1));
    for (byte[] data : bad) {
      assertThatThrownBy(() -> Roles.in(List.of(new Extension(Roles.EXTENSION_TYPE, data))))
          .isInstanceOf(DecodeException.class);
    }
    assertThat(Roles.in(List.of())).isEmpty();
  }

  @Test
  @DisplayName("the roles extension's exact bytes: inner length, encoded credentials, bob before "
      + "alice [SM-ROLE-1]")
  void rolesExtension_exactBytes_sortEncodedCredentials() throws SealmeetException {
    Credential alice = new BasicCredential("alice".getBytes(StandardCharsets.UTF_8));
    Credential bob = new BasicCredential("bob".getBytes(StandardCharsets.UTF_8));
    Roles roles = Roles.withHost(alice).with(bob, Role.MODERATOR);
    // roles<V> = 0x12 bytes: (0x06 "0001 03 626f62", role 2), (0x08 "0001 05 616c696365", role 3)
    assertThat(Hex.encode(roles.toExtension().extensionData()))
        .isEqualTo("12" + "06" + "000103626f62" + "02" + "08" + "000105616c696365" + "03");
    assertThat(Roles.in(List.of(roles.toExtension())).orElseThrow()).isEqualTo(roles);
  }

  @Test
  @DisplayName("a roles change that leaves no host is rejected by every member [SM-ROLE-6]")
  void rolesWithoutHost_areRejected() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting host = m.get(0);
    Roles demoted = host.roles().with(f.identities.get("host").credential(), Role.MODERATOR);
    long epoch = f.submitUnchecked(host, CommitRequest.empty().groupContextExtensions(
        demoted.replaceIn(host.group().context().extensions())));
    MeetingFixtures.assertAllReject(List.of(m.get(1), m.get(2)), epoch, MeetingRule.NO_HOST_LEFT);
  }

  @Test
  @DisplayName("an end message from a participant is refused and nobody's keys go [SM-END-2]")
  void endFromParticipant_isRefused() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting ann = m.get(1);
    MlsMessage end = ann.group().protect(
        "sealmeet end of meeting".getBytes(StandardCharsets.US_ASCII), new byte[0]);
    MeetingInternals.submit(f.ds, Envelope.newBuilder().setMeetingId(ByteString.copyFrom(ann.id()))
        .setEnded(MeetingEnded.newBuilder().setEpoch(ann.epoch())
            .setMlsMessage(ByteString.copyFrom(end.toBytes())))
        .build());
    for (Meeting other : List.of(m.get(0), m.get(2))) {
      other.poll();
      assertThat(other.status()).isEqualTo(Meeting.Status.ACTIVE);
      assertThat(other.media().canSend()).isTrue();
      assertThat(other.rejected()).singleElement().isInstanceOfSatisfying(
          MeetingRuleException.class,
          e -> assertThat(e.rule()).isEqualTo(MeetingRule.END_WITHOUT_RIGHT));
    }
  }

  @Test
  @DisplayName("an envelope of another meeting is rejected [SM-CTRL-2]")
  void envelopeOfAnotherMeeting_isRejected() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] frame = m.get(0).send(MediaKind.AUDIO, new byte[] {1});
    byte[] otherId = new byte[32];
    Envelope foreign = ProtoEnvelopes.media(otherId, MediaKind.AUDIO, frame);
    assertThatThrownBy(() -> m.get(1).process(foreign.toByteArray())).isInstanceOfSatisfying(
        MeetingRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNEXPECTED_ENVELOPE));
    assertThat(m.get(1).poll()).hasSize(1);
  }
}
