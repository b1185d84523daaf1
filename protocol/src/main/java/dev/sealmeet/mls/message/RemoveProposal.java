package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Remove} of RFC 9420 §12.1.3.
 *
 * @param removed the leaf index of the member to remove (uint32)
 */
public record RemoveProposal(long removed) implements Proposal {

  /** Checks the range. */
  public RemoveProposal {
    Wire.uint32(removed, "removed");
  }

  @Override
  public int proposalType() {
    return REMOVE;
  }

  /** Reads a {@code Remove} body. */
  public static RemoveProposal decode(TlsReader reader) throws DecodeException {
    return new RemoveProposal(reader.readUint32());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint32(removed);
  }
}
