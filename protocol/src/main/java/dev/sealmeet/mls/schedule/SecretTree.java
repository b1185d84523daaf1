package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.tree.TreeMath;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The secret tree of one epoch (RFC 9420 §9): {@code encryption_secret} at the root, node secrets
 * derived down to each leaf, and each leaf's handshake and application {@link HashRatchet}.
 *
 * <pre>
 * parent ──► ExpandWithLabel(., "tree", "left", Nh)  = left child
 *        ──► ExpandWithLabel(., "tree", "right", Nh) = right child        (parent deleted)
 * leaf   ──► ExpandWithLabel(., "handshake", "", Nh)   = handshake ratchet start
 *        ──► ExpandWithLabel(., "application", "", Nh) = application ratchet start (leaf deleted)
 * </pre>
 *
 * <p>Secrets are derived lazily, on the first use of a leaf, and each node secret is deleted as soon as
 * its children exist (§9.2). The tree has the shape of the ratchet tree: leaf {@code i} is node {@code
 * 2i}, and the leaf count is rounded up to a power of two (RFC 9420 §7.1 keeps the tree full).
 * Not thread-safe.
 */
public final class SecretTree {
  private static final byte[] LEFT = "left".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RIGHT = "right".getBytes(StandardCharsets.US_ASCII);

  private final MlsSuite suite;
  private final int leafCount;
  private final int paddedLeafCount;
  private final Secret[] nodes;
  private final HashRatchet[][] ratchets;
  private final RatchetWindow window;

  /**
   * A tree over {@code leafCount} leaves rooted at {@code encryptionSecret}; takes ownership of the
   * holder.
   *
   * @throws IllegalArgumentException if {@code leafCount} is not in 1..2^30
   */
  public SecretTree(MlsSuite suite, Secret encryptionSecret, int leafCount) {
    this(suite, encryptionSecret, leafCount, RatchetWindow.DEFAULT);
  }

  /**
   * A tree whose ratchets keep out-of-order keys within {@code window} (§9.2).
   *
   * @throws IllegalArgumentException if {@code leafCount} is not in 1..2^30
   */
  public SecretTree(MlsSuite suite, Secret encryptionSecret, int leafCount, RatchetWindow window) {
    this.window = java.util.Objects.requireNonNull(window, "window");
    if (leafCount < 1 || leafCount > (1 << 30)) {
      throw new IllegalArgumentException("leaf count must be in 1..2^30: " + leafCount);
    }
    this.suite = suite;
    this.leafCount = leafCount;
    this.paddedLeafCount = Integer.highestOneBit(2 * leafCount - 1);
    this.nodes = new Secret[TreeMath.nodeWidth(paddedLeafCount)];
    this.nodes[TreeMath.root(paddedLeafCount)] = encryptionSecret;
    this.ratchets = new HashRatchet[leafCount][];
  }

  /** The number of leaves (members' positions) this tree serves. */
  public int leafCount() {
    return leafCount;
  }

  /**
   * The ratchet of {@code type} for the member at {@code leafIndex}, derived on first use.
   *
   * @throws IllegalArgumentException if {@code leafIndex} is not in 0..leafCount-1 (callers check a
   *     received leaf index against the ratchet tree first, RFC 9420 §6.3.2)
   * @throws IllegalStateException if the ratchet was erased ({@link #holds} is false)
   */
  public HashRatchet ratchet(int leafIndex, RatchetType type) {
    if (leafIndex < 0 || leafIndex >= leafCount) {
      throw new IllegalArgumentException(
          "leaf index " + leafIndex + " outside a tree of " + leafCount + " leaves");
    }
    if (ratchets[leafIndex] == null) {
      ratchets[leafIndex] = startRatchets(leafIndex);
    }
    HashRatchet ratchet = ratchets[leafIndex][type.ordinal()];
    if (ratchet == null) {
      throw new IllegalStateException("the " + type.label() + " ratchet of leaf " + leafIndex
          + " was erased; check holds() first");
    }
    return ratchet;
  }

  /**
   * Writes the tree's state for persistence: leaf count, the node secrets not yet consumed and
   * the ratchets of every leaf used so far (§9.2 deletions are kept). The bytes are secret.
   */
  public void writeState(dev.sealmeet.codec.TlsWriter writer) {
    writer.writeUint32(leafCount);
    for (Secret node : nodes) {
      SecretState.write(writer, node);
    }
    for (HashRatchet[] pair : ratchets) {
      writer.writePresence(pair != null);
      if (pair != null) {
        for (HashRatchet r : pair) {
          writer.writePresence(r != null);
          if (r != null) {
            r.writeState(writer);
          }
        }
      }
    }
  }

