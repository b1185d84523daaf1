package dev.sealmeet.bench;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;

/**
 * A sender and a receiver keyed for one KID over one JCE provider, buffers sized for one frame.
 */
final class SframeFixture {
  /** A KID of the MLS shape (RFC 9605 §5.2): member 3, epoch 14 with E = 4, so a 2-byte header. */
  static final long KID = 0x3e;

  final SframeSender sender;
  final SframeReceiver receiver;
  final ByteBuffer plaintext;
  final ByteBuffer frame;
  final ByteBuffer decrypted;

  SframeFixture(int suiteId, int size, String provider) {
    SframeSuite suite;
    try {
      suite = SframeSuite.fromId(suiteId);
    } catch (SealmeetException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    byte[] baseKey = new byte[suite.keyLength() > 16 ? 32 : 16];
    for (int i = 0; i < baseKey.length; i++) {
      baseKey[i] = (byte) i;
    }
    sender = new SframeSender(suite, JceProviders.options(provider));
    receiver = new SframeReceiver(suite, JceProviders.options(provider));
    sender.addKey(KID, Secret.copyOf(baseKey));
    receiver.addKey(KID, Secret.copyOf(baseKey));
    plaintext = FrameBenchmarkBase.randomBuffer(size);
    frame = ByteBuffer.allocate(size + suite.maxOverhead());
    decrypted = ByteBuffer.allocate(size);
  }

  /** Encrypts the plaintext into {@link #frame}; returns the frame length. */
  int protect() {
    plaintext.clear();
    frame.clear();
    return sender.protect(KID, FrameBenchmarkBase.NO_METADATA, plaintext, frame);
  }

  /** Decrypts {@link #frame} (as left by {@link #protect()}); returns the plaintext length. */
  int unprotect() throws SealmeetException {
    frame.flip();
    decrypted.clear();
    return receiver.unprotect(FrameBenchmarkBase.NO_METADATA, frame, decrypted);
  }
}
