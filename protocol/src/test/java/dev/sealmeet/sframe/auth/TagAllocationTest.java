package dev.sealmeet.sframe.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The media-thread calls of sender authentication allocate nothing per frame once their KID and
 * stream are known: {@link TagVerifier#onFrame} copies a tag into a ring allocated once, and {@link
 * TagSigner#record} into a window allocated once (a statement is allocated once per window, so
 * the signer is measured within one window). Bytes are counted with {@code ThreadMXBean}; this is
 * a count of allocations, not a timing.
 */
class TagAllocationTest {
  private static final int NT = 16;
  private static final long KID = 0x3e;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static byte[] frameBytes(long ctr) {
    byte[] header = new dev.sealmeet.sframe.SframeHeader(KID, ctr).encode();
    byte[] frame = new byte[header.length + 100 + NT];
    System.arraycopy(header, 0, frame, 0, header.length);
    frame[frame.length - 1] = (byte) ctr;
    return frame;
  }

  private long allocated() {
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @Test
  void onFrame_allocatesNothingPerFrame() throws Exception {
    AtomicLong clock = new AtomicLong();
    TagVerifier verifier = new TagVerifier(AuthWorld.N16, NT, new byte[1],
        (kid, tbs, signature) -> false, kid -> kid >>> 4, (kid, ctr, reason) -> { },
        clock::get);
    int frames = 20_000;
    ByteBuffer[] buffers = new ByteBuffer[frames];
    for (int i = 0; i < frames; i++) {
      buffers[i] = ByteBuffer.wrap(frameBytes(i));
    }
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) { // warm-up rounds count: the minimum is steady state
      verifier.forget(kid -> true);
      verifier.onFrame(buffers[0]); // the KID's ring
      long before = allocated();
      for (int i = 1; i < frames; i++) {
        verifier.onFrame(buffers[i]);
      }
      least = Math.min(least, allocated() - before);
    }
    assertThat((double) least / frames).isLessThan(8);
  }

  @Test
  void record_allocatesNothingWithinAWindow() throws Exception {
    AtomicLong clock = new AtomicLong();
    SenderAuthParams params = new SenderAuthParams(256, java.time.Duration.ofSeconds(1), 1,
        java.time.Duration.ofSeconds(2), 256);
    long least = Long.MAX_VALUE;
    ByteBuffer[] buffers = new ByteBuffer[255];
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = ByteBuffer.wrap(frameBytes(i));
    }
    for (int round = 0; round < 200; round++) {
      TagSigner signer = new TagSigner(params, NT, new byte[1], tbs -> new byte[64], clock::get);
      signer.record(1, buffers[0]); // the stream's window
      long before = allocated();
      for (int i = 1; i < buffers.length; i++) {
        signer.record(1, buffers[i]);
      }
      least = Math.min(least, allocated() - before);
    }
    assertThat(least).isLessThan(16);
  }
}
