package dev.sealmeet.mls.tree;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HPKE private keys one member holds in the ratchet tree (RFC 9420 §4, tree invariant): its
 * leaf key and the keys of nodes on its direct path it learnt from path secrets (§7.4).
 *
 * <p>Immutable: {@link #withPathSecret} and TreeKEM processing return new instances with their own
 * copies of the keys, so destroying one state never wipes another. Holds secrets; {@link
 * #toString()} prints node indices only. Call {@link #destroy()} when the epoch is gone.
 */
public final class TreePrivateKeys {
  private final long leafIndex;
  private final Map<Integer, Secret> keys;

  private TreePrivateKeys(long leafIndex, Map<Integer, Secret> keys) {
    this.leafIndex = leafIndex;
    this.keys = Collections.unmodifiableMap(keys);
  }

  /** The state of a member at {@code leafIndex} that knows only its leaf's HPKE private key. */
  public static TreePrivateKeys ofLeaf(long leafIndex, byte[] leafPrivateKey) {
    Map<Integer, Secret> keys = new TreeMap<>();
    keys.put(TreeMath.leafToNode(leafIndex), Secret.copyOf(leafPrivateKey));
    return new TreePrivateKeys(leafIndex, keys);
  }

  /** A state holding exactly {@code keys} (taken over, not copied). */
  static TreePrivateKeys of(long leafIndex, Map<Integer, Secret> keys) {
    return new TreePrivateKeys(leafIndex, new TreeMap<>(keys));
  }

  /** The member's leaf index. */
  public long leafIndex() {
    return leafIndex;
  }

  /** The node indices for which a private key is held, ascending. */
  public Set<Integer> nodes() {
    return keys.keySet();
  }

  /** Whether a private key is held for {@code nodeIndex}. */
  public boolean holds(int nodeIndex) {
    return keys.containsKey(nodeIndex);
  }

  /** A copy of the private key held for {@code nodeIndex}, if any; the caller destroys it. */
  public Optional<Secret> key(int nodeIndex) {
    Secret held = keys.get(nodeIndex);
    return held == null ? Optional.empty() : Optional.of(held.copy());
  }

  /**
   * This state plus the key pair of node {@code nodeIndex} derived from its path secret (§7.4:
   * node_secret = DeriveSecret(path_secret, "node"), DeriveKeyPair(node_secret)).
   */
  public TreePrivateKeys withPathSecret(MlsSuite suite, int nodeIndex, Secret pathSecret) {
    Map<Integer, Secret> next = copies(keys);
    Secret old = next.put(nodeIndex, nodeKeyPair(suite, pathSecret).takePrivateKey());
    if (old != null) {
      old.destroy();
    }
    return new TreePrivateKeys(leafIndex, next);
  }

  /**
   * This state without the keys of nodes that are blank in {@code tree} or outside it, as after
   * applying Update and Remove proposals, which blank direct paths (RFC 9420 §12.1.2, §12.1.3).
   */
  public TreePrivateKeys prunedTo(RatchetTree tree) {
    Set<Integer> dropped = new java.util.HashSet<>();
    for (int x : keys.keySet()) {
      if (x >= tree.nodeWidth() || tree.isBlank(x)) {
        dropped.add(x);
      }
    }
    return replaced(dropped, Map.of());
  }

  /** This state with the keys of {@code dropped} removed and {@code added} put in. */
  TreePrivateKeys replaced(Set<Integer> dropped, Map<Integer, Secret> added) {
    Map<Integer, Secret> next = copies(keys);
    for (int x : dropped) {
      Secret old = next.remove(x);
      if (old != null) {
        old.destroy();
      }
    }
    next.putAll(added);
    return new TreePrivateKeys(leafIndex, next);
  }

  /**
   * Verifies that each held key belongs to a non-blank node of {@code tree} whose public key
   * matches and that lies on this member's direct path (the tree invariant, RFC 9420 §4).
   *
   * @throws ProtocolException (§4) naming the first inconsistent node
   */
  public void requireConsistentWith(MlsSuite suite, RatchetTree tree) throws ProtocolException {
    if (leafIndex < 0 || leafIndex >= tree.leafCount()) {
      throw new ProtocolException("RFC 9420 §4", "private keys of leaf " + leafIndex
          + ", outside a tree of " + tree.leafCount() + " leaves");
    }
    int leaf = TreeMath.leafToNode(leafIndex);
    for (Map.Entry<Integer, Secret> entry : keys.entrySet()) {
      int x = entry.getKey();
      if (x < 0 || x >= tree.nodeWidth() || !TreeMath.isInSubtree(leaf, x)) {
        throw new ProtocolException("RFC 9420 §4",
            "private key for node " + x + " which is not above leaf " + leafIndex);
      }
      Optional<byte[]> publicKey = tree.encryptionKey(x);
      if (publicKey.isEmpty()) {
        throw new ProtocolException("RFC 9420 §4", "private key for blank node " + x);
      }
      byte[] derived;
      byte[] raw = entry.getValue().copyBytes();
      try {
        derived = suite.primitives().hpkePublicKey(raw);
      } catch (BadKeyException e) {
        throw new ProtocolException("RFC 9420 §4", "private key for node " + x + " is invalid");
      } finally {
        java.util.Arrays.fill(raw, (byte) 0);
      }
      if (!MessageDigest.isEqual(derived, publicKey.get())) {
        throw new ProtocolException("RFC 9420 §4",
            "private key for node " + x + " does not match the node's public key");
      }
    }
  }

  /** Writes the leaf index and every held key, for persistence. The bytes are secret. */
  public void writeState(dev.sealmeet.codec.TlsWriter writer) {
    writer.writeUint32(leafIndex);
    writer.writeUint32(keys.size());
    for (Map.Entry<Integer, Secret> e : keys.entrySet()) {
      writer.writeUint32(e.getKey());
      dev.sealmeet.mls.schedule.SecretState.write(writer, e.getValue());
    }
  }

  /**
   * Reads keys written by {@link #writeState}.
   *
   * @throws dev.sealmeet.error.DecodeException if the encoding is malformed
   */
  public static TreePrivateKeys readState(dev.sealmeet.codec.TlsReader reader)
      throws dev.sealmeet.error.DecodeException {
    long leaf = reader.readUint32();
    long count = reader.readUint32();
    if (count > 64) {
      throw new dev.sealmeet.error.DecodeException("persisted path of " + count + " keys");
    }
    Map<Integer, Secret> keys = new TreeMap<>();
    for (long i = 0; i < count; i++) {
      int node = (int) reader.readUint32();
      Secret key = dev.sealmeet.mls.schedule.SecretState.read(reader);
      if (key == null) {
        throw new dev.sealmeet.error.DecodeException("persisted path key is missing");
      }
      keys.put(node, key);
    }
    return new TreePrivateKeys(leaf, keys);
  }

  /** Wipes every held key. */
  public void destroy() {
    keys.values().forEach(Secret::destroy);
  }

  private static Map<Integer, Secret> copies(Map<Integer, Secret> keys) {
    Map<Integer, Secret> out = new TreeMap<>();
    for (Map.Entry<Integer, Secret> e : keys.entrySet()) {
      out.put(e.getKey(), e.getValue().copy());
    }
    return out;
  }

  /** The node key pair of a path secret (§7.4); the caller destroys it. */
  static RawKeyPair nodeKeyPair(MlsSuite suite, Secret pathSecret) {
    Secret nodeSecret = suite.deriveSecret(pathSecret, "node");
    byte[] ikm = nodeSecret.copyBytes();
    try {
      return suite.primitives().hpkeDeriveKeyPair(ikm);
    } finally {
      java.util.Arrays.fill(ikm, (byte) 0);
      nodeSecret.destroy();
    }
  }

  @Override
  public String toString() {
    return "TreePrivateKeys[leaf " + leafIndex + ", nodes " + keys.keySet() + "]";
  }
}
