package dev.sealmeet.cli;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.sframe.SframeHeader;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * Every (key, nonce) pair the demo's senders used: the key is named by the frame's epoch and KID
 * (the KID carries the sender's leaf), the nonce by the CTR (RFC 9605 §4.4.3). A pair seen twice is
 * a reused nonce.
 */
final class NonceLedger {
  private final Set<String> used = new HashSet<>();
  private long frames;
  private long repeated;

  /** Records one sent frame of {@code epoch}. */
  void sent(long epoch, byte[] sframe) {
    try {
      SframeHeader h = SframeHeader.decode(ByteBuffer.wrap(sframe));
      frames++;
      if (!used.add(epoch + "/" + h.kid() + "/" + Long.toUnsignedString(h.ctr()))) {
        repeated++;
      }
    } catch (DecodeException e) {
      throw new IllegalStateException("the demo's own frame has no SFrame header", e);
    }
  }

  long frames() {
    return frames;
  }

  long repeated() {
    return repeated;
  }
}
