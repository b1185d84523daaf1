package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated wire records: encode then decode is the identity, and random, truncated or bit-flipped
 * encodings either decode to themselves or fail with {@link DecodeException}.
 */
class WireStructProperties {

  private static byte[] decodeAndEncode(WireGens.Sample s, byte[] bytes) throws DecodeException {
    MlsStruct decoded = TlsReader.decodeExactly(bytes, s.decoder());
    if (decoded instanceof Proposal) {
      return ((Proposal) decoded).toProposalBytes();
    }
    return decoded.toBytes();
  }

  /** Decodes exactly; a success must re-encode to {@code bytes}. */
  private static void itselfOrRejected(WireGens.Sample s, byte[] bytes) {
    try {
      assertThat(decodeAndEncode(s, bytes)).isEqualTo(bytes);
    } catch (DecodeException expected) {
      // rejected: fine
    }
  }

  @Test
  void generated_encodeThenDecode_isIdentity() {
    qt().withExamples(300)
        .forAll(WireGens.samples())
        .checkAssert(Checked.of(s -> {
          byte[] bytes = s.value().toBytes();
          assertThat(decodeAndEncode(s, bytes)).isEqualTo(bytes);
          MlsStruct decoded = TlsReader.decodeExactly(bytes, s.decoder());
          Object expected = s.value() instanceof WireGens.ProposalBytes
              ? ((WireGens.ProposalBytes) s.value()).proposal()
              : s.value();
          assertThat(decoded).isEqualTo(expected).hasSameHashCodeAs(expected);
        }));
  }

  @Test
  void generated_strictPrefix_isRejected() {
    qt().withExamples(200)
        .forAll(WireGens.samples(), Gens.anyLong())
        .checkAssert((s, seed) -> {
          byte[] bytes = s.value().toBytes();
          byte[] prefix = Arrays.copyOf(bytes, new Random(seed).nextInt(bytes.length));
          try {
            decodeAndEncode(s, prefix);
            throw new AssertionError(s + " accepted a " + prefix.length + "-byte prefix");
          } catch (DecodeException expected) {
            // every field is bounded by earlier bytes, so a strict prefix runs out
          }
        });
  }

  @Test
  void generated_trailingByte_isRejected() {
    qt().withExamples(200)
        .forAll(WireGens.samples(), Gens.anyByte())
        .checkAssert((s, extra) -> {
          byte[] bytes = s.value().toBytes();
          byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
          longer[bytes.length] = extra;
          try {
            decodeAndEncode(s, longer);
            throw new AssertionError(s + " accepted a trailing byte");
          } catch (DecodeException expected) {
            // decodeExactly refuses leftovers
          }
        });
  }

  @Test
  void generated_bitFlipped_decodesToItselfOrIsRejected() {
    qt().withExamples(300)
        .forAll(WireGens.samples(), Gens.ints(1, 3), Gens.anyLong())
        .checkAssert((s, flips, seed) -> {
          byte[] bytes = s.value().toBytes();
          Random random = new Random(seed);
          for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
          }
          itselfOrRejected(s, bytes);
        });
  }

  @Test
  void randomBytes_anyDecoder_decodeToItselfOrAreRejected() {
    qt().withExamples(300)
        .forAll(WireGens.samples(), Gens.bytes(64))
        .checkAssert(WireStructProperties::itselfOrRejected);
  }

  @Test
  void privateMessageContent_zeroPadding_roundTrips() {
    qt().withExamples(200)
        .forAll(Gens.ints(0, 40))
        .checkAssert(Checked.of(padding -> {
          PrivateMessageContent content = new PrivateMessageContent(
              new MessageContent.Application(new byte[] {1, 2, 3}),
              WireGens.auth(ContentType.APPLICATION, new byte[] {9}, new byte[0]), padding);
          byte[] bytes = content.toBytes();
          PrivateMessageContent back = PrivateMessageContent.decode(bytes, ContentType.APPLICATION);
          assertThat(back.paddingLength()).isEqualTo(padding);
          assertThat(back.toBytes()).isEqualTo(bytes);
        }));
  }
}
