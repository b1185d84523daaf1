package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Update} of RFC 9420 §12.1.2.
 *
 * @param leafNode the sender's new leaf node (source {@code update} when valid)
 */
public record UpdateProposal(LeafNode leafNode) implements Proposal {

  /** Checks for null. */
  public UpdateProposal {
    Wire.require(leafNode, "leafNode");
  }

  @Override
  public int proposalType() {
    return UPDATE;
  }

  /** Reads an {@code Update} body. */
  public static UpdateProposal decode(TlsReader reader) throws DecodeException {
    return new UpdateProposal(LeafNode.decode(reader));
  }

  @Override
  public void encode(TlsWriter writer) {
    leafNode.encode(writer);
  }
}
