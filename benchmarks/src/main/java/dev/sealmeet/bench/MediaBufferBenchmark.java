package dev.sealmeet.bench;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.AuthenticatedFrame;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.meeting.SenderAuthentication;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import dev.sealmeet.webrtc.DecryptResult;
import dev.sealmeet.webrtc.FrameDecryptor;
import dev.sealmeet.webrtc.FrameEncryptor;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The meeting's media plane from and into caller-owned buffers (issue 19), one round trip per
 * operation (a sender protects, a receiver unprotects), AES-128-GCM, the JDK's provider, heap or
 * direct buffers allocated once in setup, so {@code -prof gc} shows what one frame allocates:
 *
 * <ul>
 *   <li>{@link #rawSframe}: {@code SframeSender}/{@code SframeReceiver} buffer forms, one KID, no
 *       meeting: the baseline the buffer paths are held to (within 1.1×).
 *   <li>{@link #mediaProtector}: the meeting's {@code MediaProtector} buffer forms between two
 *       members of a real meeting (key snapshot, KID to epoch and sender, counters).
 *   <li>{@link #senderAuth}: {@code SenderAuthentication} buffer forms (tag recorded, frame
 *       classified), and, when due, the signature frames: signed by the sender (Ed25519, every
 *       N = 32 frames, T = 500 ms, the defaults), protected, decrypted, verified and applied by
 *       the receiver, each sent twice (R = 2): the whole cost of both ends, amortized per frame.
 *   <li>{@link #adapter}: the same through {@code webrtc.FrameEncryptor}/{@code FrameDecryptor}.
 *   <li>{@link #byteArrays}: {@code SenderAuthentication}'s byte[] forms, for contrast (the copies
 *       issue 19 measured).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MediaBufferBenchmark {
  /** Plaintext bytes per frame: an MTU-sized packet, a video frame. */
  @Param({"1200", "16384"})
  public int size;

  /** {@code heap} or {@code direct} buffers. */
  @Param({"heap", "direct"})
  public String buffers;

  /**
   * {@code N}, the frames per signature: 32 is the default; with 256 (and 1,024 frames kept) a
   * statement is signed, sent, verified and applied 8 times less often, so {@code (t(32) −
   * t(256)) × 8/7} is the statement work's share of a frame at the default.
   */
  @Param({"32"})
  public int framesPerSignature;

  private static final long KID = 0x3e;
  private static final long SSRC = 0x5EA1L;

  private SframeSender rawSender;
  private SframeReceiver rawReceiver;
  private MediaProtector aliceMedia;
  private MediaProtector bobMedia;
  private SenderAuthentication aliceAuth;
  private SenderAuthentication bobAuth;
  private FrameEncryptor encryptor;
  private FrameDecryptor decryptor;
  private final DecryptResult result = new DecryptResult();
  private ByteBuffer plaintext;
  private ByteBuffer sframe;
  private ByteBuffer decrypted;
  private byte[] plaintextBytes;

  /** A meeting of two, a raw SFrame pair, and the buffers. */
  @Setup
  public void setUp() {
    SenderAuthParams defaults = SenderAuthParams.defaults();
    MeetingPairFixture pair = new MeetingPairFixture(new SenderAuthParams(framesPerSignature,
        defaults.maxDelay(), defaults.copies(), defaults.deadline(),
        Math.max(defaults.framesKept(), 4 * framesPerSignature)));
    aliceMedia = pair.alice.media();
    bobMedia = pair.bob.media();
    aliceAuth = pair.alice.senderAuthentication().orElseThrow();
    bobAuth = pair.bob.senderAuthentication().orElseThrow();
    encryptor = FrameEncryptor.of(pair.alice);
    decryptor = FrameDecryptor.of(pair.bob);
    SframeSuite suite = SframeSuite.AES_128_GCM_SHA256_128;
    byte[] baseKey = new byte[16];
    new Random(1).nextBytes(baseKey);
    rawSender = new SframeSender(suite);
    rawReceiver = new SframeReceiver(suite);
    rawSender.addKey(KID, Secret.copyOf(baseKey));
    rawReceiver.addKey(KID, Secret.copyOf(baseKey));
    boolean direct = buffers.equals("direct");
    plaintextBytes = new byte[size];
    new Random(size).nextBytes(plaintextBytes);
    plaintext = allocate(direct, size);
    plaintext.put(plaintextBytes);
    sframe = allocate(direct, size + SframeHeader.MAX_LENGTH + suite.tagLength());
    decrypted = allocate(direct, size);
  }

  private static ByteBuffer allocate(boolean direct, int capacity) {
    return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
  }

  private void reset() {
    plaintext.clear();
    sframe.clear();
    decrypted.clear();
  }

  /** (a) The baseline: raw SFrame round trip, buffer forms. */
  @Benchmark
  public int rawSframe() throws SealmeetException {
    reset();
    rawSender.protect(KID, null, plaintext, sframe);
    sframe.flip();
    return rawReceiver.unprotect(null, sframe, decrypted);
  }

  /** (b) The meeting's media plane, buffer forms. */
  @Benchmark
  public int mediaProtector() throws SealmeetException {
    reset();
    aliceMedia.protect(null, plaintext, sframe);
    sframe.flip();
    return bobMedia.unprotect(null, sframe, decrypted);
  }

  /** (c) Sender authentication, buffer forms, signature frames included when due. */
  @Benchmark
  public int senderAuth() throws SealmeetException {
    reset();
    aliceAuth.protect(SSRC, plaintext, sframe);
    sframe.flip();
    FrameAuthStatus status = bobAuth.unprotect(sframe, decrypted);
    return decrypted.position() + status.ordinal() + signatures();
  }

  /** (d) The WebRTC adapter, signature frames included when due. */
  @Benchmark
  public int adapter() throws SealmeetException {
    reset();
    encryptor.encrypt(MediaKind.VIDEO, SSRC, null, plaintext, sframe);
    sframe.flip();
    decryptor.decrypt(MediaKind.VIDEO, null, null, sframe, decrypted, result);
    return result.bytesWritten() + result.authStatus().ordinal() + signatures();
  }

  /** (e) Sender authentication, byte[] forms, for contrast. */
  @Benchmark
  public int byteArrays() throws SealmeetException {
    byte[] protectedFrame = aliceAuth.protect(SSRC, plaintextBytes);
    AuthenticatedFrame frame = bobAuth.unprotect(protectedFrame);
    return frame.frame().payload().length + frame.status().ordinal() + signatures();
  }

  /** The sender's signature frames due now, applied at the receiver; how many. */
  private int signatures() throws SealmeetException {
    int n = 0;
    for (byte[] signature : aliceAuth.signatureFrames()) {
      bobAuth.unprotectSignature(signature);
      n++;
    }
    return n;
  }
}
