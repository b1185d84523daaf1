package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Node} of RFC 9420 §12.4.3.3: a {@code NodeType} (uint8: leaf 1, parent 2) and the node.
 * {@link #encode} writes the node type first.
 */
public sealed interface Node extends MlsStruct permits Node.Leaf, Node.Parent {
  /** {@code NodeType leaf}. */
  int LEAF = 1;
  /** {@code NodeType parent}. */
  int PARENT = 2;

  /** A leaf node. */
  static Node leaf(LeafNode leafNode) {
    return new Leaf(leafNode);
  }

  /** A parent node. */
  static Node parent(ParentNode parentNode) {
    return new Parent(parentNode);
  }

  /** Reads one {@code Node}. */
  static Node decode(TlsReader reader) throws DecodeException {
    int type = reader.readUint8();
    switch (type) {
      case LEAF:
        return new Leaf(LeafNode.decode(reader));
      case PARENT:
        return new Parent(ParentNode.decode(reader));
      default:
        throw new DecodeException("unknown NodeType " + type + " (want 1 or 2)");
    }
  }

  /**
   * A {@code Node} holding a leaf.
   *
   * @param leafNode the leaf
   */
  record Leaf(LeafNode leafNode) implements Node {
    /** Checks for null. */
    public Leaf {
      Wire.require(leafNode, "leafNode");
    }

    @Override
    public void encode(TlsWriter writer) {
      writer.writeUint8(LEAF);
      leafNode.encode(writer);
    }
  }

  /**
   * A {@code Node} holding a parent.
   *
   * @param parentNode the parent
   */
  record Parent(ParentNode parentNode) implements Node {
    /** Checks for null. */
    public Parent {
      Wire.require(parentNode, "parentNode");
    }

    @Override
    public void encode(TlsWriter writer) {
      writer.writeUint8(PARENT);
      parentNode.encode(writer);
    }
  }
}
