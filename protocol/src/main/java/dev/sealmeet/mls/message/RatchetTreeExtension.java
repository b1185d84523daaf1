package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ratchet_tree} extension body of RFC 9420 §12.4.3.3: {@code optional<Node>
 * ratchet_tree<V>}, nodes in array-tree order with blanks as empty. Whether the tree is well formed
 * (odd length, no trailing blank) is for the tree code to judge, not the decoder.
 *
 * @param nodes the nodes, blanks empty
 */
public record RatchetTreeExtension(List<Optional<Node>> nodes) implements MlsStruct {

  /** Copies the list. */
  public RatchetTreeExtension {
    nodes = Wire.list(nodes, "nodes");
  }

  /** Reads the extension body. */
  public static RatchetTreeExtension decode(TlsReader reader) throws DecodeException {
    TlsReader body = reader.readVector();
    List<Optional<Node>> nodes = new ArrayList<>();
    while (!body.isEmpty()) {
      nodes.add(body.readPresence() ? Optional.of(Node.decode(body)) : Optional.empty());
    }
    return new RatchetTreeExtension(nodes);
  }

  /** Reads the body of an extension of type {@link Extensions#RATCHET_TREE}, exactly. */
  public static RatchetTreeExtension fromExtension(Extension extension) throws DecodeException {
    if (extension.extensionType() != Extensions.RATCHET_TREE) {
      throw new IllegalArgumentException(
          "not a ratchet_tree extension: " + extension.extensionType());
    }
    return TlsReader.decodeExactly(extension.extensionData(), RatchetTreeExtension::decode);
  }

  /** This tree as an {@link Extension} of type {@link Extensions#RATCHET_TREE}. */
  public Extension toExtension() {
    return new Extension(Extensions.RATCHET_TREE, toBytes());
  }

  /**
   * About 300 bytes a node: a leaf with a basic credential and an Ed25519 key is 250 to 300, a
   * parent well under; larger keys only mean the buffer grows.
   */
  @Override
  public int encodedSizeHint() {
    return (int) Math.min(8L + 300L * nodes.size(), TlsWriter.MAX_VARINT);
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeVector(w -> {
      for (Optional<Node> node : nodes) {
        w.writePresence(node.isPresent());
        node.ifPresent(n -> n.encode(w));
      }
    });
  }
}
