package dev.sealmeet.sframe.auth;

import static dev.sealmeet.sframe.auth.AuthWorld.ctrOf;
import static dev.sealmeet.sframe.auth.AuthWorld.kid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hostile signature frames (spec §2.7): each is refused with a typed exception and changes no
 * frame's status; a replayed one changes nothing and is not verified twice.
 */
class TagVerifierHostileTest {
  private static final long EPOCH = 1;
  private static final int ALICE = 0;
  private static final int MALLORY = 2;

  private AuthWorld w;
  private AuthWorld.Member alice;
  private final List<byte[]> frames = new ArrayList<>();

  @BeforeEach
  void aliceSendsOneWindow() throws SealmeetException {
    w = new AuthWorld(3, AuthWorld.N16);
    w.installEpoch(EPOCH);
    alice = w.new Member(ALICE, EPOCH);
    for (int i = 0; i < 16; i++) {
      byte[] frame = alice.media(1, ("voice " + i).getBytes());
      frames.add(frame);
      w.receiveMedia(frame);
    }
  }

  private TagSignatureFrame aliceStatement() throws DecodeException {
    List<byte[]> due = alice.signer.takeDue();
    assertThat(due).hasSize(1);
    return TagSignatureFrame.decode(due.get(0), AuthWorld.SUITE.tagLength());
  }

  private void assertAllPending() throws SealmeetException {
    for (byte[] frame : frames) {
      assertThat(w.verifier.status(kid(ALICE, EPOCH), ctrOf(frame)))
          .isEqualTo(FrameAuthStatus.PENDING);
    }
    assertThat(w.verified).isEmpty();
    assertThat(w.forged).isEmpty();
  }

  @Test
  @DisplayName("[SM-AUTH-2] a statement for Alice's KID signed by Mallory's leaf key is refused, "
      + "nothing changes")
  void wrongSigner_SM_AUTH_2_isRejected() throws SealmeetException {
    TagSignatureFrame honest = aliceStatement();
    byte[] forgedSignature = w.signingOf(MALLORY).sign(honest.toBeSigned(AuthWorld.GROUP_ID));
    byte[] payload = honest.withSignature(forgedSignature).encode();
    assertThatThrownBy(() -> w.verifier.onSignatureFrame(kid(ALICE, EPOCH), payload))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("does not verify");
    assertAllPending();
  }

  @Test
  @DisplayName("[SM-AUTH-2] a statement whose tags were changed after signing (to cover forged "
      + "frames) is refused, nothing changes")
  void tamperedTags_SM_AUTH_2_isRejected() throws SealmeetException {
    byte[] payload = aliceStatement().encode();
    payload[1 + 8 + 4 + 8 + 2] ^= 1; // the first tag
    assertThatThrownBy(() -> w.verifier.onSignatureFrame(kid(ALICE, EPOCH), payload))
        .isInstanceOf(AuthenticationException.class);
    assertAllPending();
  }

  @Test
  @DisplayName("[SM-AUTH-2] a statement signed for another group (context) is refused")
  void otherContext_SM_AUTH_2_isRejected() throws SealmeetException {
    TagSignatureFrame honest = aliceStatement();
    byte[] signature = w.signingOf(ALICE).sign(honest.toBeSigned("other".getBytes()));
    byte[] payload = honest.withSignature(signature).encode();
    assertThatThrownBy(() -> w.verifier.onSignatureFrame(kid(ALICE, EPOCH), payload))
        .isInstanceOf(AuthenticationException.class);
    assertAllPending();
  }

  @Test
  @DisplayName("[SM-AUTH-3] Alice's valid statement carried under Mallory's KID is refused")
  void carrierOfAnotherLeaf_SM_AUTH_3_isRejected() throws SealmeetException {
    byte[] payload = aliceStatement().encode();
    assertThatThrownBy(() -> w.verifier.onSignatureFrame(kid(MALLORY, EPOCH), payload))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("another leaf");
    assertThat(w.verifications.get()).isZero();
    assertAllPending();
  }

  @Test
  @DisplayName("[SM-AUTH-1] a malformed signature frame is refused before any verification")
  void malformed_SM_AUTH_1_isRejected() throws SealmeetException {
    byte[] payload = aliceStatement().encode();
    byte[] cut = java.util.Arrays.copyOf(payload, payload.length - 1);
    assertThatThrownBy(() -> w.verifier.onSignatureFrame(kid(ALICE, EPOCH), cut))
        .isInstanceOf(DecodeException.class);
    assertThat(w.verifications.get()).isZero();
    assertThat(w.verifier.trackedKids()).isEqualTo(1);
    assertAllPending();
  }

  @Test
  @DisplayName("[SM-AUTH-2] a forged statement about a KID nobody sent on adds nothing")
  void forgedStatementForUnknownKid_SM_AUTH_2_addsNothing() throws SealmeetException {
    TagSignatureFrame honest = aliceStatement();
    TagSignatureFrame other = new TagSignatureFrame(kid(ALICE, 2), honest.seq(),
        honest.streams(), honest.counts(), honest.ctrs(), honest.tags(), honest.tagLength(),
        honest.signature());
    assertThatThrownBy(() -> w.verifier.onSignatureFrame(kid(ALICE, 2), other.encode()))
        .isInstanceOf(AuthenticationException.class);
    assertThat(w.verifier.trackedKids()).isEqualTo(1);
  }

  @Test
  @DisplayName("[SM-AUTH-5] a replayed statement (re-wrapped under Alice's KID) changes nothing "
      + "and is not verified again")
  void replayedStatement_SM_AUTH_5_changesNothing() throws SealmeetException {
    byte[] payload = aliceStatement().encode();
    w.verifier.onSignatureFrame(kid(ALICE, EPOCH), payload);
    assertThat(w.verified).hasSize(16);
    assertThat(w.verifications.get()).isEqualTo(1);
    w.verifier.onSignatureFrame(kid(ALICE, EPOCH), payload.clone());
    w.verifier.onSignatureFrame(kid(ALICE, EPOCH), payload.clone());
    assertThat(w.verifications.get()).isEqualTo(1);
    assertThat(w.verified).hasSize(16);
    assertThat(w.forged).isEmpty();
  }
}
