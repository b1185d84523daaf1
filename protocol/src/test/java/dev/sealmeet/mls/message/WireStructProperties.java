package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Generated wire records: encode then decode is the identity, and random, truncated or bit-flipped
 * encodings either decode to themselves or fail with {@link DecodeException}.
 */
class WireStructProperties {

  @Provide
  Arbitrary<WireArbitraries.Sample> samples() {
    return WireArbitraries.samples();
  }

  private static byte[] decodeAndEncode(WireArbitraries.Sample s, byte[] bytes)
      throws DecodeException {
    MlsStruct decoded = TlsReader.decodeExactly(bytes, s.decoder());
    if (decoded instanceof Proposal) {
      return ((Proposal) decoded).toProposalBytes();
    }
    return decoded.toBytes();
  }

  /** Decodes exactly; a success must re-encode to {@code bytes}. */
  private static void itselfOrRejected(WireArbitraries.Sample s, byte[] bytes) {
    try {
      assertThat(decodeAndEncode(s, bytes)).isEqualTo(bytes);
    } catch (DecodeException expected) {
      // rejected: fine
    }
  }

  @Property(tries = 300)
  void generated_encodeThenDecode_isIdentity(@ForAll("samples") WireArbitraries.Sample s)
      throws DecodeException {
    byte[] bytes = s.value().toBytes();
    assertThat(decodeAndEncode(s, bytes)).isEqualTo(bytes);
    MlsStruct decoded = TlsReader.decodeExactly(bytes, s.decoder());
    Object expected = s.value() instanceof WireArbitraries.ProposalBytes
        ? ((WireArbitraries.ProposalBytes) s.value()).proposal()
        : s.value();
    assertThat(decoded).isEqualTo(expected).hasSameHashCodeAs(expected);
  }

  @Property(tries = 200)
  void generated_strictPrefix_isRejected(
      @ForAll("samples") WireArbitraries.Sample s, @ForAll long seed) {
    byte[] bytes = s.value().toBytes();
    byte[] prefix = Arrays.copyOf(bytes, new Random(seed).nextInt(bytes.length));
    try {
      decodeAndEncode(s, prefix);
      throw new AssertionError(s + " accepted a " + prefix.length + "-byte prefix");
    } catch (DecodeException expected) {
      // every field is bounded by earlier bytes, so a strict prefix runs out
    }
  }

  @Property(tries = 200)
  void generated_trailingByte_isRejected(
      @ForAll("samples") WireArbitraries.Sample s, @ForAll byte extra) {
    byte[] bytes = s.value().toBytes();
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    longer[bytes.length] = extra;
    try {
      decodeAndEncode(s, longer);
      throw new AssertionError(s + " accepted a trailing byte");
    } catch (DecodeException expected) {
      // decodeExactly refuses leftovers
    }
  }

  @Property(tries = 300)
  void generated_bitFlipped_decodesToItselfOrIsRejected(
      @ForAll("samples") WireArbitraries.Sample s,
      @ForAll @IntRange(min = 1, max = 3) int flips,
      @ForAll long seed) {
    byte[] bytes = s.value().toBytes();
    Random random = new Random(seed);
    for (int i = 0; i < flips; i++) {
      int bit = random.nextInt(bytes.length * 8);
      bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    itselfOrRejected(s, bytes);
  }

  @Property(tries = 300)
  void randomBytes_anyDecoder_decodeToItselfOrAreRejected(
      @ForAll("samples") WireArbitraries.Sample s, @ForAll @Size(max = 64) byte[] bytes) {
    itselfOrRejected(s, bytes);
  }

  @Property(tries = 200)
  void privateMessageContent_zeroPadding_roundTrips(
      @ForAll @IntRange(min = 0, max = 40) int padding) throws DecodeException {
    PrivateMessageContent content = new PrivateMessageContent(
        new MessageContent.Application(new byte[] {1, 2, 3}),
        WireArbitraries.auth(ContentType.APPLICATION, new byte[] {9}, new byte[0]), padding);
    byte[] bytes = content.toBytes();
    PrivateMessageContent back = PrivateMessageContent.decode(bytes, ContentType.APPLICATION);
    assertThat(back.paddingLength()).isEqualTo(padding);
    assertThat(back.toBytes()).isEqualTo(bytes);
  }
}
