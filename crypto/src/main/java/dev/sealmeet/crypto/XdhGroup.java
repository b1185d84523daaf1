package dev.sealmeet.crypto;

import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetBugException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc7748.X448;

/**
 * X25519 or X448 (RFC 7748) over BouncyCastle's {@code org.bouncycastle.math.ec.rfc7748}. Keys are the
 * raw 32/56-byte strings (RFC 9180 §7.1.1); scalars are clamped at use, so every private key string of
 * the right length is valid. Every public key string of the right length is a valid input to the
 * function (RFC 7748 §5); small-order inputs are caught by the all-zero check (RFC 9180 §7.1.4).
 *
 * <p>Private keys are kept as given, not clamped. RFC 9180 §7.1.2 says SerializePrivateKey clamps its
 * output, but the RFC 9180 test vectors ({@code skEm}, {@code skRm}, {@code skSm}) and the MLS test
 * vectors carry unclamped X25519/X448 private keys, and DeriveKeyPair's output is compared byte for byte
 * against them. Clamping happens at every use (DeserializePrivateKey), so both forms name the same key
 * and yield the same public key and shared secrets.
 */
final class XdhGroup implements DhGroup {
  private final boolean is25519;
  private final int length;
  private final int kemId;
  private final String name;

  private XdhGroup(boolean is25519) {
    this.is25519 = is25519;
    this.length = is25519 ? 32 : 56;
    this.kemId = is25519 ? 0x0020 : 0x0021;
    this.name = is25519 ? "X25519" : "X448";
  }

  static XdhGroup x25519() {
    return new XdhGroup(true);
  }

  static XdhGroup x448() {
    return new XdhGroup(false);
  }

  @Override
  public int kemId() {
    return kemId;
  }

  @Override
  public int publicKeyLength() {
    return length;
  }

  @Override
  public int privateKeyLength() {
    return length;
  }

  @Override
  public int sharedSecretLength() {
    return length;
  }

  @Override
  public RawKeyPair generateKeyPair(SecureRandom random) {
    byte[] sk = new byte[length];
    random.nextBytes(sk);
    try {
      return new RawKeyPair(sk, publicKey(sk));
    } catch (BadKeyException e) {
      throw new SealmeetBugException(name + " key generation failed", e);
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  @Override
  public byte[] publicKey(byte[] privateKey) throws BadKeyException {
    checkLength("private key", privateKey);
    byte[] pk = new byte[length];
    if (is25519) {
      X25519.generatePublicKey(privateKey, 0, pk, 0);
    } else {
      X448.generatePublicKey(privateKey, 0, pk, 0);
    }
    return pk;
  }

  @Override
  public byte[] dh(byte[] privateKey, byte[] publicKey) throws BadKeyException {
    checkLength("private key", privateKey);
    checkLength("public key", publicKey);
    byte[] out = new byte[length];
    boolean nonZero =
        is25519
            ? X25519.calculateAgreement(
                privateKey, 0, publicKey, 0, out, 0)
            : X448.calculateAgreement(
                privateKey, 0, publicKey, 0, out, 0);
    if (!nonZero) {
      throw new BadKeyException(
          name + " shared secret is all zero (small-order public key), RFC 9180 §7.1.4");
    }
    return out;
  }

  private void checkLength(String what, byte[] key) throws BadKeyException {
    if (key == null) {
      throw new IllegalArgumentException(name + " " + what + " must not be null");
    }
    if (key.length != length) {
      throw new BadKeyException(
          name + " " + what + " must be " + length + " bytes, got " + key.length);
    }
  }

  @Override
  public String toString() {
    return "DhGroup[" + name + "]";
  }
}
