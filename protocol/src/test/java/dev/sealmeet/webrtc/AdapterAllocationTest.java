package dev.sealmeet.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.SenderAuthentication;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19: the adapter's round trip allocates nothing beyond what the JCE provider allocates for
 * the same frames (AES-GCM's {@code Cipher.init}, and copies of direct buffers). Counted with
 * {@code ThreadMXBean} against a raw {@code SframeSender}/{@code SframeReceiver} round trip on the
 * same buffers: a count of bytes, not a timing. Frames are counted within one signature window
 * (the statement a full window makes is allocated once per {@code N} frames, outside the count);
 * the least of many windows is the steady state.
 */
class AdapterAllocationTest {
  private static final int FRAMES_PER_WINDOW = 31; // the 32nd seals the window
  private static final int ROUNDS = 200;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private long allocated() {
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static ByteBuffer buffer(boolean direct, int capacity) {
    return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
  }

  @ParameterizedTest(name = "direct buffers: {0}")
  @ValueSource(booleans = {false, true})
  void adapterRoundTrip_allocatesNoMoreThanRawSframe(boolean direct) throws SealmeetException {
    WebRtcMeetings w = new WebRtcMeetings(true);
    List<Meeting> m = w.meeting("alice", "bob");
    FrameEncryptor encryptor = FrameEncryptor.of(m.get(0));
    FrameDecryptor decryptor = FrameDecryptor.of(m.get(1));
    SenderAuthentication aliceAuth = m.get(0).senderAuthentication().orElseThrow();
    SenderAuthentication bobAuth = m.get(1).senderAuthentication().orElseThrow();
    DecryptResult result = new DecryptResult();
    ByteBuffer plain = buffer(direct, 1200);
    ByteBuffer sframe = buffer(direct, 1200 + 40);
    ByteBuffer out = buffer(direct, 1200);

    SframeSender rawSender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    SframeReceiver rawReceiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128);
    rawSender.addKey(0x3e, Secret.copyOf(new byte[16]));
    rawReceiver.addKey(0x3e, Secret.copyOf(new byte[16]));

    long leastAdapter = Long.MAX_VALUE;
    long leastRaw = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long before = allocated();
      for (int i = 0; i < FRAMES_PER_WINDOW; i++) {
        plain.clear();
        sframe.clear();
        out.clear();
        encryptor.encrypt(MediaKind.VIDEO, 9, null, plain, sframe);
        sframe.flip();
        decryptor.decrypt(MediaKind.VIDEO, null, null, sframe, out, result);
      }
      leastAdapter = Math.min(leastAdapter, allocated() - before);
      assertThat(result.isOk()).isTrue();
      // the window's last frame, its statement signed and applied: outside the count
      plain.clear();
      sframe.clear();
      out.clear();
      encryptor.encrypt(MediaKind.VIDEO, 9, null, plain, sframe);
      sframe.flip();
      decryptor.decrypt(MediaKind.VIDEO, null, null, sframe, out, result);
      for (byte[] signature : aliceAuth.signatureFrames()) {
        bobAuth.unprotectSignature(signature);
      }

      before = allocated();
      for (int i = 0; i < FRAMES_PER_WINDOW; i++) {
        plain.clear();
        sframe.clear();
        out.clear();
        rawSender.protect(0x3e, null, plain, sframe);
        sframe.flip();
        rawReceiver.unprotect(null, sframe, out);
      }
      leastRaw = Math.min(leastRaw, allocated() - before);
    }
    double perFrame = (double) (leastAdapter - leastRaw) / FRAMES_PER_WINDOW;
    assertThat(perFrame).as("adapter %d B, raw %d B per %d frames", leastAdapter, leastRaw,
        FRAMES_PER_WINDOW).isLessThan(8);
  }
}
