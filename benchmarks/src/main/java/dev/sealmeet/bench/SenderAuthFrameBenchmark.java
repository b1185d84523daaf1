package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import java.nio.ByteBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Per-frame cost of sender authentication (spec §2.7), suite 4 (AES-128-GCM, 16-byte tags), beside
 * the same work without it. Run with {@code -p provider=jdk -p size=1200,16384}.
 *
 * <ul>
 *   <li>{@link #protect}: SFrame protect only (the baseline).
 *   <li>{@link #protectSigned}: protect, record the tag, and every 16th frame sign the statement
 *       (Ed25519, BouncyCastle): the sender's whole cost, signing amortized.
 *   <li>{@link #roundTrip}: protect and unprotect (the baseline of both ends).
 *   <li>{@link #roundTripAuthenticated}: as {@link #protectSigned}, then the receiver records the
 *       frame's tag and verifies and applies each statement (and skips its copy): both ends' whole
 *       cost. The statement's own SFrame protection (one small frame per 16) is left out.
 * </ul>
 */
public class SenderAuthFrameBenchmark extends FrameBenchmarkBase {
  private SframeFixture sframe;
  private SenderAuthFixture auth;

  /** Keys both ends once. */
  @Setup
  public void setUp() {
    sframe = new SframeFixture(4, size, provider);
    auth = new SenderAuthFixture(SframeSuite.AES_128_GCM_SHA256_128.tagLength());
  }

  /** One frame protected. */
  @Benchmark
  public int protect() {
    return sframe.protect();
  }

  /** One frame protected and recorded; a statement signed every 16 frames. */
  @Benchmark
  public int protectSigned() throws SealmeetException {
    int length = sframe.protect();
    sframe.frame.flip();
    if (auth.signer.record(1, sframe.frame)) {
      return length + auth.signer.takeDue().size();
    }
    return length;
  }

  /** One frame protected and unprotected. */
  @Benchmark
  public int roundTrip() throws SealmeetException {
    sframe.protect();
    return sframe.unprotect();
  }

  /** Both ends with sender authentication: sign every 16 frames, record, verify, classify. */
  @Benchmark
  public int roundTripAuthenticated() throws SealmeetException {
    sframe.protect();
    ByteBuffer frame = sframe.frame;
    frame.flip();
    boolean due = auth.signer.record(1, frame);
    FrameAuthStatus status = auth.verifier.onFrame(frame);
    sframe.decrypted.clear();
    int length = sframe.receiver.unprotect(NO_METADATA, frame, sframe.decrypted);
    if (due) {
      for (byte[] statement : auth.signer.takeDue()) {
        auth.verifier.onSignatureFrame(SframeFixture.KID, statement);
      }
    }
    return length + status.ordinal();
  }
}
