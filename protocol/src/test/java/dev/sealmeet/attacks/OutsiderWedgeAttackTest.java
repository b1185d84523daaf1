package dev.sealmeet.attacks;

import dev.sealmeet.meeting.MeetingInternals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.MediaTransitions;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import com.google.protobuf.ByteString;
import dev.sealmeet.meeting.Roles;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Someone who knows only the meeting id (issue 17, findings 5 and 8) tries to stall the meeting or
 * grow its members' heaps with envelopes of its own making.
 */
class OutsiderWedgeAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  private static final Capabilities CAPS = new Capabilities(List.of(ProtocolVersion.MLS10),
      List.of(1), List.of(Roles.EXTENSION_TYPE, 0xF0A2), List.of(), List.of(1, 2));

  @Test
  @DisplayName("a junk commit envelope for the current epoch is refused by the server [SM-DS-7]")
  void junkCommit_isRefused_noStall() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    long epoch = m.get(0).epoch();
    int logged = MeetingInternals.recorded(f.ds, m.get(0).id()).size();
    SubmitResult result = MeetingInternals.submit(f.ds, Envelope.newBuilder()
        .setMeetingId(ByteString.copyFrom(m.get(0).id()))
        .setHandshake(Handshake.newBuilder().setKind(Handshake.Kind.COMMIT).setEpoch(epoch)
            .setMlsMessage(ByteString.copyFrom(new byte[] {0, 1, 0, 1, 2, 3})))
        .build());
    assertThat(result.status()).isEqualTo(SubmitStatus.REFUSED);
    assertThat(f.ds.epoch(m.get(0).id())).isEqualTo(epoch);
    assertThat(MeetingInternals.recorded(f.ds, m.get(0).id())).hasSize(logged);
    m.get(1).update();
    MeetingInternals.pollAll(m);
    for (Meeting member : m) {
      assertThat(member.stall()).isEmpty();
      assertThat(member.epoch()).isEqualTo(epoch + 1);
    }
  }

  @Test
  @DisplayName("an impostor's signed commit for the meeting's group id is refused [SM-DS-7]")
  void impostorCommit_signedByNoMember_isRefused() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] id = m.get(0).id();
    f.client("mallory");
    SigningIdentity mallory = f.identities.get("mallory");
    GroupConfig config = GroupConfig.defaults().withEncryptHandshake(false);
    MlsGroup impostor = MlsGroup.create(KeyPackageBundle.create(f.suite, mallory, CAPS,
        Duration.ofDays(1), false, List.of(), config), mallory, id,
        List.of(Roles.withHost(mallory.credential()).toExtension()), new PskStore(), config);
    while (impostor.epoch() < m.get(0).epoch()) {
      impostor.commit(CommitRequest.empty().forcePath());
      impostor.mergePendingCommit();
    }
    MlsMessage commit = impostor.commit(CommitRequest.empty().forcePath()).commit();
    Envelope envelope = Envelope.newBuilder().setMeetingId(ByteString.copyFrom(id))
        .setHandshake(Handshake.newBuilder().setKind(Handshake.Kind.COMMIT)
            .setEpoch(impostor.epoch()).setMlsMessage(ByteString.copyFrom(commit.toBytes()))
            .setGroupInfo(ByteString.copyFrom(impostor.pendingGroupInfo(true).toBytes())))
        .build();
    assertThat(MeetingInternals.submit(f.ds, envelope).status()).isEqualTo(SubmitStatus.REFUSED);
    MeetingInternals.pollAll(m);
    assertThat(m).allSatisfy(member -> assertThat(member.stall()).isEmpty());
    impostor.close();
  }

  @Test
  @DisplayName("junk envelopes keep a bounded rejection list [SM-CTRL-4]")
  void junkFlood_keepsRejectedBounded() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    for (int i = 0; i < 1000; i++) {
      MeetingInternals.submit(f.ds,
          Envelope.newBuilder().setMeetingId(ByteString.copyFrom(m.get(0).id()))
          .setMedia(MediaFrame.newBuilder().setKind(MediaFrame.Kind.VIDEO)
              .setSframe(ByteString.copyFrom(new byte[] {(byte) i, 1, 2, 3})))
          .build());
    }
    Meeting ann = m.get(1);
    ann.poll();
    // Junk whose KID names the next epoch is held (bounded) until that epoch or its hold time
    // comes, then dropped and counted; every other piece is rejected at once.
    long held = ann.media().stats().held();
    assertThat(held).isLessThanOrEqualTo(MediaTransitions.defaults().holdTotal());
    assertThat(ann.rejectedCount() + held).isEqualTo(1000);
    assertThat(ann.rejected()).hasSize(Meeting.MAX_REJECTED);
  }
}
