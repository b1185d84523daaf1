package dev.sealmeet.conformance.wycheproof;

import dev.sealmeet.crypto.DhGroup;
import dev.sealmeet.crypto.DhGroups;
import dev.sealmeet.error.BadKeyException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

/**
 * X25519/X448 ({@code xdh_comp_schema_v1}) and ECDH over P-256/384/521 with SEC1 point public keys
 * ({@code ecdh_ecpoint_test_schema_v1}) through {@link DhGroups}: {@code dh(private, public)} must
 * equal {@code shared}, or throw {@link BadKeyException} to reject.
 *
 * <p>Policy for {@code acceptable} (spec/wycheproof-policy.md): XDH cases are accepted with the
 * expected output (RFC 7748 §5: every 32/56-byte string is a valid input), except those whose shared
 * secret is all zeros, which are rejected (RFC 9180 §7.1.4). ECDH cases are rejected: HPKE's
 * DeserializePublicKey takes only uncompressed points (RFC 9180 §7.1.1), so compressed public keys
 * are refused.
 */
final class DhCheck implements Check {
  /** XDH flags whose acceptable cases we reject because the shared secret is all zeros. */
  private static final Set<String> XDH_REJECTED_FLAGS = Set.of("ZeroSharedSecret");

  private final boolean xdh;

  private DhCheck(boolean xdh) {
    this.xdh = xdh;
  }

  static DhCheck xdh() {
    return new DhCheck(true);
  }

  static DhCheck ecpoint() {
    return new DhCheck(false);
  }

  @Override
  public String groupLabel(WycheproofTest t) {
    return t.group().string("curve");
  }

  @Override
  public String skipReason(WycheproofTest t) {
    if (!xdh && !"ecpoint".equals(t.group().string("encoding"))) {
      return "public key encoding " + t.group().string("encoding") + " is not our API's";
    }
    return group(t) == null ? "no DH group in our API for curve " + groupLabel(t) : null;
  }

  @Override
  public boolean expectAccept(WycheproofTest t) {
    switch (t.result()) {
      case VALID:
        return true;
      case INVALID:
        return false;
      default:
        if (!xdh) {
          return false; // compressed public keys: not RFC 9180 SerializePublicKey
        }
        boolean zeroShared = isAllZero(t.test().hex("shared"));
        return !zeroShared && t.flags().stream().noneMatch(XDH_REJECTED_FLAGS::contains);
    }
  }

  @Override
  public Verdict run(WycheproofTest t) {
    DhGroup group = group(t);
    byte[] privateKey = xdh ? t.test().hex("private") : fixedLength(t.test().hex("private"), group);
    byte[] shared;
    try {
      shared = group.dh(privateKey, t.test().hex("public"));
    } catch (BadKeyException e) {
      return Verdict.rejected(e);
    }
    return Verdict.acceptedComparing(Arrays.equals(shared, t.test().hex("shared")), "shared");
  }

  /**
   * Wycheproof gives ECDH private keys as big-endian integers of any length (a leading 00, or
   * shorter); our API takes RFC 9180 SerializePrivateKey, exactly {@code Nsk} bytes.
   */
  private static byte[] fixedLength(byte[] integer, DhGroup group) {
    BigInteger d = new BigInteger(1, integer);
    int n = group.privateKeyLength();
    if (d.bitLength() > 8 * n) {
      throw new IllegalArgumentException("private key has more than " + n + " bytes");
    }
    byte[] magnitude = d.toByteArray();
    byte[] out = new byte[n];
    int copy = Math.min(magnitude.length, n);
    System.arraycopy(magnitude, magnitude.length - copy, out, n - copy, copy);
    return out;
  }

  private DhGroup group(WycheproofTest t) {
    switch (t.group().string("curve")) {
      case "curve25519":
        return xdh ? DhGroups.x25519() : null;
      case "curve448":
        return xdh ? DhGroups.x448() : null;
      case "secp256r1":
        return xdh ? null : DhGroups.p256();
      case "secp384r1":
        return xdh ? null : DhGroups.p384();
      case "secp521r1":
        return xdh ? null : DhGroups.p521();
      default:
        return null;
    }
  }

  private static boolean isAllZero(byte[] bytes) {
    int acc = 0;
    for (byte b : bytes) {
      acc |= b;
    }
    return acc == 0;
  }
}
