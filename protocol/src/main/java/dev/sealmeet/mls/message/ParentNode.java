package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code ParentNode} of RFC 9420 §7.1.
 *
 * @param encryptionKey the HPKE public key (copied in and out)
 * @param parentHash the parent hash (copied in and out)
 * @param unmergedLeaves leaf indices (uint32 each) of leaves not yet merged below this node
 */
public record ParentNode(byte[] encryptionKey, byte[] parentHash, List<Long> unmergedLeaves)
    implements MlsStruct {

  /** Copies arrays and the list and checks the index range. */
  public ParentNode {
    encryptionKey = Wire.copy(encryptionKey, "encryptionKey");
    parentHash = Wire.copy(parentHash, "parentHash");
    unmergedLeaves = Wire.uint32List(unmergedLeaves, "unmergedLeaves");
  }

  /** A copy of the HPKE public key. */
  @Override
  public byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  /** A copy of the parent hash. */
  @Override
  public byte[] parentHash() {
    return parentHash.clone();
  }

  /** Reads one {@code ParentNode}. */
  public static ParentNode decode(TlsReader reader) throws DecodeException {
    byte[] encryptionKey = reader.readOpaque();
    byte[] parentHash = reader.readOpaque();
    return new ParentNode(encryptionKey, parentHash, Wire.readUint32List(reader));
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(encryptionKey);
    writer.writeOpaque(parentHash);
    Wire.writeUint32List(writer, unmergedLeaves);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof ParentNode
        && Wire.sameEncoding(this, (ParentNode) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
