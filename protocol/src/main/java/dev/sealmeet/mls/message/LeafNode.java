package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * {@code LeafNode} of RFC 9420 §7.2. {@link #lifetime()} is present exactly when the source is
 * {@code key_package}, {@link #parentHash()} exactly when it is {@code commit}.
 *
 * @param encryptionKey the HPKE public key (raw, copied in and out)
 * @param signatureKey the signature public key (raw, copied in and out)
 * @param credential the member's credential
 * @param capabilities what the member supports
 * @param source where the leaf node came from
 * @param lifetime validity period, for {@code key_package} leaves only
 * @param parentHash parent hash, for {@code commit} leaves only (copied in and out)
 * @param extensions leaf extensions
 * @param signature {@code SignWithLabel(., "LeafNodeTBS", LeafNodeTBS)} (copied in and out)
 */
public record LeafNode(
    byte[] encryptionKey,
    byte[] signatureKey,
    Credential credential,
    Capabilities capabilities,
    LeafNodeSource source,
    Optional<Lifetime> lifetime,
    Optional<byte[]> parentHash,
    List<Extension> extensions,
    byte[] signature)
    implements MlsStruct {

  /** Copies arrays and lists and checks that the source-dependent fields match the source. */
  public LeafNode {
    encryptionKey = Wire.copy(encryptionKey, "encryptionKey");
    signatureKey = Wire.copy(signatureKey, "signatureKey");
    Wire.require(credential, "credential");
    Wire.require(capabilities, "capabilities");
    Wire.require(source, "source");
    Wire.require(lifetime, "lifetime");
    parentHash = Wire.copy(parentHash, "parentHash");
    extensions = Wire.list(extensions, "extensions");
    signature = Wire.copy(signature, "signature");
    if (lifetime.isPresent() != (source == LeafNodeSource.KEY_PACKAGE)) {
      throw new IllegalArgumentException("lifetime must be present exactly for key_package leaves");
    }
    if (parentHash.isPresent() != (source == LeafNodeSource.COMMIT)) {
      throw new IllegalArgumentException("parent hash must be present exactly for commit leaves");
    }
  }

  /** A copy of the HPKE public key. */
  @Override
  public byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  /** A copy of the signature public key. */
  @Override
  public byte[] signatureKey() {
    return signatureKey.clone();
  }

  /**
   * Whether {@code other} has the same HPKE public key, compared without copying either key (for
   * the key-uniqueness scans of RFC 9420 §7.3 over a whole tree).
   */
  public boolean sameEncryptionKey(LeafNode other) {
    return MessageDigest.isEqual(encryptionKey, other.encryptionKey);
  }

  /** Whether {@code other} has the same signature public key, compared without copying. */
  public boolean sameSignatureKey(LeafNode other) {
    return MessageDigest.isEqual(signatureKey, other.signatureKey);
  }

  /** Whether this leaf's signature public key equals {@code key}, compared without copying. */
  public boolean hasSignatureKey(byte[] key) {
    return MessageDigest.isEqual(signatureKey, Wire.require(key, "key"));
  }

  /** A copy of the parent hash, present for {@code commit} leaves. */
  @Override
  public Optional<byte[]> parentHash() {
    return parentHash.map(byte[]::clone);
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The same leaf node with another signature (for signing after building the TBS). */
  public LeafNode withSignature(byte[] newSignature) {
    return new LeafNode(encryptionKey, signatureKey, credential, capabilities, source, lifetime,
        parentHash, extensions, newSignature);
  }

  /** Reads one {@code LeafNode}. */
  public static LeafNode decode(TlsReader reader) throws DecodeException {
    byte[] encryptionKey = reader.readOpaque();
    byte[] signatureKey = reader.readOpaque();
    Credential credential = Credential.decode(reader);
    Capabilities capabilities = Capabilities.decode(reader);
    LeafNodeSource source = LeafNodeSource.decode(reader);
    Optional<Lifetime> lifetime = Optional.empty();
    Optional<byte[]> parentHash = Optional.empty();
    if (source == LeafNodeSource.KEY_PACKAGE) {
      lifetime = Optional.of(Lifetime.decode(reader));
    } else if (source == LeafNodeSource.COMMIT) {
      parentHash = Optional.of(reader.readOpaque());
    }
    List<Extension> extensions = Extensions.decodeList(reader);
    byte[] signature = reader.readOpaque();
    return new LeafNode(encryptionKey, signatureKey, credential, capabilities, source, lifetime,
        parentHash, extensions, signature);
  }

  @Override
  public void encode(TlsWriter writer) {
    encodeContent(writer);
    writer.writeOpaque(signature);
  }

  private void encodeContent(TlsWriter writer) {
    writer.writeOpaque(encryptionKey);
    writer.writeOpaque(signatureKey);
    credential.encode(writer);
    capabilities.encode(writer);
    source.encode(writer);
    lifetime.ifPresent(l -> l.encode(writer));
    parentHash.ifPresent(writer::writeOpaque);
    Extensions.encodeList(writer, extensions);
  }

  /**
   * The {@code LeafNodeTBS} bytes of RFC 9420 §7.2: the content without the signature, followed for
   * {@code update} and {@code commit} leaves by the group id and the leaf index.
   *
   * @param groupId the group id; ignored (may be null) for {@code key_package} leaves
   * @param leafIndex the leaf's index (uint32); ignored for {@code key_package} leaves
   */
  public byte[] toBeSigned(byte[] groupId, long leafIndex) {
    TlsWriter writer = new TlsWriter();
    encodeContent(writer);
    if (source != LeafNodeSource.KEY_PACKAGE) {
      writer.writeOpaque(Wire.require(groupId, "groupId"));
      writer.writeUint32(Wire.uint32(leafIndex, "leafIndex"));
    }
    return writer.toByteArray();
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof LeafNode
        && Wire.sameEncoding(this, (LeafNode) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
