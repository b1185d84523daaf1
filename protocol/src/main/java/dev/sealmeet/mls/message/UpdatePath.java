package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code UpdatePath} of RFC 9420 §7.6.
 *
 * @param leafNode the committer's new leaf node (source {@code commit} when valid; not checked here)
 * @param nodes one entry per filtered direct-path node
 */
public record UpdatePath(LeafNode leafNode, List<UpdatePathNode> nodes) implements MlsStruct {

  /** Copies the list. */
  public UpdatePath {
    Wire.require(leafNode, "leafNode");
    nodes = Wire.list(nodes, "nodes");
  }

  /** Reads one {@code UpdatePath}. */
  public static UpdatePath decode(TlsReader reader) throws DecodeException {
    LeafNode leaf = LeafNode.decode(reader);
    return new UpdatePath(leaf, reader.readList(UpdatePathNode::decode));
  }

  @Override
  public void encode(TlsWriter writer) {
    leafNode.encode(writer);
    writer.writeList(nodes, (w, n) -> n.encode(w));
  }
}
