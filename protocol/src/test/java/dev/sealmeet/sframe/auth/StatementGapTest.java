package dev.sealmeet.sframe.auth;

import static dev.sealmeet.sframe.auth.AuthWorld.ctrOf;
import static dev.sealmeet.sframe.auth.AuthWorld.key;
import static dev.sealmeet.sframe.auth.AuthWorld.kid;
import static dev.sealmeet.sframe.auth.AuthWorld.kidOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Telling loss from forgery by statement numbers (spec §2.7, [SM-AUTH-5]): a frame whose deadline
 * passes unlisted is UNVERIFIED when a statement of its sender that may have listed it is known
 * missing, and FORGED ({@code UNSIGNED}) when none is.
 */
class StatementGapTest {
  private static final long EPOCH = 1;
  private static final int ALICE = 0;
  private static final long MS = 1_000_000L;

  /** One copy per statement, a statement every 4 frames, so each statement's loss is total. */
  private final SenderAuthParams params =
      new SenderAuthParams(4, Duration.ofMillis(100), 1, Duration.ofMillis(500), 64);

  /** Alice sends 12 frames: statements 0, 1 and 2; {@code dropped} of them never arrive. */
  private List<String> aliceSends(AuthWorld w, AuthWorld.Member alice, int dropped)
      throws SealmeetException {
    List<String> frames = new ArrayList<>();
    int statement = 0;
    for (int i = 0; i < 12; i++) {
      byte[] frame = alice.media(1, ("honest " + i).getBytes());
      w.receiveMedia(frame);
      frames.add(key(kidOf(frame), ctrOf(frame)));
      for (byte[] signature : alice.signatureFrames()) {
        if (statement++ != dropped) {
          w.receiveSignature(signature);
        }
      }
      w.advance(10 * MS);
    }
    return frames;
  }

  private static void passDeadline(AuthWorld w) {
    w.advance(600 * MS);
    w.verifier.expire();
  }

  @Test
  @DisplayName("[SM-AUTH-5] honest frames whose statement was lost are UNVERIFIED, never forged: "
      + "the next statement's number shows the gap")
  void lostStatement_SM_AUTH_5_leavesItsFramesUnverified() throws SealmeetException {
    AuthWorld w = new AuthWorld(2, params);
    w.installEpoch(EPOCH);
    List<String> frames = aliceSends(w, w.new Member(ALICE, EPOCH), 1);
    passDeadline(w);
    assertThat(w.forged).isEmpty();
    assertThat(w.unverified).containsExactlyInAnyOrderElementsOf(frames.subList(4, 8));
    assertThat(w.verified).containsAll(frames.subList(0, 4)).containsAll(frames.subList(8, 12));
    assertThat(w.verifier.status(kid(ALICE, EPOCH), 5)).isEqualTo(FrameAuthStatus.UNVERIFIED);
  }

  @Test
  @DisplayName("[SM-AUTH-4] with no statement missing, a frame no statement lists is forged "
      + "(UNSIGNED) at the deadline")
  void noGap_SM_AUTH_4_unlistedFrameIsForged() throws SealmeetException {
    AuthWorld w = new AuthWorld(3, params);
    w.installEpoch(EPOCH);
    AuthWorld.Member alice = w.new Member(ALICE, EPOCH);
    List<String> honest = aliceSends(w, alice, -1);
    SframeSender forger = new SframeSender(AuthWorld.SUITE);
    forger.addKey(kid(ALICE, EPOCH), w.baseKeys.get(EPOCH), 1_000);
    byte[] forged = forger.protect(kid(ALICE, EPOCH), null, "fake".getBytes());
    w.receiveMedia(forged);
    aliceSends(w, alice, -1); // statements 3 to 5, none lost, none lists the forged CTR
    passDeadline(w);
    assertThat(w.forged).containsOnlyKeys(key(kidOf(forged), ctrOf(forged)));
    assertThat(w.forged.get(key(kidOf(forged), ctrOf(forged)))).isEqualTo(ForgeryReason.UNSIGNED);
    assertThat(w.verified).containsAll(honest);
    assertThat(w.unverified).isEmpty();
  }

