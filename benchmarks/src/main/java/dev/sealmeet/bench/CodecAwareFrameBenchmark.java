package dev.sealmeet.bench;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.codec.CodecAwareProtector;
import dev.sealmeet.sframe.codec.CodecAwareUnprotector;
import dev.sealmeet.sframe.codec.MediaCodec;
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
 * Codec-aware SFrame ({@code protocol.md} §2.8) beside plain SFrame, both through the {@code byte[]}
 * API (which allocates its output), suite 4, one frame protected then unprotected: the cost of
 * finding the clear bytes, building the metadata, laying out the frame and (H.264, H.265) escaping.
 *
 * <p>Frames are synthetic but well formed, built by {@link SyntheticFrames} (one per codec: an Opus
 * packet, a VP8 key frame, a VP9 superframe of two frames, an H.264 IDR slice and an H.265 IDR
 * picture in Annex B, an AV1 temporal unit of a temporal delimiter and a frame OBU), their payload
 * random and free of zero bytes, so the rule finds only the structure put there.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecAwareFrameBenchmark {
  /** Encoded frame bytes. */
  @Param({"1200", "16384"})
  public int size;

  /** The codec whose rule runs ({@link MediaCodec}); H264 and H265 escape. */
  @Param({"OPUS", "VP8", "VP9", "H264", "H265", "AV1"})
  public String codec;

  private static final long KID = SframeFixture.KID;
  private MediaCodec mediaCodec;
  private byte[] frame;
  private SframeSender sender;
  private SframeReceiver receiver;
  private CodecAwareProtector protector;
  private CodecAwareUnprotector unprotector;

  /** Keys a sender and a receiver once and builds the frame. */
  @Setup
  public void setUp() {
    mediaCodec = MediaCodec.valueOf(codec);
    SframeSuite suite = SframeSuite.AES_128_GCM_SHA256_128;
    byte[] baseKey = new byte[16];
    sender = new SframeSender(suite);
    receiver = new SframeReceiver(suite);
    sender.addKey(KID, Secret.copyOf(baseKey));
    receiver.addKey(KID, Secret.copyOf(baseKey));
    protector = new CodecAwareProtector(sender);
    unprotector = new CodecAwareUnprotector(receiver);
    frame = SyntheticFrames.of(mediaCodec, size);
  }

  /** A codec-aware frame protected and unprotected. */
  @Benchmark
  public byte[] codecAware() throws SealmeetException {
    return unprotector.unprotect(null, protector.protect(KID, mediaCodec, null, frame));
  }

  /** The same frame as one plain SFrame ciphertext, protected and unprotected. */
  @Benchmark
  public byte[] plain() throws SealmeetException {
    return receiver.unprotect(null, sender.protect(KID, null, frame));
  }
}
