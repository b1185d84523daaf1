package dev.sealmeet.sframe.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a sender emits signature frames, and what they list (spec §2.7). */
class TagSignerTest {
  private static final int NT = AuthWorld.SUITE.tagLength();

  @Test
  void everyNFrames_oneStatementOfThoseFrames() throws SealmeetException {
    AuthWorld w = new AuthWorld(1, AuthWorld.N16);
    w.installEpoch(1);
    AuthWorld.Member alice = w.new Member(0, 1);
    for (int i = 0; i < 15; i++) {
      alice.media(1, new byte[10]);
      assertThat(alice.signer.due()).isFalse();
    }
    byte[] last = alice.media(1, new byte[10]);
    assertThat(alice.signer.due()).isTrue();
    List<byte[]> due = alice.signer.takeDue();
    assertThat(due).hasSize(1);
    TagSignatureFrame s = TagSignatureFrame.decode(due.get(0), NT);
    assertThat(s.ctrs()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    assertThat(java.util.Arrays.copyOfRange(s.tags(), 15 * NT, 16 * NT))
        .isEqualTo(java.util.Arrays.copyOfRange(last, last.length - NT, last.length));
    assertThat(alice.signer.takeDue()).isEmpty();
  }

  @Test
  void afterMaxDelay_theOpenWindowIsSigned() throws SealmeetException {
    AuthWorld w = new AuthWorld(1, AuthWorld.N16);
    w.installEpoch(1);
    AuthWorld.Member alice = w.new Member(0, 1);
    alice.media(1, new byte[10]);
    alice.media(2, new byte[10]);
    w.advance(w.params.maxDelay().toNanos() - 1);
    assertThat(alice.signer.due()).isFalse();
    w.advance(1);
    assertThat(alice.signer.due()).isTrue();
    List<byte[]> due = alice.signer.takeDue();
    assertThat(due).hasSize(1); // one signature, a section per stream
    TagSignatureFrame s = TagSignatureFrame.decode(due.get(0), NT);
    assertThat(s.streams()).containsExactly(1, 2);
    assertThat(s.counts()).containsExactly(1, 1);
    assertThat(s.seq()).isZero();
  }

  @Test
  void aFullWindow_takesTheOtherStreamsOpenWindowsAlong_numberedInOrder()
      throws SealmeetException {
    AuthWorld w = new AuthWorld(1, AuthWorld.N16);
    w.installEpoch(1);
    AuthWorld.Member alice = w.new Member(0, 1);
    for (int round = 0; round < 2; round++) {
      alice.media(2, new byte[10]);
      for (int i = 0; i < 16; i++) {
        alice.media(1, new byte[10]);
      }
      List<byte[]> due = alice.signer.takeDue();
      TagSignatureFrame s = TagSignatureFrame.decode(due.get(0), NT);
      assertThat(s.streams()).containsExactly(1, 2);
      assertThat(s.counts()).containsExactly(16, 1);
      assertThat(s.seq()).isEqualTo(round);
    }
  }

  @Test
  void eachStatement_isSentRTimes_withLaterEmissions() throws SealmeetException {
    AuthWorld w = new AuthWorld(1, AuthWorld.N16); // R = 2
    w.installEpoch(1);
    AuthWorld.Member alice = w.new Member(0, 1);
    for (int i = 0; i < 16; i++) {
      alice.media(1, new byte[10]);
    }
    List<byte[]> first = alice.signer.takeDue();
    for (int i = 0; i < 16; i++) {
      alice.media(1, new byte[10]);
    }
    List<byte[]> second = alice.signer.takeDue();
    assertThat(second).hasSize(2);
    assertThat(second.get(1)).isEqualTo(first.get(0)); // the copy rides with the next emission
    List<byte[]> third = alice.signer.takeDue();
    assertThat(third).isEmpty(); // nothing new, the second's copy waits for T
    w.advance(w.params.maxDelay().toNanos());
    third = alice.signer.takeDue();
    assertThat(third).containsExactly(second.get(0));
    w.advance(w.params.maxDelay().toNanos());
    assertThat(alice.signer.takeDue()).isEmpty(); // each statement R = 2 times, no more
  }

  @Test
  void aKidChange_endsTheWindow() throws SealmeetException {
    AuthWorld w = new AuthWorld(1, AuthWorld.N16);
    w.installEpoch(1);
    w.installEpoch(2);
    AuthWorld.Member old = w.new Member(0, 1);
    AuthWorld.Member next = w.new Member(0, 2);
    TagSigner signer = old.signer;
    signer.record(1, old.sender.protect(old.kid(), null, new byte[10]));
    signer.record(1, old.sender.protect(old.kid(), null, new byte[10]));
    assertThat(signer.record(1, next.sender.protect(next.kid(), null, new byte[10]))).isTrue();
    List<byte[]> due = signer.takeDue();
    assertThat(due).hasSize(1);
    TagSignatureFrame s = TagSignatureFrame.decode(due.get(0), NT);
    assertThat(s.kid()).isEqualTo(old.kid());
    assertThat(s.count()).isEqualTo(2);
  }

  @Test
  void aKidStartedHereIsNumberedFrom0_oneTakenOverMidWayFromTakeOverSeq()
      throws SealmeetException {
    AuthWorld w = new AuthWorld(1, AuthWorld.N16);
    w.installEpoch(1);
    AuthWorld.Member alice = w.new Member(0, 1);
    TagSigner signer = new TagSigner(AuthWorld.N16, NT, AuthWorld.GROUP_ID, w.signingOf(0),
        w.clock::get, 1_000);
    for (int i = 0; i < 16; i++) {
      signer.record(1, alice.sender.protect(alice.kid(), null, new byte[] {1}));
    }
    assertThat(TagSignatureFrame.decode(signer.takeDue().get(0), NT).seq()).isZero();
    dev.sealmeet.sframe.SframeSender resumed =
        new dev.sealmeet.sframe.SframeSender(AuthWorld.SUITE);
    resumed.addKey(AuthWorld.kid(0, 2), w.baseKeys.get(1L), TagSigner.FRESH_CTRS);
    for (int i = 0; i < 16; i++) {
      signer.record(1, resumed.protect(AuthWorld.kid(0, 2), null, new byte[] {1}));
    }
    assertThat(TagSignatureFrame.decode(signer.takeDue().get(0), NT).seq()).isEqualTo(1_000);
    assertThat(TagSigner.firstSeqNow()).isBetween(0L, (1L << 31) - 1);
    assertThatThrownBy(() -> new TagSigner(AuthWorld.N16, NT, AuthWorld.GROUP_ID,
        w.signingOf(0), w.clock::get, 1L << 31)).isInstanceOf(IllegalArgumentException.class);
  }
}
