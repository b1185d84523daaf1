package dev.sealmeet.sframe.auth;

import static dev.sealmeet.sframe.auth.AuthWorld.TICK;
import static dev.sealmeet.sframe.auth.AuthWorld.ctrOf;
import static dev.sealmeet.sframe.auth.AuthWorld.key;
import static dev.sealmeet.sframe.auth.AuthWorld.kid;
import static dev.sealmeet.sframe.auth.AuthWorld.kidOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeSender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The forgery RFC 9605 §9.2 leaves open: every member derives every sender's SFrame key from the
 * shared {@code base_key}, so a member can send frames under another member's KID. With sender
 * authentication (spec §2.7) every such frame is reported forged within the deadline and none is
 * ever verified; without it, the forgery decrypts as the victim's frame.
 */
class SenderForgeryAttackTest {
  private static final long EPOCH = 1;
  private static final int ALICE = 0;
  private static final int MALLORY = 2;
  private static final long AUDIO = 1;

  /** Mallory's sender holding Alice's key: what any member can derive (RFC 9605 §4.4.2). */
  private static SframeSender forgerAs(AuthWorld w, int victim, long epoch, long firstCtr) {
    SframeSender forger = new SframeSender(AuthWorld.SUITE);
    forger.addKey(kid(victim, epoch), w.baseKeys.get(epoch), firstCtr);
    return forger;
  }

  @Test
  @DisplayName("[SM-AUTH-4] an insider forging under another member's KID: every forged frame is "
      + "reported forged within the deadline, none verified, no honest frame forged")
  void insiderForgery_SM_AUTH_4_everyForgedFrameReported() throws SealmeetException {
    AuthWorld w = new AuthWorld(3, AuthWorld.N16);
    w.installEpoch(EPOCH);
    AuthWorld.Member alice = w.new Member(ALICE, EPOCH);
    // Forger 1 races ahead of Alice on the CTRs she is about to use; forger 2 uses CTRs far above.
    SframeSender ahead = forgerAs(w, ALICE, EPOCH, 40);
    SframeSender far = forgerAs(w, ALICE, EPOCH, 1_000); // within the replay window
    Set<String> forgedFrames = new HashSet<>();
    Set<String> honestFrames = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      if (i >= 30 && i < 50) { // 20 forged frames Alice's CTRs 40..59 will also carry
        byte[] forged = ahead.protect(kid(ALICE, EPOCH), null, ("fake " + i).getBytes());
        w.receiveMedia(forged);
        forgedFrames.add(key(kidOf(forged), ctrOf(forged)));
      }
      if (i >= 200 && i < 240) { // 40 forged frames while Alice is silent
        byte[] forged = far.protect(kid(ALICE, EPOCH), null, ("fake " + i).getBytes());
        assertThat(w.receiveMedia(forged)).isEqualTo(FrameAuthStatus.PENDING);
        forgedFrames.add(key(kidOf(forged), ctrOf(forged)));
      }
      if (i < 200 || i >= 260) {
        byte[] frame = alice.media(AUDIO, ("voice " + i).getBytes());
        try {
          w.receiveMedia(frame);
          honestFrames.add(key(kidOf(frame), ctrOf(frame)));
        } catch (ReplayException taken) {
          // the forger took this CTR first (SFrame's window accepts each CTR once)
        }
      }
      for (byte[] signature : alice.signatureFrames()) {
        try {
          w.receiveSignature(signature);
        } catch (ReplayException taken) {
          // the forger took this CTR first: this copy is lost, the next one carries the statement
        }
      }
      w.advance(TICK);
      w.verifier.expire();
    }
    w.advance(w.params.maxDelay().toNanos()); // Alice signs her last frames after T
    for (byte[] signature : alice.signatureFrames()) {
      w.receiveSignature(signature);
    }
    w.advance(w.params.deadline().toNanos() + TICK);
    w.verifier.expire();

