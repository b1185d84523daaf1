package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The P-curve operations that run in the JDK (SunEC) checked against BouncyCastle's independent
 * arithmetic: SunEC key generation against the fixed-base comb that {@code publicKey} uses, SunEC
 * ECDH against a BouncyCastle point multiplication, SunEC signatures against BouncyCastle's
 * verifier.
 */
class PrimeCurveJdkTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ROUNDS = 20;

  static Stream<Arguments> groups() {
    return Stream.of(
        Arguments.of(DhGroups.p256(), "P-256"),
        Arguments.of(DhGroups.p384(), "P-384"),
        Arguments.of(DhGroups.p521(), "P-521"));
  }

  static Stream<Arguments> schemes() {
    return Stream.of(
        Arguments.of(Signatures.ecdsaP256Sha256(), "P-256", "SHA-256"),
        Arguments.of(Signatures.ecdsaP384Sha384(), "P-384", "SHA-384"),
        Arguments.of(Signatures.ecdsaP521Sha512(), "P-521", "SHA-512"));
  }

  private static ECDomainParameters domain(String curve) {
    X9ECParameters params = CustomNamedCurves.getByName(curve);
    return new ECDomainParameters(params);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void generateKeyPair_jdkPublicKey_equalsFixedBaseComb(DhGroup group, String curve)
      throws Exception {
    for (int i = 0; i < ROUNDS; i++) {
      RawKeyPair kp = group.generateKeyPair(RANDOM);
      assertThat(kp.privateKey()).hasSize(group.privateKeyLength());
      assertThat(kp.publicKey()).hasSize(group.publicKeyLength());
      assertThat(group.publicKey(kp.privateKey())).isEqualTo(kp.publicKey());
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void dh_jdkSharedSecret_equalsBouncyCastleMultiplication(DhGroup group, String curve)
      throws Exception {
    ECDomainParameters domain = domain(curve);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] sk = group.generateKeyPair(RANDOM).privateKey();
      byte[] pk = group.generateKeyPair(RANDOM).publicKey();
      ECPoint expected = domain.getCurve().decodePoint(pk).multiply(new BigInteger(1, sk))
          .normalize();
      assertThat(group.dh(sk, pk)).isEqualTo(expected.getAffineXCoord().getEncoded());
    }
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void sign_jdkSignature_verifiesUnderBouncyCastle(
      SignatureScheme scheme, String curve, String hash) throws Exception {
    ECDomainParameters domain = domain(curve);
    for (int i = 0; i < ROUNDS; i++) {
      RawKeyPair kp = scheme.generateKeyPair(RANDOM);
      byte[] message = new byte[i * 7];
      RANDOM.nextBytes(message);
      byte[] signature = scheme.sign(kp.privateKey(), message);
      BigInteger[] rs = EcdsaDer.decode(signature);
      assertThat(rs).isNotNull();
      assertThat(EcdsaDer.encode(rs[0], rs[1])).isEqualTo(signature);
      ECDSASigner verifier = new ECDSASigner();
      verifier.init(false,
          new ECPublicKeyParameters(domain.getCurve().decodePoint(kp.publicKey()), domain));
      byte[] digest = MessageDigest.getInstance(hash).digest(message);
      assertThat(verifier.verifySignature(digest, rs[0], rs[1])).isTrue();
      assertThat(scheme.verify(kp.publicKey(), message, signature)).isTrue();
    }
  }
}
