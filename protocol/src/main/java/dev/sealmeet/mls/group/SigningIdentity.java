package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Credential;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A client's credential and its signature key pair (RFC 9420 §5.3): what it signs leaf nodes,
 * KeyPackages, messages and GroupInfos with. Holds the private key; {@link #close()} wipes it and
 * {@link #toString()} never prints it.
 */
public final class SigningIdentity implements AutoCloseable {
  private final Credential credential;
  private final byte[] signaturePublicKey;
  private final Secret signaturePrivateKey;

  private SigningIdentity(Credential credential, byte[] publicKey, Secret privateKey) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.signaturePublicKey = publicKey.clone();
    this.signaturePrivateKey = privateKey;
  }

  /** A fresh signature key pair of {@code suite}'s scheme for {@code credential}. */
  public static SigningIdentity generate(MlsSuite suite, Credential credential) {
    RawKeyPair pair = suite.primitives().signatureGenerateKeyPair();
    return new SigningIdentity(credential, pair.publicKey(), Secret.wrap(pair.privateKey()));
  }

  /**
   * An identity from an existing private key (copied); the public key is derived from it.
   *
   * @throws BadKeyException if the key is not a private key of the suite's scheme
   */
  public static SigningIdentity of(MlsSuite suite, Credential credential, byte[] privateKey)
      throws BadKeyException {
    byte[] publicKey = suite.primitives().signaturePublicKey(privateKey);
    return new SigningIdentity(credential, publicKey, Secret.copyOf(privateKey));
  }

  /**
   * This identity as bytes, private key included, for the application's secret storage (see
   * {@link IdentityExport} for the format): <b>the result is as secret as the private key</b>.
   * Whoever holds it can sign as this client; store it sealed, wipe it after use, never log it.
   *
   * @param suite the suite the key pair is of (named in the bytes and checked on import)
   */
  public byte[] exportSecret(MlsSuite suite) {
    return IdentityExport.export(suite, credential, signaturePublicKey, signaturePrivateKey);
  }

  /**
   * The identity {@link #exportSecret} wrote. The caller wipes {@code exported} afterwards.
   *
   * @throws dev.sealmeet.error.DecodeException if the bytes are malformed, of another format
   *     version, or have trailing bytes
   * @throws dev.sealmeet.error.UnsupportedException if they are of another cipher suite
   * @throws BadKeyException if the private key is not one of the suite's signature scheme, or
   *     does not match the public key stored with it
   */
  public static SigningIdentity importSecret(MlsSuite suite, byte[] exported)
      throws dev.sealmeet.error.SealmeetException {
    return IdentityExport.importFrom(suite, exported);
  }

  /** The credential presented in leaf nodes. */
  public Credential credential() {
    return credential;
  }

  /** A copy of the signature public key. */
  public byte[] signaturePublicKey() {
    return signaturePublicKey.clone();
  }

  /** Whether {@code publicKey} is this identity's signature key. */
  boolean hasKey(byte[] publicKey) {
    return MessageDigest.isEqual(signaturePublicKey, publicKey);
  }

  /**
   * {@code SignWithLabel(key, label, content)} (RFC 9420 §5.1.2) with this identity's key: for an
   * application's own signed statements (a meeting's admitter signs the Welcomes it sends), under
   * labels of its own that no MLS structure uses.
   */
  public byte[] signWithLabel(MlsSuite suite, String label, byte[] content) {
    byte[] key = privateKeyCopy();
    try {
      return suite.signWithLabel(key, label, content);
    } catch (dev.sealmeet.error.BadKeyException e) {
      throw new IllegalStateException("the identity's key does not fit the suite", e);
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  /** A copy of the private key for one signing operation; the caller wipes it. */
  byte[] privateKeyCopy() {
    return signaturePrivateKey.copyBytes();
  }

  /** Wipes the private key; signing afterwards throws IllegalStateException. */
  @Override
  public void close() {
    signaturePrivateKey.destroy();
  }

  /** The credential type only. */
  @Override
  public String toString() {
    return "SigningIdentity[credential type " + credential.credentialType() + "]";
  }
}
