package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.BadKeyException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DhGroupsTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  static Stream<DhGroup> groups() {
    return Stream.of(
        DhGroups.x25519(), DhGroups.x448(), DhGroups.p256(), DhGroups.p384(), DhGroups.p521());
  }

  static Stream<DhGroup> nistGroups() {
    return Stream.of(DhGroups.p256(), DhGroups.p384(), DhGroups.p521());
  }

  static Stream<DhGroup> xGroups() {
    return Stream.of(DhGroups.x25519(), DhGroups.x448());
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void sizes_matchRfc9180Table2() {
    assertThat(groups().map(DhGroup::kemId)).containsExactly(0x20, 0x21, 0x10, 0x11, 0x12);
    assertThat(groups().map(DhGroup::publicKeyLength)).containsExactly(32, 56, 65, 97, 133);
    assertThat(groups().map(DhGroup::privateKeyLength)).containsExactly(32, 56, 32, 48, 66);
    assertThat(groups().map(DhGroup::sharedSecretLength)).containsExactly(32, 56, 32, 48, 66);
  }

  @Test
  void x25519_rfc7748Section6_1_matchesKnownAnswer() throws Exception {
    byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    byte[] bobPublic = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    assertThat(DhGroups.x25519().publicKey(alice))
        .isEqualTo(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    assertThat(DhGroups.x25519().dh(alice, bobPublic))
        .isEqualTo(hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"));
  }

  @ParameterizedTest
  @MethodSource("groups")
  void dh_bothSides_agree(DhGroup group) throws Exception {
    RawKeyPair a = group.generateKeyPair(RANDOM);
    RawKeyPair b = group.generateKeyPair(RANDOM);
    assertThat(a.publicKey()).hasSize(group.publicKeyLength());
    assertThat(a.privateKey()).hasSize(group.privateKeyLength());
    assertThat(group.publicKey(a.privateKey())).isEqualTo(a.publicKey());
    byte[] ab = group.dh(a.privateKey(), b.publicKey());
    assertThat(ab).hasSize(group.sharedSecretLength()).isEqualTo(group.dh(b.privateKey(), a.publicKey()));
  }

  @ParameterizedTest
  @MethodSource("groups")
  void dh_publicKeyOfWrongLength_throwsInvalidKey(DhGroup group) {
    RawKeyPair a = group.generateKeyPair(RANDOM);
    byte[] pk = group.generateKeyPair(RANDOM).publicKey();
    for (byte[] bad : new byte[][] {
        Arrays.copyOf(pk, pk.length - 1), Arrays.copyOf(pk, pk.length + 1), new byte[0]}) {
      assertThatThrownBy(() -> group.dh(a.privateKey(), bad))
          .isInstanceOf(BadKeyException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void dh_privateKeyOfWrongLength_throwsInvalidKey(DhGroup group) {
    byte[] sk = group.generateKeyPair(RANDOM).privateKey();
    byte[] pk = group.generateKeyPair(RANDOM).publicKey();
    assertThatThrownBy(() -> group.dh(Arrays.copyOf(sk, sk.length + 1), pk))
        .isInstanceOf(BadKeyException.class);
    assertThatThrownBy(() -> group.publicKey(Arrays.copyOf(sk, sk.length - 1)))
        .isInstanceOf(BadKeyException.class);
  }

  @ParameterizedTest
  @MethodSource("xGroups")
  void dh_smallOrderPoint_allZeroOutput_throwsInvalidKey(DhGroup group) {
    byte[] sk = group.generateKeyPair(RANDOM).privateKey();
    byte[] zero = new byte[group.publicKeyLength()];
    byte[] one = new byte[group.publicKeyLength()];
    one[0] = 1;
    assertThatThrownBy(() -> group.dh(sk, zero))
        .isInstanceOf(BadKeyException.class)
        .hasMessageContaining("all zero");
    assertThatThrownBy(() -> group.dh(sk, one))
        .isInstanceOf(BadKeyException.class)
        .hasMessageContaining("all zero");
  }

  @Test
  void x25519_pointOfOrder8_throwsInvalidKey() {
    // A point of order 8 on Curve25519 (u = 0xe0eb7a7c...).
    byte[] order8 = hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
    byte[] sk = DhGroups.x25519().generateKeyPair(RANDOM).privateKey();
    assertThatThrownBy(() -> DhGroups.x25519().dh(sk, order8))
        .isInstanceOf(BadKeyException.class);
  }

  @ParameterizedTest
  @MethodSource("nistGroups")
  void dh_pointNotOnCurve_throwsInvalidKey(DhGroup group) {
    byte[] sk = group.generateKeyPair(RANDOM).privateKey();
    byte[] pk = group.generateKeyPair(RANDOM).publicKey();
    pk[pk.length - 1] ^= 1;
    assertThatThrownBy(() -> group.dh(sk, pk))
        .isInstanceOf(BadKeyException.class)
        .hasMessageContaining("not on the curve");
  }

  @ParameterizedTest
  @MethodSource("nistGroups")
  void dh_compressedOrInfinityEncoding_throwsInvalidKey(DhGroup group) {
    byte[] sk = group.generateKeyPair(RANDOM).privateKey();
    byte[] pk = group.generateKeyPair(RANDOM).publicKey();
    byte[] compressedPrefix = pk.clone();
    compressedPrefix[0] = 0x02;
    byte[] infinity = new byte[pk.length]; // 0x00 prefix, all zero
    byte[] zeroPoint = new byte[pk.length];
    zeroPoint[0] = 0x04; // (0, 0) is not on any of the curves
    int n = group.privateKeyLength();
    byte[] compressed = Arrays.copyOf(pk, 1 + n);
    compressed[0] = (byte) (0x02 | (pk[pk.length - 1] & 1));
    for (byte[] bad : new byte[][] {compressedPrefix, infinity, zeroPoint, compressed}) {
      assertThatThrownBy(() -> group.dh(sk, bad)).isInstanceOf(BadKeyException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("nistGroups")
  void dh_coordinateNotBelowPrime_throwsInvalidKey(DhGroup group) {
    byte[] sk = group.generateKeyPair(RANDOM).privateKey();
    byte[] pk = group.generateKeyPair(RANDOM).publicKey();
    int n = group.privateKeyLength();
    BigInteger p = fieldPrime(group);
    // x + p encodes the same residue: accepted by a lax decoder, rejected here when it still fits.
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(pk, 1, 1 + n)).add(p);
    byte[] xBytes = x.toByteArray();
    if (xBytes.length - (xBytes[0] == 0 ? 1 : 0) <= n) {
      byte[] bad = pk.clone();
      byte[] fixed = toFixed(x, n);
      System.arraycopy(fixed, 0, bad, 1, n);
      assertThatThrownBy(() -> group.dh(sk, bad)).isInstanceOf(BadKeyException.class);
    }
    byte[] badY = pk.clone();
    System.arraycopy(toFixed(p, n), 0, badY, 1 + n, n);
    assertThatThrownBy(() -> group.dh(sk, badY))
        .isInstanceOf(BadKeyException.class)
        .hasMessageContaining("field prime");
  }

  @ParameterizedTest
  @MethodSource("nistGroups")
  void publicKey_scalarZeroOrNotBelowOrder_throwsInvalidKey(DhGroup group) {
    int n = group.privateKeyLength();
    byte[] zero = new byte[n];
    byte[] ones = new byte[n];
    Arrays.fill(ones, (byte) 0xFF);
    assertThatThrownBy(() -> group.publicKey(zero)).isInstanceOf(BadKeyException.class);
    assertThatThrownBy(() -> group.publicKey(ones)).isInstanceOf(BadKeyException.class);
  }

  private static BigInteger fieldPrime(DhGroup group) {
    switch (group.kemId()) {
      case 0x10:
        return BigInteger.TWO.pow(256).subtract(BigInteger.TWO.pow(224)).add(BigInteger.TWO.pow(192))
            .add(BigInteger.TWO.pow(96)).subtract(BigInteger.ONE);
      case 0x11:
        return BigInteger.TWO.pow(384).subtract(BigInteger.TWO.pow(128)).subtract(BigInteger.TWO.pow(96))
            .add(BigInteger.TWO.pow(32)).subtract(BigInteger.ONE);
      default:
        return BigInteger.TWO.pow(521).subtract(BigInteger.ONE);
    }
  }

  private static byte[] toFixed(BigInteger v, int n) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[n];
    int copy = Math.min(raw.length, n);
    System.arraycopy(raw, raw.length - copy, out, n - copy, copy);
    return out;
  }
}