  /**
   * Reads a tree written by {@link #writeState}.
   *
   * @throws dev.sealmeet.error.DecodeException if the encoding is malformed
   */
  public static SecretTree readState(MlsSuite suite, RatchetWindow window,
      dev.sealmeet.codec.TlsReader reader) throws dev.sealmeet.error.DecodeException {
    long leaves = reader.readUint32();
    // Each node takes at least one byte (its presence) and each leaf one more (its ratchets'):
    // a count the remaining bytes cannot hold would only allocate.
    if (leaves < 1 || leaves > (1 << 20) || 3 * leaves - 1 > reader.remaining()) {
      throw new dev.sealmeet.error.DecodeException("persisted secret tree of " + leaves
          + " leaves");
    }
    SecretTree tree = new SecretTree(suite, null, (int) leaves, window);
    for (int i = 0; i < tree.nodes.length; i++) {
      tree.nodes[i] = SecretState.read(reader);
    }
    for (int leaf = 0; leaf < leaves; leaf++) {
      if (reader.readPresence()) {
        HashRatchet[] pair = new HashRatchet[RatchetType.values().length];
        for (RatchetType type : RatchetType.values()) {
          if (reader.readPresence()) {
            pair[type.ordinal()] = HashRatchet.readState(suite, leaf, type, window, reader);
          }
        }
        tree.ratchets[leaf] = pair;
      }
    }
    return tree;
  }

  /** Wipes every node secret and every ratchet. */
  public void destroy() {
    for (Secret node : nodes) {
      if (node != null) {
        node.destroy();
      }
    }
    for (HashRatchet[] pair : ratchets) {
      if (pair != null) {
        for (HashRatchet r : pair) {
          if (r != null) {
            r.destroy();
          }
        }
      }
    }
  }

  /**
   * Whether the ratchet of {@code type} for {@code leafIndex} is held, or can still be derived.
   * False for a leaf outside the tree, and after {@link #retainApplicationRatchets} for every
   * handshake ratchet and every leaf it did not keep.
   */
  public boolean holds(int leafIndex, RatchetType type) {
    if (leafIndex < 0 || leafIndex >= leafCount) {
      return false;
    }
    if (ratchets[leafIndex] != null) {
      return ratchets[leafIndex][type.ordinal()] != null;
    }
    int target = TreeMath.leafToNode(leafIndex);
    for (int node = TreeMath.root(paddedLeafCount); ; node = target < node
        ? TreeMath.left(node) : TreeMath.right(node)) {
      if (nodes[node] != null) {
        return true;
      }
      if (node == target) {
        return false;
      }
    }
  }

  /**
   * Keeps only what decrypts late application messages of a past epoch (RFC 9420 §14, §9.2):
   * derives the application ratchet of every leaf in {@code senders}, then erases every handshake
   * ratchet and every node secret. Afterwards {@link #holds} is false for everything else.
   *
   * @param senders the leaves that were members in this tree's epoch
   */
  public void retainApplicationRatchets(Collection<Long> senders) {
    for (long leaf : senders) {
      if (leaf < leafCount && holds((int) leaf, RatchetType.APPLICATION)) {
        ratchet((int) leaf, RatchetType.APPLICATION);
      }
    }
    for (HashRatchet[] pair : ratchets) {
      if (pair != null && pair[RatchetType.HANDSHAKE.ordinal()] != null) {
        pair[RatchetType.HANDSHAKE.ordinal()].destroy();
        pair[RatchetType.HANDSHAKE.ordinal()] = null;
      }
    }
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] != null) {
        nodes[i].destroy();
        nodes[i] = null;
      }
    }
  }

  /** Leaf count only. */
  @Override
  public String toString() {
    return "SecretTree[" + leafCount + " leaves]";
  }

  private HashRatchet[] startRatchets(int leafIndex) {
    int target = TreeMath.leafToNode(leafIndex);
    int node = TreeMath.root(paddedLeafCount);
    while (node != target) {
      Secret secret = nodes[node];
      int left = TreeMath.left(node);
      int right = TreeMath.right(node);
      if (secret != null) {
        nodes[left] = suite.expandWithLabel(secret, "tree", LEFT, suite.hashLength());
        nodes[right] = suite.expandWithLabel(secret, "tree", RIGHT, suite.hashLength());
        secret.destroy();
        nodes[node] = null;
      }
      node = target < node ? left : right;
    }
    Secret leaf = nodes[target];
    if (leaf == null) {
      throw new IllegalStateException("leaf " + leafIndex + " secret already consumed");
    }
    HashRatchet[] pair = new HashRatchet[RatchetType.values().length];
    for (RatchetType type : RatchetType.values()) {
      Secret start = suite.expandWithLabel(leaf, type.label(), new byte[0], suite.hashLength());
      pair[type.ordinal()] = new HashRatchet(suite, leafIndex, type, start, window);
    }
    leaf.destroy();
    nodes[target] = null;
    return pair;
  }
}
