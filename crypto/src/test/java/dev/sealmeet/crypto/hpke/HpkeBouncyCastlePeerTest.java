package dev.sealmeet.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.RawKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Differential test against an independent peer, BouncyCastle's HPKE: each side opens what the other
 * sealed, in all four modes.
 */
class HpkeBouncyCastlePeerTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @ParameterizedTest(name = "KEM {0} KDF {1} AEAD {2}")
  @CsvSource({"16,1,1", "17,2,2", "18,3,2", "32,1,3", "33,3,3", "32,3,2", "16,2,3"})
  void sealAndOpen_interoperateWithBouncyCastle_inEveryMode(int kem, int kdf, int aead)
      throws Exception {
    Hpke ours = Hpke.of(kem, kdf, aead);
    byte[] info = "info".getBytes(StandardCharsets.UTF_8);
    byte[] aad = {1, 2, 3};
    byte[] pt = "interop".getBytes(StandardCharsets.UTF_8);
    for (HpkeMode mode : HpkeMode.values()) {
      HPKE bc = new HPKE((byte) mode.id(), (short) kem, (short) kdf, (short) aead);
      RawKeyPair r = ours.generateKeyPair(RANDOM);
      RawKeyPair s = mode.usesSenderKey() ? ours.generateKeyPair(RANDOM) : null;
      byte[] psk = mode.usesPsk() ? new byte[32] : new byte[0];
      byte[] pskId = mode.usesPsk() ? new byte[] {9} : new byte[0];
      AsymmetricCipherKeyPair bcR = bc.deserializePrivateKey(r.privateKey(), r.publicKey());
      AsymmetricCipherKeyPair bcS =
          s == null ? null : bc.deserializePrivateKey(s.privateKey(), s.publicKey());

      HpkeSenderContext sender = ours.setupSender(
          mode, r.publicKey(), info, psk, pskId, s == null ? null : s.privateKey(), RANDOM);
      byte[] ct = sender.seal(aad, pt);
      byte[] opened = bc.open(sender.enc(), bcR, info, aad, ct, psk.length == 0 ? null : psk,
          pskId.length == 0 ? null : pskId, bcS == null ? null : bcS.getPublic());
      assertThat(opened).as("BC opens ours, mode %s", mode).isEqualTo(pt);

      byte[][] bcSealed = bc.seal(bc.deserializePublicKey(r.publicKey()), info, aad, pt,
          psk.length == 0 ? null : psk, pskId.length == 0 ? null : pskId, bcS);
      byte[] ours2 = ours.open(mode, bcSealed[1], r.privateKey(), info, aad, bcSealed[0], psk,
          pskId, s == null ? null : s.publicKey());
      assertThat(ours2).as("we open BC's, mode %s", mode).isEqualTo(pt);
    }
  }

  @ParameterizedTest(name = "KEM {0}")
  @CsvSource({"16,1", "17,2", "18,3", "32,1", "33,3"})
  void deriveKeyPair_matchesBouncyCastle_forEveryKem(int kem, int kdf) throws Exception {
    Hpke ours = Hpke.of(kem, kdf, 1);
    HPKE bc = new HPKE((byte) 0, (short) kem, (short) kdf, (short) 1);
    for (int i = 0; i < 16; i++) {
      byte[] ikm = new byte[32];
      RANDOM.nextBytes(ikm);
      RawKeyPair mine = ours.deriveKeyPair(ikm);
      AsymmetricCipherKeyPair theirs = bc.deriveKeyPair(ikm);
      // BC clamps X25519/X448 scalars when serializing (RFC 9180 §7.1.2 wording); we keep the
      // unclamped bytes the RFC 9180 and MLS vectors carry. Both clamp at use, so compare clamped.
      assertThat(clamp(kem, mine.privateKey()))
          .isEqualTo(clamp(kem, bc.serializePrivateKey(theirs.getPrivate())));
      assertThat(mine.publicKey()).isEqualTo(bc.serializePublicKey(theirs.getPublic()));
    }
  }

  private static byte[] clamp(int kem, byte[] sk) {
    byte[] k = sk.clone();
    if (kem == 0x20) {
      k[0] &= (byte) 0xF8;
      k[31] &= 0x7F;
      k[31] |= 0x40;
    } else if (kem == 0x21) {
      k[0] &= (byte) 0xFC;
      k[55] |= (byte) 0x80;
    }
    return k;
  }
}
