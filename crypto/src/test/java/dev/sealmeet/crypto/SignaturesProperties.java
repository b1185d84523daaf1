package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile input never makes {@link SignatureScheme#verify} throw, and no edit of a genuine signature
 * or message verifies.
 */
class SignaturesProperties {
  private static final List<SignatureScheme> SCHEMES = List.of(
      Signatures.ed25519(), Signatures.ed448(), Signatures.ecdsaP256Sha256(),
      Signatures.ecdsaP384Sha384(), Signatures.ecdsaP521Sha512());
  private static final List<KeyPair> KEYS = SCHEMES.stream()
      .map(s -> s.generateKeyPair(new SecureRandom())).toList();

  @Provide
  Arbitrary<Integer> scheme() {
    return Arbitraries.integers().between(0, SCHEMES.size() - 1);
  }

  @Property(tries = 200)
  void verify_arbitrarySignatureBytes_returnsFalse(
      @ForAll("scheme") int i, @ForAll @Size(max = 160) byte[] signature,
      @ForAll @Size(max = 64) byte[] message) {
    assertThat(SCHEMES.get(i).verify(KEYS.get(i).publicKey(), message, signature)).isFalse();
  }

  @Property(tries = 200)
  void verify_arbitraryPublicKeyBytes_returnsFalse(
      @ForAll("scheme") int i, @ForAll @Size(max = 140) byte[] publicKey) throws Exception {
    SignatureScheme scheme = SCHEMES.get(i);
    byte[] message = {1, 2, 3};
    byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
    assertThat(scheme.verify(publicKey, message, signature)).isFalse();
  }

  @Property(tries = 200)
  void verify_oneByteOfSignatureChanged_returnsFalse(
      @ForAll("scheme") int i, @ForAll @Size(max = 64) byte[] message,
      @ForAll @IntRange(min = 0, max = 200) int position, @ForAll @IntRange(min = 1, max = 255) int xor)
      throws Exception {
    SignatureScheme scheme = SCHEMES.get(i);
    byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
    byte[] bad = signature.clone();
    bad[position % bad.length] ^= (byte) xor;
    assertThat(scheme.verify(KEYS.get(i).publicKey(), message, bad)).isFalse();
  }

  @Property(tries = 100)
  void verify_ecdsaHighOrNegatedComponents_rejectedUnlessGenuine(
      @ForAll @IntRange(min = 2, max = 4) int i, @ForAll @Size(max = 32) byte[] message)
      throws Exception {
    // r + n and s + n are the same residues but outside [1, n-1]: must be rejected (DER still valid).
    SignatureScheme scheme = SCHEMES.get(i);
    byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
    BigInteger[] rs = EcdsaDer.decode(signature);
    BigInteger n = order(i);
    assertThat(scheme.verify(KEYS.get(i).publicKey(), message, EcdsaDer.encode(rs[0].add(n), rs[1])))
        .isFalse();
    assertThat(scheme.verify(KEYS.get(i).publicKey(), message, EcdsaDer.encode(rs[0], rs[1].add(n))))
        .isFalse();
    assertThat(scheme.verify(KEYS.get(i).publicKey(), message, signature)).isTrue();
  }

  @Property(tries = 100)
  void verify_eddsaSPlusL_rejected(@ForAll @IntRange(min = 0, max = 1) int i,
      @ForAll @Size(max = 32) byte[] message) throws Exception {
    // RFC 8032 §5.1.7 / §5.2.7: S must be below L; S + L is the malleable twin.
    SignatureScheme scheme = SCHEMES.get(i);
    byte[] signature = scheme.sign(KEYS.get(i).privateKey(), message);
    int half = signature.length / 2;
    byte[] sLittle = Arrays.copyOfRange(signature, half, signature.length);
    BigInteger s = new BigInteger(1, reverse(sLittle));
    BigInteger l = i == 0
        ? BigInteger.ONE.shiftLeft(252).add(new BigInteger("14def9dea2f79cd65812631a5cf5d3ed", 16))
        : BigInteger.ONE.shiftLeft(446).subtract(new BigInteger(
            "8335dc163bb124b65129c96fde933d8d723a70aadc873d6d54a7bb0d", 16));
    byte[] twin = reverse(toFixed(s.add(l), half));
    byte[] bad = signature.clone();
    System.arraycopy(twin, 0, bad, half, half);
    assertThat(scheme.verify(KEYS.get(i).publicKey(), message, bad)).isFalse();
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
