package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code UpdatePathNode} of RFC 9420 §7.6.
 *
 * @param encryptionKey the new HPKE public key of the path node (copied in and out)
 * @param encryptedPathSecret the path secret encrypted to each node of the copath resolution
 */
public record UpdatePathNode(byte[] encryptionKey, List<HpkeCiphertext> encryptedPathSecret)
    implements MlsStruct {

  /** Copies the key and the list. */
  public UpdatePathNode {
    encryptionKey = Wire.copy(encryptionKey, "encryptionKey");
    encryptedPathSecret = Wire.list(encryptedPathSecret, "encryptedPathSecret");
  }

  /** A copy of the HPKE public key. */
  @Override
  public byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  /** Reads one {@code UpdatePathNode}. */
  public static UpdatePathNode decode(TlsReader reader) throws DecodeException {
    byte[] key = reader.readOpaque();
    return new UpdatePathNode(key, reader.readList(HpkeCiphertext::decode));
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(encryptionKey);
    writer.writeList(encryptedPathSecret, (w, c) -> c.encode(w));
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof UpdatePathNode
        && Wire.sameEncoding(this, (UpdatePathNode) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
