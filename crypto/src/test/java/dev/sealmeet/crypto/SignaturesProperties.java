package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hostile input never makes {@link SignatureScheme#verify} throw, and no edit of a genuine
 * signature or message verifies.
 */
class SignaturesProperties {
  private static final List<SignatureScheme> SCHEMES = List.of(
      Signatures.ed25519(), Signatures.ed448(), Signatures.ecdsaP256Sha256(),
      Signatures.ecdsaP384Sha384(), Signatures.ecdsaP521Sha512(), Signatures.mlDsa65());
  private static final List<RawKeyPair> KEYS = SCHEMES.stream()
      .map(s -> s.generateKeyPair(new SecureRandom())).toList();

  /** An index into {@link #SCHEMES}, printed as the scheme it picks. */
  private static Gen<Integer> scheme() {
    return Gens.ints(0, SCHEMES.size() - 1)
        .describedAs(i -> String.format("%d (scheme 0x%04x)", i, SCHEMES.get(i).tlsId()));
  }

  @Test
  void verify_arbitrarySignatureBytes_returnsFalse() {
    qt().withExamples(200)
        .forAll(scheme(), Gens.bytes(160), Gens.bytes(64))
        .checkAssert((i, signature, message) ->
            assertThat(SCHEMES.get(i).verify(KEYS.get(i).publicKey(), message, signature))
                .isFalse());
  }

  @Test
  void verify_arbitraryPublicKeyBytes_returnsFalse() {
    qt().withExamples(200)
        .forAll(scheme(), Gens.bytes(140))
        .checkAssert(Checked.of((i, publicKey) -> {
          SignatureScheme scheme = SCHEMES.get(i);
          byte[] message = {1, 2, 3};
          byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
          assertThat(scheme.verify(publicKey, message, signature)).isFalse();
        }));
  }

  @Test
  void verify_randomBytesOfExactLengths_returnsFalse() {
    qt().withExamples(100)
        .forAll(scheme(), Gens.anyLong())
        .checkAssert(Checked.of((i, seed) -> {
          // Right-length inputs get past the length checks into point, scalar and hint decoding.
          Random random = new Random(seed);
          SignatureScheme scheme = SCHEMES.get(i);
          byte[] message = {9};
          byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
          byte[] junkSignature = new byte[signature.length];
          random.nextBytes(junkSignature);
          byte[] junkKey = new byte[KEYS.get(i).publicKey().length];
          random.nextBytes(junkKey);
          junkKey[0] = KEYS.get(i).publicKey()[0]; // keep the SEC1 0x04 prefix for ECDSA
          assertThat(scheme.verify(KEYS.get(i).publicKey(), message, junkSignature)).isFalse();
          assertThat(scheme.verify(junkKey, message, signature)).isFalse();
        }));
  }

  @Test
  void verify_oneByteOfSignatureChanged_returnsFalse() {
    qt().withExamples(200)
        .forAll(scheme(), Gens.bytes(64), Gens.ints(0, 200), Gens.ints(1, 255))
        .checkAssert(Checked.of((i, message, position, xor) -> {
          SignatureScheme scheme = SCHEMES.get(i);
          byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
          byte[] bad = signature.clone();
          bad[position % bad.length] ^= (byte) (int) xor;
          assertThat(scheme.verify(KEYS.get(i).publicKey(), message, bad)).isFalse();
        }));
  }

  @Test
  void verify_ecdsaHighOrNegatedComponents_rejectedUnlessGenuine() {
    qt().withExamples(100)
        .forAll(Gens.ints(2, 4), Gens.bytes(32))
        .checkAssert(Checked.of((i, message) -> {
          // r + n and s + n are the same residues but outside [1, n-1]: must be rejected (DER
          // still valid).
          SignatureScheme scheme = SCHEMES.get(i);
          byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
          BigInteger[] rs = EcdsaDer.decode(signature);
          BigInteger n = order(i);
          byte[] publicKey = KEYS.get(i).publicKey();
          assertThat(scheme.verify(publicKey, message, EcdsaDer.encode(rs[0].add(n), rs[1])))
              .isFalse();
          assertThat(scheme.verify(publicKey, message, EcdsaDer.encode(rs[0], rs[1].add(n))))
              .isFalse();
          assertThat(scheme.verify(publicKey, message, signature)).isTrue();
        }));
  }

  @Test
  void verify_eddsaSPlusL_rejected() {
    qt().withExamples(100)
        .forAll(Gens.ints(0, 1), Gens.bytes(32))
        .checkAssert(Checked.of((i, message) -> {
          // RFC 8032 §5.1.7 / §5.2.7: S must be below L; S + L is the malleable twin.
          SignatureScheme scheme = SCHEMES.get(i);
          byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
          int half = signature.length / 2;
          byte[] sLittle = Arrays.copyOfRange(signature, half, signature.length);
          BigInteger s = new BigInteger(1, reverse(sLittle));
          BigInteger l = i == 0
              ? BigInteger.ONE.shiftLeft(252)
                  .add(new BigInteger("14def9dea2f79cd65812631a5cf5d3ed", 16))
              : BigInteger.ONE.shiftLeft(446).subtract(new BigInteger(
                  "8335dc163bb124b65129c96fde933d8d723a70aadc873d6d54a7bb0d", 16));
          byte[] twin = reverse(toFixed(s.add(l), half));
          byte[] bad = signature.clone();
          System.arraycopy(twin, 0, bad, half, half);
          assertThat(scheme.verify(KEYS.get(i).publicKey(), message, bad)).isFalse();
        }));
  }

  private static BigInteger order(int i) {
    switch (i) {
      case 2:
        return new BigInteger(
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
      case 3:
        return new BigInteger("ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf"
            + "581a0db248b0a77aecec196accc52973", 16);
      default:
        return new BigInteger("01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409", 16);
    }
  }

  private static byte[] toFixed(BigInteger v, int length) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  private static byte[] reverse(byte[] in) {
    byte[] out = new byte[in.length];
    for (int k = 0; k < in.length; k++) {
      out[k] = in[in.length - 1 - k];
    }
    return out;
  }
}
