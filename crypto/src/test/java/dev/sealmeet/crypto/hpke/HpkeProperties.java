package dev.sealmeet.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Round trips and tamper rejection over random configurations, modes and payloads. Tries are
 * modest: P-521 and X448 setups cost milliseconds each.
 */
class HpkeProperties {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Gen<Integer> KEMS = Generate.pick(List.of(0x0010, 0x0011, 0x0012, 0x0020,
      0x0021));
  private static final Gen<Integer> KDFS = Gens.ints(1, 3);
  private static final Gen<Integer> AEADS = Gens.ints(1, 3);
  private static final Gen<HpkeMode> MODES = Gens.enums(HpkeMode.class);

  /** One configuration (KEM, KDF and AEAD ids) and mode. */
  private record Setup(int kemId, int kdfId, int aeadId, HpkeMode mode) {
    Parties parties() throws UnsupportedException {
      return new Parties(Hpke.of(kemId, kdfId, aeadId), mode);
    }

    @Override
    public String toString() {
      return String.format("kem 0x%04x kdf %d aead %d %s", kemId, kdfId, aeadId, mode);
    }
  }

  private static Gen<Setup> setups() {
    return KEMS.zip(KDFS, AEADS, MODES, Setup::new);
  }

  /** The inputs of one sender/receiver pair in a given mode. */
  private static final class Parties {
    final Hpke hpke;
    final HpkeMode mode;
    final RawKeyPair receiver;
    final RawKeyPair sender;
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

    HpkeSenderContext sender(byte[] info) throws BadKeyException {
      return hpke.setupSender(mode, receiver.publicKey(), info, psk, pskId,
          sender == null ? null : sender.privateKey(), RANDOM);
    }

    HpkeReceiverContext receiver(byte[] enc, byte[] info) throws BadKeyException {
      return hpke.setupReceiver(mode, enc, receiver.privateKey(), info, psk, pskId,
          sender == null ? null : sender.publicKey());
    }
  }

  private static byte[] random(int length) {
    byte[] b = new byte[length];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The inputs of one sender and receiver exchanging {@code messages} equal messages. */
  private record Exchange(byte[] info, byte[] aad, byte[] plaintext, int messages) {
    @Override
    public String toString() {
      return "info=" + Gens.hex(info) + " aad=" + Gens.hex(aad) + " plaintext="
          + Gens.hex(plaintext) + " messages=" + messages;
    }
  }

  @Test
  void sealThenOpen_inOrder_returnsEveryPlaintext_andExportsAgree() {
    Gen<Exchange> exchanges =
        Gens.bytes(40).zip(Gens.bytes(40), Gens.bytes(300), Gens.ints(1, 3), Exchange::new);
    qt().withExamples(60)
        .forAll(setups(), exchanges)
        .checkAssert(Checked.of((setup, x) -> {
          Parties p = setup.parties();
          HpkeSenderContext s = p.sender(x.info());
          HpkeReceiverContext r = p.receiver(s.enc(), x.info());
          for (int i = 0; i < x.messages(); i++) {
            byte[] ct = s.seal(x.aad(), x.plaintext());
            assertThat(ct).hasSize(x.plaintext().length + 16);
            assertThat(r.open(x.aad(), ct)).isEqualTo(x.plaintext());
          }
          assertThat(r.sequenceNumber()).isEqualTo(x.messages());
          assertThat(r.export(x.info(), 42).equalsSecret(s.export(x.info(), 42))).isTrue();
        }));
  }

  /** One message to seal. */
  private record Message(byte[] aad, byte[] plaintext) {
    @Override
    public String toString() {
      return "aad=" + Gens.hex(aad) + " plaintext=" + Gens.hex(plaintext);
    }
  }

  @Test
  void open_anySingleBitFlipOfEncCiphertextOrAad_isRejected() {
    qt().withExamples(80)
        .forAll(setups(), Gens.bytes(1, 20).zip(Gens.bytes(100), Message::new), Gens.ints(0, 2),
            Gens.ints(0, Integer.MAX_VALUE - 1))
        .checkAssert(Checked.of((setup, message, target, bitChoice) -> {
          byte[] aad = message.aad();
          Parties p = setup.parties();
          byte[] info = {7};
          HpkeSenderContext s = p.sender(info);
          byte[] enc = s.enc();
          byte[] ct = s.seal(aad, message.plaintext());
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
              .isInstanceOfAny(AuthenticationException.class, BadKeyException.class);
        }));
  }
}
