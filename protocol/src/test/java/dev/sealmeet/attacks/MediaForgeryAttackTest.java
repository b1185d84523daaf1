package dev.sealmeet.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.AuthenticatedFrame;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingListener;
import dev.sealmeet.meeting.SenderAuthentication;
import com.google.protobuf.ByteString;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.ProtoEnvelopes;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.auth.ForgeryReason;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The forgery threat-model.md names for media: a member, holding the epoch's {@code base_key} like
 * everyone, sends frames under another member's KID (RFC 9605 §9.2). In a real meeting, with sender
 * authentication attached ({@link SenderAuthentication}, spec §2.7) the receiver's listener is told
 * of every forged frame with the claimed sender; without it the forgery passes as that member's.
 */
class MediaForgeryAttackTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final List<ForgedFrame> toldBob = new CopyOnWriteArrayList<>();
  private final List<ForgedFrame> toldCarol = new CopyOnWriteArrayList<>();
  private Meeting bob;
  private final AttackFixtures f = new AttackFixtures(clock::get, new MeetingListener() {
    @Override
    public void frameForged(Meeting meeting, ForgedFrame forged) {
      if (meeting == bob) {
        toldBob.add(forged);
      } else if (meeting.account().equals("carol")) {
        toldCarol.add(forged);
      }
    }
  });

  /** Mallory's sender under {@code victimKid}, keyed with the base key the audit saw her install. */
  private SframeSender forgerUnder(Meeting mallory, long victimKid, long firstCtr) {
    byte[] baseKey = f.keysOf("mallory").stream().filter(k -> k.epoch() == mallory.epoch())
        .reduce((a, b) -> b).orElseThrow().baseKey();
    SframeSender forger = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    forger.addKey(victimKid, Secret.copyOf(baseKey), firstCtr);
    return forger;
  }

  @Test
  @DisplayName("[SM-AUTH-4] in a meeting, a member forging frames under the host's KID is reported "
      + "to the receiver's listener with the claimed sender; honest frames are verified")
  void memberForgesHostFrames_SM_AUTH_4_reportedWithClaimedSender() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob", "mallory");
    Meeting alice = m.get(0);
    bob = m.get(1);
    Meeting mallory = m.get(2);
    SenderAuthentication aliceAuth = SenderAuthentication.attach(alice, SenderAuthParams.defaults());
    SenderAuthentication bobAuth = SenderAuthentication.attach(bob, SenderAuthParams.defaults());
    long aliceKid = alice.media().sendKid();
    long aliceLeaf = bob.media().layout().senderOf(aliceKid);
    SframeSender forger = forgerUnder(mallory, aliceKid, 500);
    List<AuthenticatedFrame> honest = new ArrayList<>();
    List<AuthenticatedFrame> forged = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      honest.add(bobAuth.unprotect(aliceAuth.protect(1, ("alice " + i).getBytes())));
      if (i % 4 == 0) {
        AuthenticatedFrame fake =
            bobAuth.unprotect(forger.protect(aliceKid, null, ("fake " + i).getBytes()));
        assertThat(fake.frame().senderLeaf()).isEqualTo(aliceLeaf); // it claims to be Alice's
        assertThat(fake.status()).isEqualTo(FrameAuthStatus.PENDING);
        forged.add(fake);
      }
      for (byte[] signature : aliceAuth.signatureFrames()) {
        bobAuth.unprotectSignature(signature);
      }
      clock.addAndGet(20_000_000L);
      bobAuth.maintain();
    }
    clock.addAndGet(SenderAuthParams.defaults().maxDelay().toNanos());
    for (byte[] signature : aliceAuth.signatureFrames()) {
      bobAuth.unprotectSignature(signature);
    }
    clock.addAndGet(SenderAuthParams.defaults().deadline().toNanos() + 1);
    bobAuth.maintain();

    assertThat(toldBob).hasSize(forged.size());
    for (AuthenticatedFrame fake : forged) {
      assertThat(toldBob).contains(
          new ForgedFrame(aliceKid, fake.ctr(), aliceLeaf, ForgeryReason.UNSIGNED));
      assertThat(bobAuth.status(fake.kid(), fake.ctr())).isEqualTo(FrameAuthStatus.FORGED);
    }
    for (AuthenticatedFrame h : honest) {
      assertThat(bobAuth.status(h.kid(), h.ctr())).isEqualTo(FrameAuthStatus.VERIFIED);
    }
  }

  @Test
  @DisplayName("[SM-AUTH-4] a removed member forging under the host's KID of its last epoch, "
      + "within the receiver's grace, is reported")
  void removedMemberForgesOldEpoch_SM_AUTH_4_reported() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob", "mallory");
    Meeting alice = m.get(0);
    bob = m.get(1);
    Meeting mallory = m.get(2);
    SenderAuthentication bobAuth = SenderAuthentication.attach(bob, SenderAuthParams.defaults());
    long oldAliceKid = alice.media().sendKid();
    SframeSender forger = forgerUnder(mallory, oldAliceKid, 700);
    alice.remove("mallory");
    bob.poll();
    bobAuth.maintain();
    assertThat(bob.media().sendKid()).isNotEqualTo(oldAliceKid); // a new epoch
    List<AuthenticatedFrame> forged = new ArrayList<>();
    for (int i = 0; i < 5; i++) { // the old epoch is still within bob's grace: frames decrypt
      forged.add(bobAuth.unprotect(forger.protect(oldAliceKid, null, ("fake " + i).getBytes())));
    }
    clock.addAndGet(SenderAuthParams.defaults().deadline().toNanos() + 1);
    bobAuth.maintain();
    for (AuthenticatedFrame fake : forged) {
      assertThat(toldBob).contains(new ForgedFrame(oldAliceKid, fake.ctr(),
          bob.media().layout().senderOf(oldAliceKid), ForgeryReason.UNSIGNED));
    }
    assertThat(toldBob).hasSize(forged.size());
  }

  @Test
  @DisplayName("without sender authentication a member's forgery under the host's KID decrypts as "
      + "the host's frame (RFC 9605 §9.2)")
  void memberForgesHostFrames_withoutAuthentication_passes() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob", "mallory");
    bob = m.get(1);
    long aliceKid = m.get(0).media().sendKid();
    SframeSender forger = forgerUnder(m.get(2), aliceKid, 0);
    byte[] fake = forger.protect(aliceKid, null, "I resign".getBytes());
    assertThat(bob.media().unprotect(null, fake).senderLeaf())
        .isEqualTo(bob.media().layout().senderOf(aliceKid));
    assertThat(bob.media().unprotect(null, forger.protect(aliceKid, null, "x".getBytes()))
        .payload()).isEqualTo("x".getBytes());
    assertThat(toldBob).isEmpty();
  }

  @Test
  @DisplayName("[SM-AUTH-11] with the defaults, a member forging under another's KID through the "
      + "delivery service is reported forged with the claimed sender at every receiver, never "
      + "VERIFIED; the honest frames are")
  void memberForgesThroughTheDeliveryService_SM_AUTH_11_reported() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob", "carol", "mallory");
    Meeting alice = m.get(0);
    bob = m.get(1);
    Meeting carol = m.get(2);
    Meeting mallory = m.get(3);
    long aliceKid = alice.media().sendKid();
    long aliceLeaf = alice.ownLeaf();
    SframeSender forger = forgerUnder(mallory, aliceKid, 500);
    Map<Meeting, List<ReceivedFrame>> got = new HashMap<>();
    List<Long> forgedCtrs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      alice.send(MediaKind.AUDIO, ("alice " + i).getBytes());
      if (i % 4 == 0) {
        byte[] fake = forger.protect(aliceKid, null, ("fake " + i).getBytes());
        forgedCtrs.add(SframeHeader.decode(ByteBuffer.wrap(fake)).ctr());
        MeetingInternals.submit(f.ds, ProtoEnvelopes.media(alice.id(), MediaKind.AUDIO, fake));
      }
      clock.addAndGet(20_000_000L);
      pollAll(m, got);
    }
    clock.addAndGet(SenderAuthParams.defaults().maxDelay().toNanos());
    pollAll(m, got);
    pollAll(m, got);
    clock.addAndGet(SenderAuthParams.defaults().deadline().toNanos() + 1);
    pollAll(m, got);

    for (Meeting receiver : List.of(bob, carol)) {
      List<ReceivedFrame> frames = got.get(receiver);
      assertThat(frames).hasSize(50).allSatisfy(fr -> assertThat(fr.senderLeaf())
          .isEqualTo(aliceLeaf)); // every one claims to be Alice's
      for (ReceivedFrame fr : frames) {
        FrameAuthStatus status =
            receiver.senderAuthentication().orElseThrow().status(fr.kid(), fr.ctr());
        assertThat(status).as(receiver.account() + " " + fr).isEqualTo(
            forgedCtrs.contains(fr.ctr()) ? FrameAuthStatus.FORGED : FrameAuthStatus.VERIFIED);
      }
    }
    for (List<ForgedFrame> told : List.of(toldBob, toldCarol)) {
      assertThat(told).hasSize(forgedCtrs.size());
      for (long ctr : forgedCtrs) {
        assertThat(told).contains(new ForgedFrame(aliceKid, ctr, aliceLeaf,
            ForgeryReason.UNSIGNED));
      }
    }
  }

  @Test
  @DisplayName("[SM-AUTH-11] a forgery at the CTR the victim sends next is proved: its signature "
      + "lists another tag (TAG_MISMATCH)")
  void forgeryAtTheVictimsNextCtr_SM_AUTH_11_isTagMismatch() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob", "mallory");
    Meeting alice = m.get(0);
    bob = m.get(1);
    long aliceKid = alice.media().sendKid();
    long next = SframeHeader.decode(ByteBuffer.wrap(
        alice.send(MediaKind.VIDEO, new byte[] {0}))).ctr() + 1;
    byte[] fake = forgerUnder(m.get(2), aliceKid, next).protect(aliceKid, null, "x".getBytes());
    MeetingInternals.submit(f.ds, ProtoEnvelopes.media(alice.id(), MediaKind.VIDEO, fake));
    for (int i = 1; i < SenderAuthParams.defaults().framesPerSignature(); i++) {
      alice.send(MediaKind.VIDEO, new byte[] {(byte) i}); // the first is refused as a replay
    }
    bob.poll();
    assertThat(toldBob).containsExactly(
        new ForgedFrame(aliceKid, next, alice.ownLeaf(), ForgeryReason.TAG_MISMATCH));
    assertThat(bob.senderAuthentication().orElseThrow().status(aliceKid, next))
        .isEqualTo(FrameAuthStatus.FORGED);
  }

  @Test
  @DisplayName("[SM-AUTH-11] a removed member replaying its old frames through the delivery "
      + "service is refused, and its forgeries under the host's old KID are reported")
  void removedMemberReplays_SM_AUTH_11_refused_forgeriesReported() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob", "mallory");
    Meeting alice = m.get(0);
    bob = m.get(1);
    Meeting mallory = m.get(2);
    List<byte[]> old = new ArrayList<>();
    for (int i = 0; i < SenderAuthParams.defaults().framesPerSignature(); i++) {
      old.add(mallory.send(MediaKind.AUDIO, new byte[] {(byte) i}));
    }
    assertThat(bob.poll()).hasSize(old.size()).allSatisfy(fr -> assertThat(
        bob.senderAuthentication().orElseThrow().status(fr.kid(), fr.ctr()))
        .isEqualTo(FrameAuthStatus.VERIFIED));
    long oldAliceKid = alice.media().sendKid();
    SframeSender forger = forgerUnder(mallory, oldAliceKid, 700);
    alice.remove("mallory");
    bob.poll();
    long rejectedBefore = bob.rejectedCount();
    for (byte[] sframe : old) {
      MeetingInternals.submit(f.ds, ProtoEnvelopes.media(alice.id(), MediaKind.AUDIO, sframe));
    }
    List<Long> forgedCtrs = new ArrayList<>();
    for (int i = 0; i < 5; i++) { // the old epoch is still within bob's grace
      byte[] fake = forger.protect(oldAliceKid, null, ("fake " + i).getBytes());
      forgedCtrs.add(SframeHeader.decode(ByteBuffer.wrap(fake)).ctr());
      MeetingInternals.submit(f.ds, ProtoEnvelopes.media(alice.id(), MediaKind.AUDIO, fake));
    }
    List<ReceivedFrame> frames = bob.poll();
    assertThat(bob.rejectedCount() - rejectedBefore).isEqualTo(old.size());
    assertThat(frames).extracting(ReceivedFrame::ctr).containsExactlyElementsOf(forgedCtrs);
    assertThat(frames).allSatisfy(fr -> assertThat(fr.authStatus())
        .isEqualTo(FrameAuthStatus.PENDING));
    clock.addAndGet(SenderAuthParams.defaults().deadline().toNanos() + 1);
    bob.poll();
    long aliceLeaf = alice.ownLeaf();
    assertThat(toldBob).hasSize(forgedCtrs.size());
    for (long ctr : forgedCtrs) {
      assertThat(toldBob).contains(
          new ForgedFrame(oldAliceKid, ctr, aliceLeaf, ForgeryReason.UNSIGNED));
    }
  }

  @Test
  @DisplayName("[SM-AUTH-9] a delivery service re-attributing frames (another KID in the header, "
      + "a media frame relabelled as a signature or back, a signature frame re-sent) gets them "
      + "refused or changes nothing")
  void deliveryServiceReattributing_SM_AUTH_9_isRefused() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob", "carol");
    Meeting alice = m.get(0);
    bob = m.get(1);
    Meeting carol = m.get(2);
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < SenderAuthParams.defaults().framesPerSignature(); i++) {
      sent.add(alice.send(MediaKind.AUDIO, new byte[] {(byte) i}));
    }
    byte[] carolFrame = carol.send(MediaKind.AUDIO, new byte[] {9});
    List<Envelope> log = MeetingInternals.recorded(f.ds, alice.id());
    Envelope signature = log.stream().filter(e -> e.hasMedia()
        && e.getMedia().getKind() == MediaFrame.Kind.SIGNATURE).findFirst().orElseThrow();
    byte[] signatureFrame = signature.getMedia().getSframe().toByteArray();
    List<ReceivedFrame> honest = bob.poll();
    assertThat(honest).hasSize(sent.size() + 1);
    long rejectedBefore = bob.rejectedCount();

    SframeHeader carolHeader = SframeHeader.decode(ByteBuffer.wrap(carolFrame));
    byte[] rewritten = withHeader(carolFrame,
        new SframeHeader(alice.media().sendKid(), carolHeader.ctr() + 1000));
    List<Envelope> attacks = List.of(
        media(alice.id(), MediaFrame.Kind.AUDIO, rewritten), // Carol's frame as Alice's
        media(alice.id(), MediaFrame.Kind.AUDIO, signatureFrame), // a signature as media
        media(alice.id(), MediaFrame.Kind.SIGNATURE, sent.get(0)), // media as a signature
        media(alice.id(), MediaFrame.Kind.SIGNATURE, signatureFrame)); // the signature again
    for (Envelope attack : attacks) {
      MeetingInternals.submit(f.ds, attack);
    }
    assertThat(bob.poll()).isEmpty();
    assertThat(bob.rejectedCount() - rejectedBefore).isEqualTo(attacks.size());
    for (ReceivedFrame fr : honest) {
      assertThat(bob.senderAuthentication().orElseThrow().status(fr.kid(), fr.ctr()))
          .isEqualTo(fr.senderLeaf() == alice.ownLeaf() ? FrameAuthStatus.VERIFIED
              : FrameAuthStatus.PENDING);
    }
    assertThat(toldBob).isEmpty();
  }

  private static void pollAll(List<Meeting> members, Map<Meeting, List<ReceivedFrame>> got)
      throws SealmeetException {
    for (Meeting member : members) {
      got.computeIfAbsent(member, k -> new ArrayList<>()).addAll(member.poll());
    }
  }

  private static Envelope media(byte[] meetingId, MediaFrame.Kind kind, byte[] sframe) {
    return Envelope.newBuilder().setMeetingId(ByteString.copyFrom(meetingId))
        .setMedia(MediaFrame.newBuilder().setKind(kind).setSframe(ByteString.copyFrom(sframe)))
        .build();
  }

  /** {@code sframe} with its header replaced by {@code header}, ciphertext and tag unchanged. */
  private static byte[] withHeader(byte[] sframe, SframeHeader header) throws SealmeetException {
    int old = SframeHeader.decode(ByteBuffer.wrap(sframe)).encodedLength();
    byte[] h = header.encode();
    byte[] out = new byte[h.length + sframe.length - old];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(sframe, old, out, h.length, sframe.length - old);
    return out;
  }
}
