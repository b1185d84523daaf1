package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code GroupContext} of RFC 9420 §8.1.
 *
 * @param version the {@code ProtocolVersion} (uint16; {@link ProtocolVersion#MLS10} when valid)
 * @param cipherSuite the {@code CipherSuite} id (uint16)
 * @param groupId the group id (copied in and out)
 * @param epoch the epoch (uint64, unsigned)
 * @param treeHash the root tree hash (copied in and out)
 * @param confirmedTranscriptHash the confirmed transcript hash (copied in and out)
 * @param extensions group context extensions
 */
public record GroupContext(
    int version,
    int cipherSuite,
    byte[] groupId,
    long epoch,
    byte[] treeHash,
    byte[] confirmedTranscriptHash,
    List<Extension> extensions)
    implements MlsStruct {

  /** Checks ranges and copies arrays and the list. */
  public GroupContext {
    Wire.uint16(version, "version");
    Wire.uint16(cipherSuite, "cipherSuite");
    groupId = Wire.copy(groupId, "groupId");
    treeHash = Wire.copy(treeHash, "treeHash");
    confirmedTranscriptHash = Wire.copy(confirmedTranscriptHash, "confirmedTranscriptHash");
    extensions = Wire.list(extensions, "extensions");
  }

  /** A copy of the group id. */
  @Override
  public byte[] groupId() {
    return groupId.clone();
  }

  /** A copy of the tree hash. */
  @Override
  public byte[] treeHash() {
    return treeHash.clone();
  }

  /** A copy of the confirmed transcript hash. */
  @Override
  public byte[] confirmedTranscriptHash() {
    return confirmedTranscriptHash.clone();
  }

  /** Reads one {@code GroupContext}. */
  public static GroupContext decode(TlsReader reader) throws DecodeException {
    int version = reader.readUint16();
    int suite = reader.readUint16();
    byte[] groupId = reader.readOpaque();
    long epoch = reader.readUint64();
    byte[] treeHash = reader.readOpaque();
    byte[] transcript = reader.readOpaque();
    List<Extension> extensions = Extensions.decodeList(reader);
    return new GroupContext(version, suite, groupId, epoch, treeHash, transcript, extensions);
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint16(version);
    writer.writeUint16(cipherSuite);
    writer.writeOpaque(groupId);
    writer.writeUint64(epoch);
    writer.writeOpaque(treeHash);
    writer.writeOpaque(confirmedTranscriptHash);
    Extensions.encodeList(writer, extensions);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof GroupContext
        && Wire.sameEncoding(this, (GroupContext) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
