package dev.sealmeet.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.AuthenticatedFrame;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingListener;
import dev.sealmeet.meeting.SenderAuthentication;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.auth.ForgeryReason;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.util.ArrayList;
import java.util.List;
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
  private Meeting bob;
  private final AttackFixtures f = new AttackFixtures(clock::get, new MeetingListener() {
    @Override
    public void frameForged(Meeting meeting, ForgedFrame forged) {
      if (meeting == bob) {
        toldBob.add(forged);
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
}
