package dev.sealmeet.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.SenderAuthentication;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.auth.ForgeryReason;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import dev.sealmeet.sframe.auth.TagSigner;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WebRTC adapter between two members of a real meeting: frames encrypted by one member's
 * {@link FrameEncryptor} into caller buffers, heap and direct, decrypt at the other's {@link
 * FrameDecryptor}, are signed and become VERIFIED; the size bounds hold; every failure is the
 * right status and changes nothing.
 */
class FrameCryptoAdapterTest {
  private static final long AUDIO_SSRC = 0x1111_2222L;
  private static final long VIDEO_SSRC = 0xFFFF_FFFFL;

  private final Random random = new Random(19);

  private ByteBuffer buffer(boolean direct, int capacity) {
    return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
  }

  private ByteBuffer frame(boolean direct, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    ByteBuffer b = buffer(direct, size);
    b.put(bytes).flip();
    return b;
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }

  /** Encrypts {@code frame} at {@code encryptor} into a new buffer of the bound; flipped. */
  private ByteBuffer encrypt(FrameEncryptor encryptor, MediaKind kind, long ssrc, ByteBuffer frame,
      boolean direct) {
    ByteBuffer out = buffer(direct, encryptor.maxCiphertextByteSize(kind, frame.remaining()));
    encryptor.encrypt(kind, ssrc, null, frame, out);
    out.flip();
    return out;
  }

