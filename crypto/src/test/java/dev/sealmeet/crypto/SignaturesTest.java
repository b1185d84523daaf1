package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.BadKeyException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignaturesTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] MESSAGE = "Sealmeet signature test".getBytes(StandardCharsets.UTF_8);

  static Stream<SignatureScheme> schemes() {
    return Stream.of(
        Signatures.ed25519(), Signatures.ed448(), Signatures.ecdsaP256Sha256(),
        Signatures.ecdsaP384Sha384(), Signatures.ecdsaP521Sha512(), Signatures.mlDsa65(),
        Signatures.mlDsa44(), Signatures.mlDsa87());
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  @Test
  void tlsIds_matchRfc8446Registry() {
    assertThat(schemes().map(SignatureScheme::tlsId))
        .containsExactly(0x0807, 0x0808, 0x0403, 0x0503, 0x0603, 0x0905, 0x0904, 0x0906);
    schemes().forEach(s -> assertThat(Signatures.forTlsId(s.tlsId())).isSameAs(s));
    assertThat(Signatures.forTlsId(0x0401)).isNull();
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void signThenVerify_roundTrip_accepts(SignatureScheme scheme) throws Exception {
    RawKeyPair kp = scheme.generateKeyPair(RANDOM);
    assertThat(scheme.publicKey(kp.privateKey())).isEqualTo(kp.publicKey());
    byte[] sig = scheme.sign(kp.privateKey(), MESSAGE);
    assertThat(scheme.verify(kp.publicKey(), MESSAGE, sig)).isTrue();
    assertThat(scheme.verify(kp.publicKey(), new byte[0], scheme.sign(kp.privateKey(), new byte[0])))
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void verify_tamperedMessage_rejects(SignatureScheme scheme) throws Exception {
    RawKeyPair kp = scheme.generateKeyPair(RANDOM);
    byte[] sig = scheme.sign(kp.privateKey(), MESSAGE);
    byte[] tampered = MESSAGE.clone();
    tampered[3] ^= 0x01;
    assertThat(scheme.verify(kp.publicKey(), tampered, sig)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void verify_everySignatureByteWithABitFlipped_rejects(SignatureScheme scheme) throws Exception {
    RawKeyPair kp = scheme.generateKeyPair(RANDOM);
    byte[] sig = scheme.sign(kp.privateKey(), MESSAGE);
    int stride = Math.max(1, sig.length / 150); // ML-DSA signatures are 3309 bytes: sample them
    for (int i = 0; i < sig.length; i += stride) {
      byte[] bad = sig.clone();
      bad[i] ^= (byte) (1 << (i % 8)); // one bit per byte, every bit position used across the bytes
      assertThat(scheme.verify(kp.publicKey(), MESSAGE, bad)).as("byte %d", i).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void verify_otherKeyOrMalformedInput_returnsFalseWithoutThrowing(SignatureScheme scheme)
      throws Exception {
    RawKeyPair kp = scheme.generateKeyPair(RANDOM);
    RawKeyPair other = scheme.generateKeyPair(RANDOM);
    byte[] sig = scheme.sign(kp.privateKey(), MESSAGE);
    assertThat(scheme.verify(other.publicKey(), MESSAGE, sig)).isFalse();
    byte[] pk = kp.publicKey();
    assertThat(scheme.verify(pk, MESSAGE, new byte[0])).isFalse();
    assertThat(scheme.verify(pk, MESSAGE, java.util.Arrays.copyOf(sig, sig.length + 1))).isFalse();
    assertThat(scheme.verify(pk, MESSAGE, java.util.Arrays.copyOf(sig, sig.length - 1))).isFalse();
    assertThat(scheme.verify(new byte[0], MESSAGE, sig)).isFalse();
    assertThat(scheme.verify(new byte[pk.length], MESSAGE, sig)).isFalse();
    assertThat(scheme.verify(null, MESSAGE, sig)).isFalse();
    assertThat(scheme.verify(pk, MESSAGE, null)).isFalse();
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[RANDOM.nextInt(2 * sig.length)];
      RANDOM.nextBytes(junk);
      assertThat(scheme.verify(pk, MESSAGE, junk)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void sign_wrongLengthPrivateKey_throwsInvalidKey(SignatureScheme scheme) {
    assertThatThrownBy(() -> scheme.sign(new byte[5], MESSAGE))
        .isInstanceOf(BadKeyException.class);
    assertThatThrownBy(() -> scheme.publicKey(new byte[5])).isInstanceOf(BadKeyException.class);
  }

  @Test
  void ecdsa_zeroOrOrderScalar_throwsInvalidKey() {
    assertThatThrownBy(() -> Signatures.ecdsaP256Sha256().sign(new byte[32], MESSAGE))
        .isInstanceOf(BadKeyException.class);
    byte[] n = hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    assertThatThrownBy(() -> Signatures.ecdsaP256Sha256().publicKey(n))
        .isInstanceOf(BadKeyException.class);
  }

  /** RFC 8032 §7.1 TEST 1 and TEST 2. */
  @Test
  void ed25519_rfc8032Vectors_match() throws Exception {
    SignatureScheme ed = Signatures.ed25519();
    byte[] sk1 = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    byte[] pk1 = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    byte[] sig1 = hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    assertThat(ed.publicKey(sk1)).isEqualTo(pk1);
    assertThat(ed.sign(sk1, new byte[0])).isEqualTo(sig1);
    assertThat(ed.verify(pk1, new byte[0], sig1)).isTrue();

    byte[] sk2 = hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    byte[] pk2 = hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    byte[] sig2 = hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    assertThat(ed.publicKey(sk2)).isEqualTo(pk2);
    assertThat(ed.sign(sk2, hex("72"))).isEqualTo(sig2);
    assertThat(ed.verify(pk2, hex("72"), sig2)).isTrue();
  }

  /** RFC 8032 §7.4, "Blank" (empty message, empty context). */
  @Test
  void ed448_rfc8032BlankVector_matches() throws Exception {
    SignatureScheme ed = Signatures.ed448();
    byte[] sk = hex("6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3"
        + "528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b");
    byte[] pk = hex("5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778"
        + "edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180");
    byte[] sig = hex("533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f"
        + "2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a"
        + "9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4db"
        + "b61149f05a7363268c71d95808ff2e652600");
    assertThat(ed.publicKey(sk)).isEqualTo(pk);
    assertThat(ed.sign(sk, new byte[0])).isEqualTo(sig);
    assertThat(ed.verify(pk, new byte[0], sig)).isTrue();
  }

  /**
   * RFC 6979 §A.2.5: P-256, SHA-256, message "sample". The public key and verification are exact;
   * signing is randomized (the JDK's ECDSA), so our signature differs from the vector's but
   * verifies.
   */
  @Test
  void ecdsaP256_rfc6979SampleVector_matches() throws Exception {
    SignatureScheme ecdsa = Signatures.ecdsaP256Sha256();
    byte[] sk = hex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
    byte[] pk = hex("04"
        + "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
        + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
    byte[] sample = "sample".getBytes(StandardCharsets.US_ASCII);
    byte[] expected = hex("3046"
        + "022100efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
        + "022100f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8");
    assertThat(ecdsa.publicKey(sk)).isEqualTo(pk);
    assertThat(ecdsa.verify(pk, sample, expected)).isTrue();
    byte[] ours = ecdsa.sign(sk, sample);
    assertThat(ecdsa.verify(pk, sample, ours)).isTrue();
    assertThat(ecdsa.sign(sk, sample)).isNotEqualTo(ours);
  }

  /**
   * Wycheproof ecdsa_secp256r1_sha256 tcId 479 (valid): r = 3 where x(R) = n + 3, so r is x(R)
   * reduced mod n. SunEC on JDK 17.0.15 rejects it, which is why verification stays on BouncyCastle.
   */
  @Test
  void ecdsaP256_xOfRNotBelowOrder_accepts() {
    SignatureScheme ecdsa = Signatures.ecdsaP256Sha256();
    byte[] pk = hex("04"
        + "ce24c99032d52ac6ead23c0ae3ec68ef41e51a281fd457808c83136d7dcce90e"
        + "8f7a154b551e9f39c59279357aa491b2a62bdebc2bb78613883fc72936c057e0");
    byte[] message = "hello, world".getBytes(StandardCharsets.US_ASCII);
    byte[] sig = hex("3026020103"
        + "022100ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254e");
    assertThat(ecdsa.verify(pk, message, sig)).isTrue();
  }

  @Test
  void ecdsa_berLongFormLength_rejects() throws Exception {
    SignatureScheme ecdsa = Signatures.ecdsaP256Sha256();
    RawKeyPair kp = ecdsa.generateKeyPair(RANDOM);
    byte[] der = ecdsa.sign(kp.privateKey(), MESSAGE);
    // Same content with the sequence length in non-minimal long form 0x81 LL.
    byte[] ber = new byte[der.length + 1];
    ber[0] = 0x30;
    ber[1] = (byte) 0x81;
    ber[2] = der[1];
    System.arraycopy(der, 2, ber, 3, der.length - 2);
    assertThat(ecdsa.verify(kp.publicKey(), MESSAGE, der)).isTrue();
    assertThat(ecdsa.verify(kp.publicKey(), MESSAGE, ber)).isFalse();
  }
}
