package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code ReInit} of RFC 9420 §12.1.5.
 *
 * @param groupId the new group's id (copied in and out)
 * @param version the new {@code ProtocolVersion} (uint16)
 * @param cipherSuite the new {@code CipherSuite} id (uint16)
 * @param extensions the new group context extensions
 */
public record ReInitProposal(byte[] groupId, int version, int cipherSuite, List<Extension> extensions)
    implements Proposal {

  /** Checks ranges and copies. */
  public ReInitProposal {
    groupId = Wire.copy(groupId, "groupId");
    Wire.uint16(version, "version");
    Wire.uint16(cipherSuite, "cipherSuite");
    extensions = Wire.list(extensions, "extensions");
  }

  /** A copy of the group id. */
  @Override
  public byte[] groupId() {
    return groupId.clone();
  }

  @Override
  public int proposalType() {
    return REINIT;
  }

  /** Reads a {@code ReInit} body. */
  public static ReInitProposal decode(TlsReader reader) throws DecodeException {
    byte[] groupId = reader.readOpaque();
    int version = reader.readUint16();
    int suite = reader.readUint16();
    return new ReInitProposal(groupId, version, suite, Extensions.decodeList(reader));
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(groupId);
    writer.writeUint16(version);
    writer.writeUint16(cipherSuite);
    Extensions.encodeList(writer, extensions);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof ReInitProposal
        && Wire.sameEncoding(this, (ReInitProposal) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
