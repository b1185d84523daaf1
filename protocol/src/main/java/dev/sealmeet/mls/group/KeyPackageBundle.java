package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Lifetime;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.tree.TreeValidator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A KeyPackage (RFC 9420 §10) with the two private keys its owner needs to join: the HPKE init key
 * (opens the Welcome) and the leaf's encryption key. Publish {@link #keyPackage()}; keep the bundle
 * until the Welcome arrives, then {@link #close()} it (§16.8: a KeyPackage is used once, unless it
 * is a last-resort one).
 */
public final class KeyPackageBundle implements AutoCloseable {
  /** The {@code last_resort} KeyPackage extension type (IANA MLS Extension Types). */
  public static final int LAST_RESORT_EXTENSION = 0x000a;

  /** The label of a KeyPackage signature (RFC 9420 §10). */
  public static final String KEY_PACKAGE_LABEL = "KeyPackageTBS";

  private final KeyPackage keyPackage;
  private final Secret initPrivateKey;
  private final Secret encryptionPrivateKey;

  private KeyPackageBundle(KeyPackage keyPackage, Secret initKey, Secret encryptionKey) {
    this.keyPackage = keyPackage;
    this.initPrivateKey = initKey;
    this.encryptionPrivateKey = encryptionKey;
  }

  /**
   * A fresh KeyPackage for {@code identity}, valid from an hour ago (clock skew) for {@code
   * validity}.
   *
   * @param capabilities what the client supports; must list the suite, version 1 and the
   *     identity's credential type
   * @param lastResort mark it {@code last_resort}, to be used when no other KeyPackage is left
   * @param extensions further KeyPackage extensions; in a suite IANA has not assigned, the suite
   *     definition of {@code config}'s registry is added, and the capabilities list its extension
   *     type (Sealmeet spec §1.1)
   * @throws IllegalArgumentException if the capabilities do not list the suite, version or
   *     credential type, or {@code config}'s registry has no suite at the suite's code point
   */
  public static KeyPackageBundle create(MlsSuite suite, SigningIdentity identity,
      Capabilities capabilities, Duration validity, boolean lastResort, List<Extension> extensions,
      GroupConfig config) {
    Objects.requireNonNull(identity, "identity");
    if (!capabilities.cipherSuites().contains(suite.id())
        || !capabilities.versions().contains(ProtocolVersion.MLS10)
        || !capabilities.credentials().contains(identity.credential().credentialType())) {
      throw new IllegalArgumentException(
          "capabilities must list the suite, MLS 1.0 and the identity's credential type");
    }
    capabilities = SuiteBinding.withSupport(capabilities, suite.id());
    List<Extension> bound;
    try {
      bound = SuiteBinding.withBinding(extensions, suite.id(), config);
    } catch (GroupRuleException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    RawKeyPair init = suite.primitives().hpkeGenerateKeyPair();
    RawKeyPair leaf = suite.primitives().hpkeGenerateKeyPair();
    Instant now = config.clock().instant();
    Lifetime lifetime = new Lifetime(now.minusSeconds(3600).getEpochSecond(),
        now.plus(validity).getEpochSecond());
    List<Extension> all = new ArrayList<>(bound);
    if (lastResort) {
      all.add(new Extension(LAST_RESORT_EXTENSION, new byte[0]));
    }
    byte[] privateKey = identity.privateKeyCopy();
    try {
      LeafNode unsigned = new LeafNode(leaf.publicKey(), identity.signaturePublicKey(),
          identity.credential(), capabilities, LeafNodeSource.KEY_PACKAGE, Optional.of(lifetime),
          Optional.empty(), List.of(), new byte[0]);
      LeafNode signedLeaf = unsigned.withSignature(suite.signWithLabel(
          privateKey, TreeValidator.LEAF_NODE_LABEL, unsigned.toBeSigned(null, 0)));
      KeyPackage unsignedPackage = new KeyPackage(ProtocolVersion.MLS10, suite.id(),
          init.publicKey(), signedLeaf, all, new byte[0]);
      KeyPackage keyPackage = unsignedPackage.withSignature(suite.signWithLabel(
          privateKey, KEY_PACKAGE_LABEL, unsignedPackage.toBeSigned()));
      return new KeyPackageBundle(
          keyPackage, Secret.wrap(init.privateKey()), Secret.wrap(leaf.privateKey()));
    } catch (BadKeyException e) {
      throw new IllegalArgumentException("the identity's key is not a key of suite " + suite, e);
    } finally {
      java.util.Arrays.fill(privateKey, (byte) 0);
    }
  }

  /**
   * A bundle from existing values (a test vector, or state restored by the application). Checks
   * that both private keys belong to the KeyPackage's public keys.
   *
   * @throws BadKeyException if a private key is not one of the suite, or does not match
   */
  public static KeyPackageBundle of(MlsSuite suite, KeyPackage keyPackage, byte[] initPrivateKey,
      byte[] encryptionPrivateKey) throws BadKeyException {
    if (!MessageDigest.isEqual(suite.primitives().hpkePublicKey(initPrivateKey), keyPackage.initKey())
        || !MessageDigest.isEqual(suite.primitives().hpkePublicKey(encryptionPrivateKey),
            keyPackage.leafNode().encryptionKey())) {
      throw new BadKeyException("private keys do not match the KeyPackage's public keys");
    }
    return new KeyPackageBundle(
        keyPackage, Secret.copyOf(initPrivateKey), Secret.copyOf(encryptionPrivateKey));
  }

  /** The KeyPackage to publish. */
  public KeyPackage keyPackage() {
    return keyPackage;
  }

  /** Whether the KeyPackage carries the {@code last_resort} extension. */
  public boolean isLastResort() {
    return keyPackage.extensions().stream()
        .anyMatch(e -> e.extensionType() == LAST_RESORT_EXTENSION);
  }

  byte[] initPrivateKeyCopy() {
    return initPrivateKey.copyBytes();
  }

  byte[] encryptionPrivateKeyCopy() {
    return encryptionPrivateKey.copyBytes();
  }

  /**
   * The KeyPackage and both private keys as bytes, for a guest's saved state ({@code KeyPackage,
   * opaque init_priv<V>, opaque encryption_priv<V>}): as secret as the keys; store them sealed.
   */
  public byte[] exportSecret() {
    byte[] init = initPrivateKey.copyBytes();
    byte[] leaf = encryptionPrivateKey.copyBytes();
    try {
      dev.sealmeet.codec.TlsWriter w = new dev.sealmeet.codec.TlsWriter();
      keyPackage.encode(w);
      return w.writeOpaque(init).writeOpaque(leaf).toByteArray();
    } finally {
      java.util.Arrays.fill(init, (byte) 0);
      java.util.Arrays.fill(leaf, (byte) 0);
    }
  }

  /**
   * A bundle from {@link #exportSecret()}'s bytes.
   *
   * @throws dev.sealmeet.error.SealmeetException if the bytes are malformed or the keys do not
   *     match the KeyPackage
   */
  public static KeyPackageBundle importSecret(MlsSuite suite, byte[] exported)
      throws dev.sealmeet.error.SealmeetException {
    dev.sealmeet.codec.TlsReader r = dev.sealmeet.codec.TlsReader.of(exported);
    KeyPackage keyPackage = KeyPackage.decode(r);
    byte[] init = r.readOpaque();
    byte[] leaf = r.readOpaque();
    try {
      r.finish();
      return of(suite, keyPackage, init, leaf);
    } finally {
      java.util.Arrays.fill(init, (byte) 0);
      java.util.Arrays.fill(leaf, (byte) 0);
    }
  }

  /** Wipes both private keys. */
  @Override
  public void close() {
    initPrivateKey.destroy();
    encryptionPrivateKey.destroy();
  }

  /** Suite only. */
  @Override
  public String toString() {
    return String.format("KeyPackageBundle[suite 0x%04x%s]", keyPackage.cipherSuite(),
        isLastResort() ? ", last resort" : "");
  }
}
