package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SframeProperties {
  private static final SframeOptions OPTIONS = SframeOptions.defaults().withProvisionalSuites(true);

  /** A sender and a receiver sharing one base key under one KID. */
  private static final class Pair {
    final SframeSender sender;
    final SframeReceiver receiver;
    final long kid;

    Pair(SframeSuite suite, long kid, long firstCtr, byte[] baseKey) {
      this.sender = new SframeSender(suite, OPTIONS);
      this.receiver = new SframeReceiver(suite, OPTIONS);
      this.kid = kid;
      sender.addKey(kid, Secret.copyOf(baseKey), firstCtr);
      receiver.addKey(kid, Secret.copyOf(baseKey));
    }

    byte[] protect(byte[] metadata, byte[] payload) {
      return sender.protect(kid, metadata, payload);
    }
  }

  @Provide
  Arbitrary<Long> unsigned64() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 1000),
        Arbitraries.longs().between(-1000, -1));
  }

  /** Mostly small frames, sometimes up to 100 KiB. */
  @Provide
  Arbitrary<byte[]> payloads() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofMaxSize(1500)),
        Tuple.of(1, Arbitraries.integers().between(0, 100 * 1024).map(SframeProperties::randomBytes)));
  }

  private static byte[] randomBytes(int length) {
    byte[] out = new byte[length];
    new Random(length).nextBytes(out);
    return out;
  }

  @Property(tries = 120)
  void protectUnprotect_anySuiteKidCtrMetadataPayload_roundTrips(
      @ForAll SframeSuite suite, @ForAll("unsigned64") long kid, @ForAll("unsigned64") long ctr,
      @ForAll @Size(max = 64) byte[] metadata, @ForAll("payloads") byte[] payload,
      @ForAll @Size(min = 16, max = 32) byte[] baseKey) throws SealmeetException {
    long firstCtr = ctr == -1L ? ctr - 1 : ctr;
    Pair pair = new Pair(suite, kid, firstCtr, baseKey);
    ByteBuffer dst = ByteBuffer.allocate(pair.sender.protectedLength(kid, payload.length));
    int frameLength = pair.sender.protect(kid, ByteBuffer.wrap(metadata), ByteBuffer.wrap(payload), dst);
    assertThat(frameLength).isEqualTo(dst.capacity());
    assertThat(frameLength).isLessThanOrEqualTo(payload.length + suite.maxOverhead());
    byte[] frame = dst.array();
    assertThat(SframeHeader.decode(ByteBuffer.wrap(frame))).isEqualTo(new SframeHeader(kid, firstCtr));
    assertThat(pair.receiver.unprotect(metadata, frame)).isEqualTo(payload);
    assertThat(pair.receiver.highestCounter(kid)).isEqualTo(firstCtr);
  }

  @Property(tries = 250)
  void unprotect_anySingleBitFlip_isRejectedAndChangesNothing(
      @ForAll SframeSuite suite, @ForAll("unsigned64") long kid,
      @ForAll @Size(min = 1, max = 32) byte[] metadata, @ForAll @Size(max = 300) byte[] payload,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where) throws SealmeetException {
    Pair pair = new Pair(suite, kid, 0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
    byte[] earlier = pair.protect(metadata, payload);
    pair.receiver.unprotect(metadata, earlier);
    byte[] frame = pair.protect(metadata, payload);

    // Flip one bit of the frame (header, ciphertext or tag) or of the metadata.
    int bits = (frame.length + metadata.length) * 8;
    int bit = where % bits;
    byte[] badFrame = frame.clone();
    byte[] badMetadata = metadata.clone();
    if (bit < frame.length * 8) {
      badFrame[bit / 8] ^= (byte) (1 << (bit % 8));
    } else {
      int m = bit - frame.length * 8;
      badMetadata[m / 8] ^= (byte) (1 << (m % 8));
    }
    long highest = pair.receiver.highestCounter(kid);
    assertThatThrownBy(() -> pair.receiver.unprotect(badMetadata, badFrame))
        .isInstanceOf(SealmeetException.class)
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());

    assertThat(pair.receiver.highestCounter(kid)).isEqualTo(highest);
    assertThat(pair.receiver.unprotect(metadata, frame)).isEqualTo(payload);
    assertThatThrownBy(() -> pair.receiver.unprotect(metadata, earlier))
        .isInstanceOf(ReplayException.class);
  }

  @Property(tries = 200)
  void unprotect_truncatedFrame_isRejectedAndChangesNothing(
      @ForAll SframeSuite suite, @ForAll("unsigned64") long kid, @ForAll("unsigned64") long ctr,
      @ForAll @Size(max = 200) byte[] payload, @ForAll @IntRange(min = 0, max = 1000) int cut)
      throws SealmeetException {
    long firstCtr = ctr == -1L ? ctr - 1 : ctr;
    Pair pair = new Pair(suite, kid, firstCtr, new byte[16]);
    byte[] frame = pair.protect(null, payload);
    int keep = cut % frame.length;
    byte[] truncated = Arrays.copyOf(frame, keep);
    int headerLength = SframeHeader.encodedLength(kid, firstCtr);
    if (keep < headerLength + suite.tagLength()) {
      assertThatThrownBy(() -> pair.receiver.unprotect(null, truncated))
          .isInstanceOf(DecodeException.class);
    } else {
      assertThatThrownBy(() -> pair.receiver.unprotect(null, truncated))
          .isInstanceOf(SealmeetException.class);
    }
    assertThat(pair.receiver.hasAccepted(kid)).isFalse();
    assertThat(pair.receiver.unprotect(null, frame)).isEqualTo(payload);
  }

  @Property(tries = 100)
  void unprotect_reorderedWithinWindow_acceptedOnceThenReplaysRejected(
      @ForAll SframeSuite suite, @ForAll("unsigned64") long kid,
      @ForAll @IntRange(min = 1, max = 60) int count, @ForAll Random random)
      throws SealmeetException {
    Pair pair = new Pair(suite, kid, 5, new byte[16]);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(pair.protect(null, new byte[] {(byte) i}));
    }
    List<byte[]> shuffled = new ArrayList<>(frames);
    Collections.shuffle(shuffled, random);
    for (byte[] frame : shuffled) {
      byte[] plain = pair.receiver.unprotect(null, frame);
      assertThat(plain).containsExactly(frame == frames.get(plain[0]) ? plain[0] : -1);
    }
    assertThat(pair.receiver.highestCounter(kid)).isEqualTo(5L + count - 1);
    for (byte[] frame : frames) {
      assertThatThrownBy(() -> pair.receiver.unprotect(null, frame))
          .isInstanceOf(ReplayException.class);
    }
    assertThat(pair.receiver.highestCounter(kid)).isEqualTo(5L + count - 1);
  }
}
