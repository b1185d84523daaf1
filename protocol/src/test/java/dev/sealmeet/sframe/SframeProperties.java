package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * SFrame protect and unprotect (RFC 9605 §4.4) over every suite, KID, counter, metadata and
 * payload: round trips, and any bit flip, truncation or replay is rejected without changing the
 * receiver.
 */
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

  private static final Gen<SframeSuite> SUITES = Gens.enums(SframeSuite.class);

  /** Any 64-bit value, with the small and the all-ones ends drawn more often. */
  private static Gen<Long> unsigned64() {
    return Generate.oneOf(Gens.anyLong(), Gens.longs(0, 1000), Gens.longs(-1000, -1));
  }

  /** Mostly small frames, sometimes up to 100 KiB. */
  private static Gen<byte[]> payloads() {
    return Generate.frequency(
        org.quicktheories.api.Pair.of(6, Gens.bytes(1500)),
        org.quicktheories.api.Pair.of(1, Gens.ints(0, 100 * 1024)
            .map(SframeProperties::randomBytes).describedAs(b -> b.length + " random bytes")));
  }

  private static byte[] randomBytes(int length) {
    byte[] out = new byte[length];
    new Random(length).nextBytes(out);
    return out;
  }

  /** The inputs of one round trip. */
  private record RoundTrip(SframeSuite suite, long kid, long ctr, byte[] metadata, byte[] payload,
      byte[] baseKey) {
    @Override
    public String toString() {
      return suite + " kid=" + Long.toUnsignedString(kid) + " ctr=" + Long.toUnsignedString(ctr)
          + " metadata=" + Gens.hex(metadata) + " payload=" + payload.length + " bytes"
          + " baseKey=" + Gens.hex(baseKey);
    }
  }

  @Test
  void protectUnprotect_anySuiteKidCtrMetadataPayload_roundTrips() {
    Gen<Long> unsigned64 = unsigned64();
    Gen<byte[]> metadatas = Gens.bytes(64);
    Gen<byte[]> payloads = payloads();
    Gen<byte[]> baseKeys = Gens.bytes(16, 32);
    Gen<RoundTrip> inputs = in -> new RoundTrip(SUITES.generate(in), unsigned64.generate(in),
        unsigned64.generate(in), metadatas.generate(in), payloads.generate(in),
        baseKeys.generate(in));
    qt().withExamples(120)
        .forAll(inputs)
        .checkAssert(Checked.of(t -> {
          SframeSuite suite = t.suite();
          long kid = t.kid();
          long firstCtr = t.ctr() == -1L ? t.ctr() - 1 : t.ctr();
          byte[] metadata = t.metadata();
          byte[] payload = t.payload();
          Pair pair = new Pair(suite, kid, firstCtr, t.baseKey());
          ByteBuffer dst = ByteBuffer.allocate(pair.sender.protectedLength(kid, payload.length));
          int frameLength = pair.sender.protect(
              kid, ByteBuffer.wrap(metadata), ByteBuffer.wrap(payload), dst);
          assertThat(frameLength).isEqualTo(dst.capacity());
          assertThat(frameLength).isLessThanOrEqualTo(payload.length + suite.maxOverhead());
          byte[] frame = dst.array();
          assertThat(SframeHeader.decode(ByteBuffer.wrap(frame)))
              .isEqualTo(new SframeHeader(kid, firstCtr));
          assertThat(pair.receiver.unprotect(metadata, frame)).isEqualTo(payload);
          assertThat(pair.receiver.highestCounter(kid)).isEqualTo(firstCtr);
        }));
  }

  /** The inputs of one tamper: which bit of the frame or metadata to flip. */
  private record Tamper(SframeSuite suite, long kid, byte[] metadata, byte[] payload, int where) {
    @Override
    public String toString() {
      return suite + " kid=" + Long.toUnsignedString(kid) + " metadata=" + Gens.hex(metadata)
          + " payload=" + Gens.hex(payload) + " where=" + where;
    }
  }

  @Test
  void unprotect_anySingleBitFlip_isRejectedAndChangesNothing() {
    Gen<Long> unsigned64 = unsigned64();
    Gen<byte[]> metadatas = Gens.bytes(1, 32);
    Gen<byte[]> payloads = Gens.bytes(300);
    Gen<Integer> wheres = Gens.nonNegativeInts();
    Gen<Tamper> inputs = in -> new Tamper(SUITES.generate(in), unsigned64.generate(in),
        metadatas.generate(in), payloads.generate(in), wheres.generate(in));
    qt().withExamples(250)
        .forAll(inputs)
        .checkAssert(Checked.of(t -> {
          long kid = t.kid();
          byte[] metadata = t.metadata();
          byte[] payload = t.payload();
          Pair pair = new Pair(t.suite(), kid, 0,
              new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
          byte[] earlier = pair.protect(metadata, payload);
          pair.receiver.unprotect(metadata, earlier);
          byte[] frame = pair.protect(metadata, payload);

          // Flip one bit of the frame (header, ciphertext or tag) or of the metadata.
          int bits = (frame.length + metadata.length) * 8;
          int bit = t.where() % bits;
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
        }));
  }

  /** The inputs of one truncation. */
  private record Truncation(SframeSuite suite, long kid, long ctr, byte[] payload, int cut) {
    @Override
    public String toString() {
      return suite + " kid=" + Long.toUnsignedString(kid) + " ctr=" + Long.toUnsignedString(ctr)
          + " payload=" + Gens.hex(payload) + " cut=" + cut;
    }
  }

  @Test
  void unprotect_truncatedFrame_isRejectedAndChangesNothing() {
    Gen<Long> unsigned64 = unsigned64();
    Gen<byte[]> payloads = Gens.bytes(200);
    Gen<Integer> cuts = Gens.ints(0, 1000);
    Gen<Truncation> inputs = in -> new Truncation(SUITES.generate(in), unsigned64.generate(in),
        unsigned64.generate(in), payloads.generate(in), cuts.generate(in));
    qt().withExamples(200)
        .forAll(inputs)
        .checkAssert(Checked.of(t -> {
          SframeSuite suite = t.suite();
          long kid = t.kid();
          long firstCtr = t.ctr() == -1L ? t.ctr() - 1 : t.ctr();
          Pair pair = new Pair(suite, kid, firstCtr, new byte[16]);
          byte[] frame = pair.protect(null, t.payload());
          int keep = t.cut() % frame.length;
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
          assertThat(pair.receiver.unprotect(null, frame)).isEqualTo(t.payload());
        }));
  }

  @Test
  void unprotect_reorderedWithinWindow_acceptedOnceThenReplaysRejected() {
    qt().withExamples(100)
        .forAll(SUITES, unsigned64(), Gens.ints(1, 60), Gens.anyLong())
        .checkAssert(Checked.of((suite, kid, count, shuffleSeed) -> {
          Pair pair = new Pair(suite, kid, 5, new byte[16]);
          List<byte[]> frames = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            frames.add(pair.protect(null, new byte[] {(byte) i}));
          }
          List<byte[]> shuffled = new ArrayList<>(frames);
          Collections.shuffle(shuffled, new Random(shuffleSeed));
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
        }));
  }
}
