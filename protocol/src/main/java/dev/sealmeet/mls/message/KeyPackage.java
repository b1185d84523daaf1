package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code KeyPackage} of RFC 9420 §10.
 *
 * @param version the {@code ProtocolVersion} (uint16; {@link ProtocolVersion#MLS10} when valid)
 * @param cipherSuite the {@code CipherSuite} id (uint16)
 * @param initKey the HPKE init public key (copied in and out)
 * @param leafNode the leaf node (source {@code key_package} when valid; not checked here)
 * @param extensions key package extensions
 * @param signature {@code SignWithLabel(., "KeyPackageTBS", KeyPackageTBS)} (copied in and out)
 */
public record KeyPackage(
    int version,
    int cipherSuite,
    byte[] initKey,
    LeafNode leafNode,
    List<Extension> extensions,
    byte[] signature)
    implements MlsMessageBody {

  /** Checks ranges and copies arrays and the list. */
  public KeyPackage {
    Wire.uint16(version, "version");
    Wire.uint16(cipherSuite, "cipherSuite");
    initKey = Wire.copy(initKey, "initKey");
    Wire.require(leafNode, "leafNode");
    extensions = Wire.list(extensions, "extensions");
    signature = Wire.copy(signature, "signature");
  }

  /** A copy of the init key. */
  @Override
  public byte[] initKey() {
    return initKey.clone();
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The same key package with another signature. */
  public KeyPackage withSignature(byte[] newSignature) {
    return new KeyPackage(version, cipherSuite, initKey, leafNode, extensions, newSignature);
  }

  @Override
  public WireFormat wireFormat() {
    return WireFormat.KEY_PACKAGE;
  }

  /** Reads one {@code KeyPackage}. */
  public static KeyPackage decode(TlsReader reader) throws DecodeException {
    int version = reader.readUint16();
    int suite = reader.readUint16();
    byte[] initKey = reader.readOpaque();
    LeafNode leaf = LeafNode.decode(reader);
    List<Extension> extensions = Extensions.decodeList(reader);
    return new KeyPackage(version, suite, initKey, leaf, extensions, reader.readOpaque());
  }

  @Override
  public void encode(TlsWriter writer) {
    encodeContent(writer);
    writer.writeOpaque(signature);
  }

  private void encodeContent(TlsWriter writer) {
    writer.writeUint16(version);
    writer.writeUint16(cipherSuite);
    writer.writeOpaque(initKey);
    leafNode.encode(writer);
    Extensions.encodeList(writer, extensions);
  }

  /** The {@code KeyPackageTBS} bytes of RFC 9420 §10: everything but the signature. */
  public byte[] toBeSigned() {
    TlsWriter writer = new TlsWriter();
    encodeContent(writer);
    return writer.toByteArray();
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof KeyPackage
        && Wire.sameEncoding(this, (KeyPackage) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