  @ParameterizedTest(name = "direct buffers: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("frames of both media types round-trip in place, PENDING on arrival, then VERIFIED "
      + "once the sender's signature frames arrive through the delivery service")
  void roundTrip_signedMeeting_becomesVerified(boolean direct) throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    Meeting alice = m.get(0);
    Meeting bob = m.get(1);
    FrameEncryptor encryptor = FrameEncryptor.of(alice);
    FrameDecryptor decryptor = FrameDecryptor.of(bob);
    assertThat(encryptor.signsFrames()).isTrue();
    DecryptResult result = new DecryptResult();
    List<long[]> received = new ArrayList<>();
    int[] sizes = {0, 1, 17, 1200, 16384};
    for (int i = 0; i < 40; i++) {
      MediaKind kind = i % 2 == 0 ? MediaKind.AUDIO : MediaKind.VIDEO;
      ByteBuffer frame = frame(direct, sizes[i % sizes.length]);
      byte[] plain = bytes(frame);
      ByteBuffer sframe = encrypt(encryptor, kind, kind == MediaKind.AUDIO ? AUDIO_SSRC
          : VIDEO_SSRC, frame, direct);
      assertThat(frame.hasRemaining()).isFalse();
      long kid = SframeHeader.peekKid(sframe);
      long ctr = SframeHeader.peekCtr(sframe);
      ByteBuffer out = buffer(direct, decryptor.maxPlaintextByteSize(kind, sframe.remaining()));
      decryptor.decrypt(kind, null, null, sframe, out, result);
      assertThat(result.status()).as(result.toString()).isEqualTo(DecryptStatus.OK);
      assertThat(result.authStatus()).isEqualTo(FrameAuthStatus.PENDING);
      assertThat(result.bytesWritten()).isEqualTo(plain.length).isEqualTo(out.position());
      assertThat(result.kid()).isEqualTo(kid);
      assertThat(result.ctr()).isEqualTo(ctr);
      assertThat(result.senderLeaf()).isEqualTo(alice.ownLeaf());
      assertThat(sframe.hasRemaining()).isFalse();
      out.flip();
      assertThat(bytes(out)).isEqualTo(plain);
      received.add(new long[] {kid, ctr});
    }
    w.pastMaxDelay();
    alice.poll(); // her signature frames go out through the delivery service
    bob.poll();
    SenderAuthentication auth = bob.senderAuthentication().orElseThrow();
    for (long[] f : received) {
      assertThat(auth.status(f[0], f[1])).isEqualTo(FrameAuthStatus.VERIFIED);
    }
    assertThat(bob.rejected()).isEmpty();
    assertThat(w.forgeries).isEmpty();
  }

  @Test
  @DisplayName("[SM-WEBRTC-1] additional data is not authenticated: a frame encrypted with one "
      + "decrypts with another or none, and through the meeting's own unprotect, as Meeting.send "
      + "frames do")
  void additionalData_isNotAuthenticated_SM_WEBRTC_1() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    FrameEncryptor encryptor = FrameEncryptor.of(m.get(0));
    FrameDecryptor decryptor = FrameDecryptor.of(m.get(1));
    ByteBuffer[] decryptWith = {ByteBuffer.wrap(new byte[] {1, 2}), null, ByteBuffer.allocate(0)};
    for (ByteBuffer ad : decryptWith) {
      ByteBuffer frame = frame(false, 300);
      byte[] plain = bytes(frame);
      ByteBuffer sframe = ByteBuffer.allocate(encryptor.maxCiphertextByteSize(MediaKind.VIDEO,
          frame.remaining()));
      encryptor.encrypt(MediaKind.VIDEO, VIDEO_SSRC, ByteBuffer.wrap(new byte[] {9, 9, 9}), frame,
          sframe);
      sframe.flip();
      ByteBuffer out = ByteBuffer.allocate(300);
      DecryptResult result = decryptor.decrypt(MediaKind.VIDEO, null, ad, sframe, out,
          new DecryptResult());
      assertThat(result.status()).as(result.toString()).isEqualTo(DecryptStatus.OK);
      assertThat(out.array()).isEqualTo(plain);
    }
    ByteBuffer frame = frame(false, 100);
    byte[] plain = bytes(frame);
    ByteBuffer sframe = ByteBuffer.allocate(encryptor.maxCiphertextByteSize(MediaKind.AUDIO,
        frame.remaining()));
    int written = encryptor.encrypt(MediaKind.AUDIO, AUDIO_SSRC, ByteBuffer.wrap(new byte[] {5}),
        frame, sframe);
    byte[] wire = java.util.Arrays.copyOf(sframe.array(), written);
    assertThat(m.get(1).senderAuthentication().orElseThrow().unprotect(wire).frame().payload())
        .isEqualTo(plain);
  }

  @Test
  @DisplayName("a meeting without sender authentication: frames round-trip, UNKNOWN status")
  void roundTrip_unsignedMeeting_unknownStatus() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(false);
    List<Meeting> m = w.meeting("alice", "bob");
    FrameEncryptor encryptor = FrameEncryptor.of(m.get(0));
    assertThat(encryptor.signsFrames()).isFalse();
    ByteBuffer frame = frame(true, 1200);
    byte[] plain = bytes(frame);
    ByteBuffer sframe = encrypt(encryptor, MediaKind.VIDEO, VIDEO_SSRC, frame, true);
    ByteBuffer out = ByteBuffer.allocate(1200);
    DecryptResult result = FrameDecryptor.of(m.get(1)).decrypt(MediaKind.VIDEO, new int[] {7},
        ByteBuffer.wrap(new byte[] {1, 2}), sframe, out, new DecryptResult());
    assertThat(result.isOk()).isTrue();
    assertThat(result.authStatus()).isEqualTo(FrameAuthStatus.UNKNOWN);
    assertThat(out.array()).isEqualTo(plain);
  }

  @Test
  @DisplayName("size bounds: the ciphertext never exceeds maxCiphertextByteSize, the plaintext "
      + "fits maxPlaintextByteSize of the ciphertext, and the bound is header + frame + tag")
  void sizeBounds_hold() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    FrameEncryptor encryptor = FrameEncryptor.of(m.get(0));
    FrameDecryptor decryptor = FrameDecryptor.of(m.get(1));
    for (int size : new int[] {0, 1, 2, 15, 16, 100, 1199, 1200, 1201, 16384, 102400}) {
      for (MediaKind kind : MediaKind.values()) {
        int bound = encryptor.maxCiphertextByteSize(kind, size);
        assertThat(bound).isEqualTo(size + SframeHeader.MAX_LENGTH + 16);
        ByteBuffer out = ByteBuffer.allocate(bound + 8);
        int written = encryptor.encrypt(kind, AUDIO_SSRC, null, frame(false, size), out);
        assertThat(written).isEqualTo(out.position()).isLessThanOrEqualTo(bound);
        assertThat(decryptor.maxPlaintextByteSize(kind, written)).isGreaterThanOrEqualTo(size);
      }
    }
    assertThat(decryptor.maxPlaintextByteSize(MediaKind.AUDIO, 10)).isZero();
    assertThatThrownBy(() -> encryptor.maxCiphertextByteSize(MediaKind.AUDIO, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("an encryptedFrame buffer too small: IllegalArgumentException, nothing consumed, "
      + "no CTR burnt, nothing recorded")
  void encrypt_tooSmall_consumesNothing() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    FrameEncryptor encryptor = FrameEncryptor.of(m.get(0));
    ByteBuffer first = encrypt(encryptor, MediaKind.VIDEO, VIDEO_SSRC, frame(false, 100), false);
    long ctr = SframeHeader.peekCtr(first);
    ByteBuffer frame = frame(false, 100);
    int needed = first.remaining(); // the same KID, a CTR of the same length
    ByteBuffer small = ByteBuffer.allocate(needed - 1);
    assertThatThrownBy(() -> encryptor.encrypt(MediaKind.VIDEO, VIDEO_SSRC, null, frame, small))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(frame.position()).isZero();
    assertThat(small.position()).isZero();
    ByteBuffer next = encrypt(encryptor, MediaKind.VIDEO, VIDEO_SSRC, frame, false);
    assertThat(SframeHeader.peekCtr(next)).isEqualTo(ctr + 1);
    assertThat(next.remaining()).isEqualTo(needed);
  }

  @Test
  @DisplayName("an SSRC that is no uint32, or a 65th stream: refused before anything is "
      + "encrypted")
  void encrypt_badStream_refusedBeforeEncrypting() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    FrameEncryptor encryptor = FrameEncryptor.of(m.get(0));
    ByteBuffer out = ByteBuffer.allocate(200);
    assertThatThrownBy(() -> encryptor.encrypt(MediaKind.AUDIO, -1, null, frame(false, 10), out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> encryptor.encrypt(MediaKind.AUDIO, 1L << 32, null, frame(false, 10),
        out)).isInstanceOf(IllegalArgumentException.class);
    long lastCtr = -1;
    for (long ssrc = 0; ssrc < TagSigner.MAX_STREAMS; ssrc++) {
      lastCtr = SframeHeader.peekCtr(encrypt(encryptor, MediaKind.AUDIO, ssrc, frame(false, 10),
          false));
    }
    ByteBuffer frame = frame(false, 10);
    assertThatThrownBy(() -> encryptor.encrypt(MediaKind.AUDIO, TagSigner.MAX_STREAMS, null,
        frame, out)).isInstanceOf(IllegalStateException.class);
    assertThat(frame.position()).isZero();
    assertThat(out.position()).isZero();
    assertThat(SframeHeader.peekCtr(encrypt(encryptor, MediaKind.AUDIO, 0, frame, false)))
        .isEqualTo(lastCtr + 1);
  }

  @Test
  @DisplayName("a frame buffer too small: IllegalArgumentException before anything else; the "
      + "frame then decrypts into a buffer of the right size")
  void decrypt_tooSmall_changesNothing() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    ByteBuffer sframe = encrypt(FrameEncryptor.of(m.get(0)), MediaKind.VIDEO, VIDEO_SSRC,
        frame(true, 1200), true);
    FrameDecryptor decryptor = FrameDecryptor.of(m.get(1));
    DecryptResult result = new DecryptResult();
    ByteBuffer small = ByteBuffer.allocateDirect(1199);
    assertThatThrownBy(() -> decryptor.decrypt(MediaKind.VIDEO, null, null, sframe, small,
        result)).isInstanceOf(IllegalArgumentException.class);
    assertThat(sframe.position()).isZero();
    assertThat(small.position()).isZero();
    assertThat(decryptor.decrypt(MediaKind.VIDEO, null, null, sframe,
        ByteBuffer.allocateDirect(1200), result).isOk()).isTrue();
  }

  @ParameterizedTest(name = "direct buffers: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("garbled frames (tag, ciphertext, header) fail as FAILED_TO_DECRYPT, change "
      + "nothing and record nothing; the genuine frame then decrypts")
  void garbled_failsToDecrypt_changesNothing(boolean direct) throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    ByteBuffer sframe = encrypt(FrameEncryptor.of(m.get(0)), MediaKind.VIDEO, VIDEO_SSRC,
        frame(direct, 300), direct);
    long kid = SframeHeader.peekKid(sframe);
    long ctr = SframeHeader.peekCtr(sframe);
    FrameDecryptor decryptor = FrameDecryptor.of(m.get(1));
    SenderAuthentication auth = m.get(1).senderAuthentication().orElseThrow();
    DecryptResult result = new DecryptResult();
    ByteBuffer out = buffer(direct, 300);
    for (int at : new int[] {sframe.limit() - 1, sframe.limit() - 40, 3}) {
      ByteBuffer garbled = copy(sframe, direct);
      garbled.put(at, (byte) (garbled.get(at) ^ 0x40));
      decryptor.decrypt(MediaKind.VIDEO, null, null, garbled, out, result);
      assertThat(result.status()).isEqualTo(DecryptStatus.FAILED_TO_DECRYPT);
      assertThat(result.failure()).isInstanceOf(AuthenticationException.class);
      assertThat(result.bytesWritten()).isZero();
      assertThat(garbled.position()).isZero();
      assertThat(out.position()).isZero();
      assertThat(auth.status(kid, ctr)).isEqualTo(FrameAuthStatus.UNKNOWN); // nothing recorded
    }
    ByteBuffer truncated = copy(sframe, direct);
    truncated.limit(1);
    decryptor.decrypt(MediaKind.VIDEO, null, null, truncated, out, result);
    assertThat(result.status()).isEqualTo(DecryptStatus.FAILED_TO_DECRYPT);
    assertThat(result.failure()).isInstanceOf(DecodeException.class);
    ByteBuffer noHeader = buffer(direct, 1);
    noHeader.put(0, (byte) 0x90).limit(1); // a KID length byte with no KID after it
    decryptor.decrypt(MediaKind.VIDEO, null, null, noHeader, out, result);
    assertThat(result.status()).isEqualTo(DecryptStatus.FAILED_TO_DECRYPT);
    assertThat(result.kid()).isEqualTo(-1);

    decryptor.decrypt(MediaKind.VIDEO, null, null, sframe, out, result);
    assertThat(result.status()).isEqualTo(DecryptStatus.OK);
    assertThat(result.authStatus()).isEqualTo(FrameAuthStatus.PENDING);
    assertThat(m.get(1).media().stats().decrypted()).isEqualTo(1);
  }

  @Test
  @DisplayName("a replayed frame is REPLAYED, not a forgery: nothing written, nothing reported")
  void replayed_isReplayed() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    ByteBuffer sframe = encrypt(FrameEncryptor.of(m.get(0)), MediaKind.AUDIO, AUDIO_SSRC,
        frame(false, 80), false);
    ByteBuffer again = sframe.duplicate();
    FrameDecryptor decryptor = FrameDecryptor.of(m.get(1));
    DecryptResult result = new DecryptResult();
    ByteBuffer out = ByteBuffer.allocate(80);
    assertThat(decryptor.decrypt(MediaKind.AUDIO, null, null, sframe, out, result).isOk())
        .isTrue();
    out.clear();
    decryptor.decrypt(MediaKind.AUDIO, null, null, again, out, result);
    assertThat(result.status()).isEqualTo(DecryptStatus.REPLAYED);
    assertThat(result.failure()).isInstanceOf(ReplayException.class);
    assertThat(again.position()).isZero();
    assertThat(out.position()).isZero();
    m.get(1).poll();
    assertThat(w.forgeries).isEmpty();
  }

  @Test
  @DisplayName("a frame of an epoch the receiver has not installed yet is RECOVERABLE, and "
      + "decrypts once it has polled the commit")
  void unknownEpoch_isRecoverable_thenDecrypts() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    Meeting alice = m.get(0);
    Meeting bob = m.get(1);
    w.admit(alice, "carol"); // a joiner: alice sends under the new epoch at once
    ByteBuffer sframe = encrypt(FrameEncryptor.of(alice), MediaKind.VIDEO, VIDEO_SSRC,
        frame(true, 500), true);
    FrameDecryptor decryptor = FrameDecryptor.of(bob);
    DecryptResult result = new DecryptResult();
    ByteBuffer out = ByteBuffer.allocateDirect(500);
    decryptor.decrypt(MediaKind.VIDEO, null, null, sframe, out, result);
    assertThat(result.status()).isEqualTo(DecryptStatus.RECOVERABLE);
    assertThat(result.failure()).isInstanceOfSatisfying(MeetingRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH));
    assertThat(sframe.position()).isZero();
    bob.poll();
    assertThat(decryptor.decrypt(MediaKind.VIDEO, null, null, sframe, out, result).status())
        .isEqualTo(DecryptStatus.OK);
  }

  @Test
  @DisplayName("an insider's frame under another member's KID, arriving after that member's "
      + "signature listed the CTR: FORGED, nothing left in the buffer, the listener told")
  void forgedAfterSignature_isForged() throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob", "mallory");
    Meeting alice = m.get(0);
    Meeting bob = m.get(1);
    FrameEncryptor encryptor = FrameEncryptor.of(alice);
    List<ByteBuffer> sent = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      sent.add(encrypt(encryptor, MediaKind.AUDIO, AUDIO_SSRC, frame(false, 60), false));
    }
    long kid = SframeHeader.peekKid(sent.get(5));
    long ctr = SframeHeader.peekCtr(sent.get(5));
    w.pastMaxDelay();
    alice.poll(); // the window is due on the timer: signed, sent through the delivery service
    bob.poll(); // the statement listing CTRs 0..15 is applied before any of the frames
    SframeSender mallory = new SframeSender(alice.media().suite());
    mallory.addKey(kid, Secret.wrap(w.baseKeys.get("mallory@" + alice.epoch())), ctr);
    ByteBuffer forged = ByteBuffer.allocate(200);
    mallory.protect(kid, null, ByteBuffer.wrap(new byte[60]), forged);
    forged.flip();
    FrameDecryptor decryptor = FrameDecryptor.of(bob);
    DecryptResult result = new DecryptResult();
    ByteBuffer out = ByteBuffer.allocate(60);
    decryptor.decrypt(MediaKind.AUDIO, null, null, forged, out, result);
    assertThat(result.status()).isEqualTo(DecryptStatus.FORGED);
    assertThat(result.authStatus()).isEqualTo(FrameAuthStatus.FORGED);
    assertThat(result.bytesWritten()).isZero();
    assertThat(out.position()).isZero();
    bob.poll();
    assertThat(w.forgeries).singleElement().satisfies(f -> {
      assertThat(f.claimedLeaf()).isEqualTo(alice.ownLeaf());
      assertThat(f.reason()).isEqualTo(ForgeryReason.TAG_MISMATCH);
    });
    // alice's own frame with that CTR is now a replay; her other frames verify
    decryptor.decrypt(MediaKind.AUDIO, null, null, sent.get(5), out, result);
    assertThat(result.status()).isEqualTo(DecryptStatus.REPLAYED);
    decryptor.decrypt(MediaKind.AUDIO, null, null, sent.get(6), out, result);
    assertThat(result.status()).isEqualTo(DecryptStatus.OK);
    assertThat(result.authStatus()).isEqualTo(FrameAuthStatus.VERIFIED);
  }

  private static ByteBuffer copy(ByteBuffer b, boolean direct) {
    ByteBuffer out = direct ? ByteBuffer.allocateDirect(b.remaining())
        : ByteBuffer.allocate(b.remaining());
    out.put(b.duplicate()).flip();
    return out;
  }
}
