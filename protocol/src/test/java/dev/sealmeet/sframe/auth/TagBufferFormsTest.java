package dev.sealmeet.sframe.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.sframe.SframeHeader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link TagSigner#record} and {@link TagVerifier#onFrame} read a protected frame's header and tag
 * in place from a heap buffer, a direct buffer, or a range of either, without moving its cursors:
 * the same frames give the same statements and the same verdicts whatever buffer held them.
 */
class TagBufferFormsTest {
  private static final int NT = 16;
  private static final long KID = 0x3e;
  private static final int N = AuthWorld.N16.framesPerSignature();

  private final AtomicLong clock = new AtomicLong();

  /** A frame of the MLS KID shape: header, 40 bytes, a random tag. */
  private static byte[] frame(long ctr, Random random) {
    byte[] header = new SframeHeader(KID, ctr).encode();
    byte[] frame = new byte[header.length + 40 + NT];
    random.nextBytes(frame);
    System.arraycopy(header, 0, frame, 0, header.length);
    return frame;
  }

  private TagSigner signer() {
    return new TagSigner(AuthWorld.N16, NT, AuthWorld.GROUP_ID, tbs -> new byte[] {7},
        clock::get, 0);
  }

  private TagVerifier verifier() {
    return new TagVerifier(AuthWorld.N16, NT, AuthWorld.GROUP_ID, (kid, tbs, sig) -> true,
        kid -> kid >>> 4, (kid, ctr, reason) -> { }, clock::get);
  }

  /** {@code frame} in a direct buffer at offset 7 of 100 spare bytes, cursors elsewhere. */
  private static ByteBuffer inDirectRange(byte[] frame) {
    ByteBuffer b = ByteBuffer.allocateDirect(frame.length + 100);
    b.position(7);
    b.put(frame);
    b.position(3).limit(frame.length + 50);
    return b;
  }

  @Test
  @DisplayName("heap, direct, a range and a positioned direct buffer give byte-identical "
      + "statements; the buffers' cursors do not move")
  void record_heapDirectRange_sameStatements() throws DecodeException {
    Random random = new Random(5);
    TagSigner heap = signer();
    TagSigner direct = signer();
    TagSigner range = signer();
    TagSigner positioned = signer();
    for (int ctr = 0; ctr < N; ctr++) {
      byte[] f = frame(ctr, random);
      heap.record(1, ByteBuffer.wrap(f));
      ByteBuffer d = ByteBuffer.allocateDirect(f.length);
      d.put(f).flip();
      direct.record(1, d);
      assertThat(d.position()).isZero();
      ByteBuffer r = inDirectRange(f);
      range.record(1, r, 7, 7 + f.length);
      assertThat(r.position()).isEqualTo(3);
      assertThat(r.limit()).isEqualTo(f.length + 50);
      ByteBuffer p = inDirectRange(f);
      p.position(7).limit(7 + f.length); // the frame from the position to the limit
      positioned.record(1, p);
      assertThat(p.position()).isEqualTo(7);
    }
    List<byte[]> expected = heap.takeDue();
    assertThat(expected).hasSize(1);
    assertThat(direct.takeDue()).singleElement().isEqualTo(expected.get(0));
    assertThat(range.takeDue()).singleElement().isEqualTo(expected.get(0));
    assertThat(positioned.takeDue()).singleElement().isEqualTo(expected.get(0));
  }

  @Test
  @DisplayName("frames seen from direct buffers verify against a statement of the heap frames, "
      + "and a changed tag in a direct buffer is FORGED")
  void onFrame_direct_verifiesAndCatchesAChangedTag() throws Exception {
    Random random = new Random(6);
    TagSigner signer = signer();
    TagVerifier verifier = verifier();
    byte[][] frames = new byte[N][];
    for (int ctr = 0; ctr < N; ctr++) {
      frames[ctr] = frame(ctr, random);
      signer.record(1, frames[ctr]);
    }
    byte[] statement = signer.takeDue().get(0);
    for (int ctr = 0; ctr < N - 1; ctr++) {
      ByteBuffer r = inDirectRange(frames[ctr]);
      assertThat(verifier.onFrame(r, 7, 7 + frames[ctr].length))
          .isEqualTo(FrameAuthStatus.PENDING);
      assertThat(r.position()).isEqualTo(3);
    }
    verifier.onSignatureFrame(KID, statement);
    for (int ctr = 0; ctr < N - 1; ctr++) {
      assertThat(verifier.status(KID, ctr)).isEqualTo(FrameAuthStatus.VERIFIED);
    }
    byte[] changed = frames[N - 1].clone();
    changed[changed.length - NT] ^= 1; // first tag byte
    ByteBuffer d = ByteBuffer.allocateDirect(changed.length);
    d.put(changed).flip();
    assertThat(verifier.onFrame(d)).isEqualTo(FrameAuthStatus.FORGED);
  }

  @Test
  @DisplayName("a direct frame not longer than a tag, or with a broken header, records nothing")
  void tooShortOrMalformed_recordsNothing() {
    TagVerifier verifier = verifier();
    TagSigner signer = signer();
    ByteBuffer shortFrame = ByteBuffer.allocateDirect(NT);
    shortFrame.put(0, (byte) 0x00);
    assertThatThrownBy(() -> verifier.onFrame(shortFrame)).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> signer.record(1, shortFrame)).isInstanceOf(DecodeException.class);
    ByteBuffer broken = ByteBuffer.allocateDirect(40);
    broken.put(0, (byte) 0x80).put(1, (byte) 0x00); // a 1-byte KID of 0: not minimal
    assertThatThrownBy(() -> verifier.onFrame(broken)).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> signer.record(1, broken)).isInstanceOf(DecodeException.class);
    assertThat(verifier.trackedKids()).isZero();
    assertThat(signer.due()).isFalse();
    assertThatThrownBy(() -> verifier.onFrame(broken, 0, 41))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
