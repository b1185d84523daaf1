package dev.sealmeet.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.KeyPair;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.InvalidKeyException;
import dev.sealmeet.error.SealmeetException;
import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Round trips and tamper rejection over random configurations, modes and payloads. Tries are modest:
 * P-521 and X448 setups cost milliseconds each.
 */
class HpkeProperties {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Provide
  Arbitrary<Integer> kems() {
    return Arbitraries.of(0x0010, 0x0011, 0x0012, 0x0020, 0x0021);
  }

  /** The inputs of one sender/receiver pair in a given mode. */
  private static final class Parties {
    final Hpke hpke;
    final HpkeMode mode;
    final KeyPair receiver;
    final KeyPair sender;
    final byte[] psk;
    final byte[] pskId;

    Parties(Hpke hpke, HpkeMode mode) {
      this.hpke = hpke;
      this.mode = mode;
      this.receiver = hpke.generateKeyPair(RANDOM);
      this.sender = mode.usesSenderKey() ? hpke.generateKeyPair(RANDOM) : null;
      this.psk = mode.usesPsk() ? random(32) : new byte[0];
      this.pskId = mode.usesPsk() ? random(5) : new byte[0];
    }

    HpkeSenderContext sender(byte[] info) throws InvalidKeyException {
      return hpke.setupSender(mode, receiver.publicKey(), info, psk, pskId,
          sender == null ? null : sender.privateKey(), RANDOM);
    }

    HpkeReceiverContext receiver(byte[] enc, byte[] info) throws InvalidKeyException {
      return hpke.setupReceiver(mode, enc, receiver.privateKey(), info, psk, pskId,
          sender == null ? null : sender.publicKey());
    }
  }

  private static byte[] random(int length) {
    byte[] b = new byte[length];
    RANDOM.nextBytes(b);
    return b;
  }

  @Property(tries = 60)
  void sealThenOpen_inOrder_returnsEveryPlaintext_andExportsAgree(
      @ForAll("kems") int kemId,
      @ForAll @IntRange(min = 1, max = 3) int kdfId,
      @ForAll @IntRange(min = 1, max = 3) int aeadId,
      @ForAll HpkeMode mode,
      @ForAll @Size(max = 40) byte[] info,
      @ForAll @Size(max = 40) byte[] aad,
      @ForAll @Size(max = 300) byte[] plaintext,
      @ForAll @IntRange(min = 1, max = 3) int messages) throws Exception {
    Parties p = new Parties(Hpke.of(kemId, kdfId, aeadId), mode);
    HpkeSenderContext s = p.sender(info);
    HpkeReceiverContext r = p.receiver(s.enc(), info);
    for (int i = 0; i < messages; i++) {
      byte[] ct = s.seal(aad, plaintext);
      assertThat(ct).hasSize(plaintext.length + 16);
      assertThat(r.open(aad, ct)).isEqualTo(plaintext);
    }
    assertThat(r.sequenceNumber()).isEqualTo(messages);
    assertThat(r.export(info, 42).equalsSecret(s.export(info, 42))).isTrue();
  }

  @Property(tries = 80)
  void open_anySingleBitFlipOfEncCiphertextOrAad_isRejected(
      @ForAll("kems") int kemId,
      @ForAll @IntRange(min = 1, max = 3) int kdfId,
      @ForAll @IntRange(min = 1, max = 3) int aeadId,
      @ForAll HpkeMode mode,
      @ForAll @Size(min = 1, max = 20) byte[] aad,
      @ForAll @Size(max = 100) byte[] plaintext,
      @ForAll @IntRange(min = 0, max = 2) int target,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int bitChoice) throws Exception {
    Parties p = new Parties(Hpke.of(kemId, kdfId, aeadId), mode);
    byte[] info = {7};
    HpkeSenderContext s = p.sender(info);
    byte[] enc = s.enc();
    byte[] ct = s.seal(aad, plaintext);
    byte[] badEnc = enc.clone();
    byte[] badCt = ct.clone();
    byte[] badAad = aad.clone();
    byte[] flipped = target == 0 ? badEnc : target == 1 ? badCt : badAad;
    int bit = bitChoice % (flipped.length * 8);
    flipped[bit / 8] ^= (byte) (1 << (bit % 8));

    Exception thrown = null;
    try {
      HpkeReceiverContext r = p.receiver(badEnc, info);
      r.open(badAad, badCt);
    } catch (SealmeetException e) {
      thrown = e;
    }
    assertThat(thrown)
        .as("flip of bit %d in %s", bit, target == 0 ? "enc" : target == 1 ? "ct" : "aad")
        .isNotNull()
        .isInstanceOfAny(AuthenticationException.class, InvalidKeyException.class);
  }
}