    assertThat(w.forged.keySet()).containsAll(forgedFrames);
    assertThat(w.verified).doesNotContainAnyElementsOf(forgedFrames);
    for (String f : forgedFrames) {
      long kidValue = Long.parseLong(f.split("/")[0]);
      long ctr = Long.parseLong(f.split("/")[1]);
      assertThat(w.verifier.status(kidValue, ctr)).isNotEqualTo(FrameAuthStatus.VERIFIED);
    }
    // Those racing Alice's media CTRs are proven forged by her own statements (the others took
    // CTRs of her signature frames, so no statement lists them: unsigned).
    assertThat(forgedFrames.stream().filter(f -> w.forged.get(f) == ForgeryReason.TAG_MISMATCH))
        .hasSizeGreaterThan(10);
    // Honest frames: all verified, none forged.
    assertThat(w.verified).containsAll(honestFrames);
    assertThat(w.forged.keySet()).doesNotContainAnyElementsOf(honestFrames);
  }

  @Test
  @DisplayName("[SM-AUTH-4] a forged frame is reported no later than the deadline (plus one expire "
      + "period) after it arrived")
  void insiderForgery_SM_AUTH_4_detectedWithinDeadline() throws SealmeetException {
    AuthWorld w = new AuthWorld(3, AuthWorld.N16);
    w.installEpoch(EPOCH);
    SframeSender forger = forgerAs(w, ALICE, EPOCH, 0);
    long arrived = w.clock.get();
    byte[] forged = forger.protect(kid(ALICE, EPOCH), null, "fake".getBytes());
    w.receiveMedia(forged);
    String f = key(kidOf(forged), ctrOf(forged));
    while (!w.forged.containsKey(f)) {
      w.advance(TICK);
      w.verifier.expire();
      assertThat(w.clock.get() - arrived).isLessThanOrEqualTo(
          w.params.deadline().toNanos() + TICK);
    }
    assertThat(w.forged.get(f)).isEqualTo(ForgeryReason.UNSIGNED);
    assertThat(w.verifier.status(kid(ALICE, EPOCH), 0)).isEqualTo(FrameAuthStatus.FORGED);
  }

  @Test
  @DisplayName("without sender authentication the forgery succeeds: the frame decrypts under the "
      + "victim's KID (the attack of threat-model.md)")
  void insiderForgery_withoutAuthentication_succeeds() throws SealmeetException {
    AuthWorld w = new AuthWorld(3, AuthWorld.N16);
    w.installEpoch(EPOCH);
    SframeSender forger = forgerAs(w, ALICE, EPOCH, 0);
    byte[] forged = forger.protect(kid(ALICE, EPOCH), null, "I resign".getBytes());
    assertThat(w.receiver.unprotect(null, forged)).isEqualTo("I resign".getBytes());
    assertThat(kidOf(forged) >>> 4).isEqualTo(ALICE);
  }

  @Test
  @DisplayName("[SM-AUTH-4] a removed member forging under a former colleague's KID of its last "
      + "epoch (still within the receiver's grace) is reported; its replays are refused or "
      + "carry the victim's own signed tags")
  void removedMember_SM_AUTH_4_replaysRefusedOrSigned_forgeriesReported() throws SealmeetException {
    AuthWorld w = new AuthWorld(3, AuthWorld.N16);
    w.installEpoch(EPOCH);
    AuthWorld.Member alice = w.new Member(ALICE, EPOCH);
    List<byte[]> recorded = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // Mallory, still a member, records Alice's frames
      byte[] frame = alice.media(AUDIO, ("voice " + i).getBytes());
      recorded.add(frame);
      if (i % 4 != 3) { // the receiver misses one frame in four
        w.receiveMedia(frame);
      }
      for (byte[] signature : alice.signatureFrames()) {
        w.receiveSignature(signature);
      }
      w.advance(TICK);
    }
    // Mallory is removed; the receiver keeps epoch 1 for its grace. Mallory replays everything.
    Set<String> replayedAccepted = new HashSet<>();
    for (byte[] old : recorded) {
      try {
        w.receiveMedia(old);
        replayedAccepted.add(key(kidOf(old), ctrOf(old)));
      } catch (ReplayException refused) {
        // seen before: SFrame's window refuses it
      }
    }
    assertThat(replayedAccepted).hasSize(10); // only the frames the receiver had missed
    w.advance(w.params.maxDelay().toNanos());
    for (byte[] signature : alice.signatureFrames()) { // Alice's last statement of epoch 1
      w.receiveSignature(signature);
    }
    for (String r : replayedAccepted) { // Alice's real frames: her statements cover them
      assertThat(w.verified).contains(r);
    }
    SframeSender forger = forgerAs(w, ALICE, EPOCH, 1_000);
    Set<String> forgedFrames = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      byte[] forged = forger.protect(kid(ALICE, EPOCH), null, ("fake " + i).getBytes());
      w.receiveMedia(forged);
      forgedFrames.add(key(kidOf(forged), ctrOf(forged)));
      w.advance(TICK);
      w.verifier.expire();
    }
    w.advance(w.params.deadline().toNanos() + TICK);
    w.verifier.expire();
    assertThat(w.forged.keySet()).containsAll(forgedFrames);
    assertThat(w.verified).doesNotContainAnyElementsOf(forgedFrames);
  }

  @Test
  @DisplayName("[SM-AUTH-4] frames re-attributed by the SFU: without keys a changed KID fails "
      + "SFrame; re-encrypted by a colluding member under another KID, they are reported forged")
  void sfuReattribution_SM_AUTH_4_refusedOrReported() throws SealmeetException {
    AuthWorld w = new AuthWorld(3, AuthWorld.N16);
    w.installEpoch(EPOCH);
    AuthWorld.Member alice = w.new Member(ALICE, EPOCH);
    AuthWorld.Member bob = w.new Member(1, EPOCH);
    byte[] aliceFrame = alice.media(AUDIO, "alice speaking".getBytes());
    // The SFU rewrites the header of Alice's frame to Bob's KID, same CTR, same ciphertext.
    byte[] bobHeader = new SframeHeader(kid(1, EPOCH), ctrOf(aliceFrame)).encode();
    int aliceHeader = SframeHeader.encodedLength(kid(ALICE, EPOCH), ctrOf(aliceFrame));
    byte[] rewritten = new byte[bobHeader.length + aliceFrame.length - aliceHeader];
    System.arraycopy(bobHeader, 0, rewritten, 0, bobHeader.length);
    System.arraycopy(aliceFrame, aliceHeader, rewritten, bobHeader.length,
        aliceFrame.length - aliceHeader);
    assertThatThrownBy(() -> w.receiveMedia(rewritten)).isInstanceOf(AuthenticationException.class);
    // The SFU relabels one of Alice's signature frames as media: its metadata differs, refused.
    for (int i = 0; i < 15; i++) {
      w.receiveMedia(alice.media(AUDIO, ("a" + i).getBytes()));
    }
    List<byte[]> signatures = alice.signatureFrames();
    assertThat(signatures).isNotEmpty();
    assertThatThrownBy(() -> w.receiveMedia(signatures.get(0)))
        .isInstanceOf(AuthenticationException.class);
    // A colluding member re-encrypts Alice's plaintext under Bob's KID, racing Bob's CTRs.
    SframeSender insider = forgerAs(w, 1, EPOCH, 0);
    Set<String> reattributed = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      byte[] moved = insider.protect(kid(1, EPOCH), null, "alice speaking".getBytes());
      w.receiveMedia(moved);
      reattributed.add(key(kidOf(moved), ctrOf(moved)));
    }
    for (int i = 0; i < 20; i++) {
      try {
        w.receiveMedia(bob.media(AUDIO, ("b" + i).getBytes()));
      } catch (ReplayException taken) {
        // CTR taken by the re-attributed frames
      }
      for (byte[] signature : bob.signatureFrames()) {
        w.receiveSignature(signature);
      }
      w.advance(TICK);
    }
    w.advance(w.params.deadline().toNanos() + TICK);
    w.verifier.expire();
    assertThat(w.forged.keySet()).containsAll(reattributed);
    assertThat(w.verified).doesNotContainAnyElementsOf(reattributed);
  }
}
