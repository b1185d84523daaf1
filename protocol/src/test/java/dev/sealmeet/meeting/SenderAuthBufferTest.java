package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The buffer forms of {@link SenderAuthentication} (spec §2.7) on a real meeting: frames protected
 * from and into caller buffers, heap or direct, are recorded from the buffer in place, unprotected
 * into a caller buffer and classified; a frame that fails records nothing.
 */
class SenderAuthBufferTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final MeetingFixtures f =
      new MeetingFixtures(MeetingOptions.defaults().withNanoTime(clock::get));

  private static ByteBuffer buffer(boolean direct, int capacity) {
    return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
  }

  private static ByteBuffer frame(boolean direct, int size, int seed) {
    ByteBuffer b = buffer(direct, size);
    for (int i = 0; i < size; i++) {
      b.put((byte) (seed * 31 + i));
    }
    return b.flip();
  }

  @ParameterizedTest(name = "direct buffers: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("buffer protect and unprotect round-trip; the frames become VERIFIED")
  void bufferForms_roundTrip_verified(boolean direct) throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob");
    SenderAuthentication alice = m.get(0).senderAuthentication().orElseThrow();
    SenderAuthentication bob = m.get(1).senderAuthentication().orElseThrow();
    List<long[]> got = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // a full window of 32 and a timed one
      ByteBuffer frame = frame(direct, 100 + i, i);
      ByteBuffer sframe = buffer(direct, 200 + SframeHeader.MAX_LENGTH);
      sframe.position(5); // written at the position, not at 0
      int length = alice.protect(3, frame, sframe);
      assertThat(sframe.position()).isEqualTo(5 + length);
      sframe.flip().position(5);
      long kid = SframeHeader.peekKid(sframe);
      long ctr = SframeHeader.peekCtr(sframe);
      ByteBuffer out = buffer(direct, 140);
      assertThat(bob.unprotect(sframe, out)).isEqualTo(FrameAuthStatus.PENDING);
      assertThat(out.flip()).isEqualTo(frame(direct, 100 + i, i));
      got.add(new long[] {kid, ctr});
    }
    clock.addAndGet(600_000_000L);
    m.get(0).poll();
    m.get(1).poll();
    for (long[] g : got) {
      assertThat(bob.status(g[0], g[1])).isEqualTo(FrameAuthStatus.VERIFIED);
    }
    assertThat(m.get(1).rejected()).isEmpty();
  }

  @ParameterizedTest(name = "direct buffers: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("a frame failing authentication records nothing and leaves both buffers as they "
      + "were; the genuine frame is then PENDING, not FORGED")
  void failedFrame_recordsNothing(boolean direct) throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob");
    SenderAuthentication alice = m.get(0).senderAuthentication().orElseThrow();
    SenderAuthentication bob = m.get(1).senderAuthentication().orElseThrow();
    ByteBuffer sframe = buffer(direct, 200);
    alice.protect(1, frame(direct, 100, 1), sframe);
    sframe.flip();
    long kid = SframeHeader.peekKid(sframe);
    long ctr = SframeHeader.peekCtr(sframe);
    ByteBuffer tampered = buffer(direct, sframe.remaining());
    tampered.put(sframe.duplicate()).flip();
    int last = tampered.limit() - 1;
    tampered.put(last, (byte) (tampered.get(last) ^ 1));
    ByteBuffer out = buffer(direct, 100);
    assertThatThrownBy(() -> bob.unprotect(tampered, out))
        .isInstanceOf(AuthenticationException.class);
    assertThat(tampered.position()).isZero();
    assertThat(out.position()).isZero();
    assertThat(bob.status(kid, ctr)).isEqualTo(FrameAuthStatus.UNKNOWN);
    assertThat(bob.unprotect(sframe, out)).isEqualTo(FrameAuthStatus.PENDING);
  }

  @Test
  @DisplayName("a destination too small: nothing consumed, no CTR used, nothing recorded")
  void protect_tooSmall_changesNothing() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob");
    SenderAuthentication alice = m.get(0).senderAuthentication().orElseThrow();
    ByteBuffer first = ByteBuffer.allocateDirect(200);
    int length = alice.protect(1, frame(true, 100, 1), first);
    long ctr = SframeHeader.peekCtr(first.flip());
    ByteBuffer frame = frame(true, 100, 2);
    ByteBuffer small = ByteBuffer.allocateDirect(length - 1);
    assertThatThrownBy(() -> alice.protect(1, frame, small))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(frame.position()).isZero();
    assertThat(small.position()).isZero();
    ByteBuffer next = ByteBuffer.allocateDirect(200);
    alice.protect(1, frame, next);
    assertThat(SframeHeader.peekCtr(next.flip())).isEqualTo(ctr + 1);
  }
}