  @Test
  @DisplayName("[SM-AUTH-5] a gap long before a frame arrived does not excuse it: it is forged")
  void oldGap_SM_AUTH_5_doesNotExcuseALaterForgery() throws SealmeetException {
    AuthWorld w = new AuthWorld(3, params);
    w.installEpoch(EPOCH);
    AuthWorld.Member alice = w.new Member(ALICE, EPOCH);
    aliceSends(w, alice, 0); // statement 0 lost
    for (int round = 0; round < 4; round++) {
      aliceSends(w, alice, -1); // statements 3 to 14 arrive
    }
    passDeadline(w);
    int unverifiedBefore = w.unverified.size();
    SframeSender forger = new SframeSender(AuthWorld.SUITE);
    forger.addKey(kid(ALICE, EPOCH), w.baseKeys.get(EPOCH), 200);
    byte[] forged = forger.protect(kid(ALICE, EPOCH), null, "fake".getBytes());
    w.receiveMedia(forged);
    aliceSends(w, alice, -1);
    passDeadline(w);
    assertThat(w.forged).containsOnlyKeys(key(kidOf(forged), ctrOf(forged)));
    assertThat(w.unverified).hasSize(unverifiedBefore).hasSize(4);
  }

  @Test
  @DisplayName("[SM-AUTH-4] a KID whose epoch keys are erased is kept while a frame of it is "
      + "younger than the deadline, so its statement, carried under the new KID, still verifies it")
  void erasedEpoch_SM_AUTH_4_keepsYoungFramesUntilTheirStatement() throws SealmeetException {
    AuthWorld w = new AuthWorld(2, params);
    w.installEpoch(EPOCH);
    w.installEpoch(EPOCH + 1);
    AuthWorld.Member old = w.new Member(ALICE, EPOCH);
    byte[] frame = old.media(1, "last of epoch 1".getBytes());
    w.receiveMedia(frame);
    w.verifier.forget(kid -> kid == kid(ALICE, EPOCH)); // the receiver erased epoch 1's keys
    w.advance(100 * MS);
    List<byte[]> due = old.signer.takeDue();
    AuthWorld.Member next = w.new Member(ALICE, EPOCH + 1);
    byte[] carried = next.sender.protect(next.kid(), TagSignatureFrame.METADATA, due.get(0));
    w.receiveSignature(carried);
    assertThat(w.verified).containsExactly(key(kidOf(frame), ctrOf(frame)));
    passDeadline(w);
    w.verifier.forget(kid -> kid == kid(ALICE, EPOCH));
    assertThat(w.verifier.trackedKids()).isZero();
    assertThat(w.forged).isEmpty();
  }

  @Test
  @DisplayName("[SM-AUTH-4] frames of a sender that left the group before signing them end "
      + "UNVERIFIED, not forged")
  void departedSender_SM_AUTH_4_leavesItsLastFramesUnverified() throws SealmeetException {
    AuthWorld w = new AuthWorld(2, params);
    w.installEpoch(EPOCH);
    AuthWorld.Member alice = w.new Member(ALICE, EPOCH);
    byte[] last = alice.media(1, "last words".getBytes()); // alice is removed before she signs
    w.receiveMedia(last);
    w.verifier.sendersGone(kid -> kid == kid(ALICE, EPOCH));
    passDeadline(w);
    assertThat(w.forged).isEmpty();
    assertThat(w.unverified).containsExactly(key(kidOf(last), ctrOf(last)));
  }

  @Test
  @DisplayName("[SM-AUTH-5] a sender restarted without its signer numbers from the wall clock, "
      + "so the frames its crash left unsigned end UNVERIFIED, not forged")
  void restartedSender_SM_AUTH_5_leavesAGap() throws SealmeetException {
    AuthWorld w = new AuthWorld(2, params);
    w.installEpoch(EPOCH);
    AuthWorld.Member alice = w.new Member(ALICE, EPOCH);
    List<String> signedBefore = aliceSends(w, alice, -1);
    byte[] unsigned = alice.media(1, "sent, then the process died".getBytes());
    w.receiveMedia(unsigned);
    TagSigner restarted = new TagSigner(params, AuthWorld.SUITE.tagLength(), AuthWorld.GROUP_ID,
        w.signingOf(ALICE), w.clock::get, 3 + TagSigner.SEQ_PER_SECOND); // a second later
    SframeSender resumed = new SframeSender(AuthWorld.SUITE); // CTRs from the reserved mark
    resumed.addKey(alice.kid(), w.baseKeys.get(EPOCH), 4096);
    for (int i = 0; i < params.framesPerSignature(); i++) {
      byte[] frame = resumed.protect(alice.kid(), null, new byte[] {(byte) i});
      restarted.record(1, frame);
      w.receiveMedia(frame);
    }
    for (byte[] payload : restarted.takeDue()) {
      w.receiveSignature(resumed.protect(alice.kid(), TagSignatureFrame.METADATA, payload));
    }
    passDeadline(w);
    assertThat(w.verified).containsAll(signedBefore);
    assertThat(w.forged).isEmpty();
    assertThat(w.unverified).containsExactly(key(kidOf(unsigned), ctrOf(unsigned)));
  }
}
