package dev.sealmeet.mls.tree;

import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.HpkeCiphertext;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Node;
import dev.sealmeet.mls.message.ParentNode;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.message.UpdatePathNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * TreeKEM (RFC 9420 §7.4–§7.6): generating an UpdatePath for a committer and processing one as a
 * receiver, yielding the commit secret.
 *
 * <pre>
 * sender:   tree ─ generate(sender, leaf, sigKey, ctx)
 *                ─► Generated{tree', UpdatePath, keys, commit_secret}
 * receiver: tree ─ merge(sender, UpdatePath) ─► tree' (parent hashes checked, §7.9.2)
 *           tree' ─ context(tree_hash(tree')) ─► decrypt(tree, sender, UpdatePath, myKeys, ctx)
 *                                           ─► Processed{keys', path_secret, commit_secret}
 * </pre>
 *
 * <p>The provisional GroupContext is passed as a template whose {@code tree_hash} is replaced by
 * the hash of the tree after the UpdatePath is merged (§12.4.2).
 */
public final class TreeKem {
  /** The EncryptWithLabel label for path secrets (§7.6). */
  public static final String UPDATE_PATH_NODE_LABEL = "UpdatePathNode";

  private final MlsSuite suite;
  private final TreeHashes hashes;

  /** TreeKEM over {@code suite}. */
  public TreeKem(MlsSuite suite) {
    this.suite = java.util.Objects.requireNonNull(suite, "suite");
    this.hashes = new TreeHashes(suite);
  }

  /**
   * A committer's result: the tree after the path, the path to send, its own new keys, the commit
   * secret, the provisional GroupContext, and the path secret of each node of the filtered direct
   * path (for the Welcome of members added by the same commit, §12.4.3.1). The caller owns and
   * destroys the secrets.
   */
  public record Generated(RatchetTree tree, UpdatePath path, TreePrivateKeys privateKeys,
      Secret commitSecret, GroupContext groupContext, Map<Integer, Secret> pathSecrets) {
    /** Copies the map. */
    public Generated {
      pathSecrets = Map.copyOf(pathSecrets);
    }

    /** Wipes the commit secret and the path secrets (not the private keys). */
    public void destroySecrets() {
      commitSecret.destroy();
      pathSecrets.values().forEach(Secret::destroy);
    }
  }

  /**
   * A receiver's result: its new private keys, the path secret it decrypted and the commit secret.
   */
  public record Processed(TreePrivateKeys privateKeys, Secret pathSecret, Secret commitSecret) {}

  /**
   * Generates an UpdatePath for leaf {@code sender} (§7.4, §7.5, §7.6).
   *
   * @param tree the tree after the Commit's proposals
   * @param leafTemplate the sender's new leaf content: credential, capabilities, extensions and
   *     signature key are kept; encryption key, source ({@code commit}), parent hash and signature
   *     are set here
   * @param signaturePrivateKey the private key of {@code leafTemplate}'s signature key
   * @param contextTemplate the provisional GroupContext; its tree hash is replaced
   * @param excludedLeaves leaves added by the same Commit, left out of every resolution (§7.6)
   * @throws BadKeyException if a public key in the tree or the signature key is unusable
   */
  public Generated generate(RatchetTree tree, long sender, LeafNode leafTemplate,
      byte[] signaturePrivateKey, GroupContext contextTemplate, Collection<Long> excludedLeaves,
      SecureRandom random) throws BadKeyException {
    tree.requireOccupied(sender);
    List<Integer> path = tree.filteredDirectPath(sender);
    List<Integer> copath = tree.filteredCopath(sender);
    List<Secret> pathSecrets = new ArrayList<>();
    Map<Integer, Secret> newKeys = new TreeMap<>();
    boolean done = false;
    try {
      byte[] leafSecretBytes = new byte[suite.hashLength()];
      random.nextBytes(leafSecretBytes);
      Secret leafSecret = Secret.wrap(leafSecretBytes);
      byte[] leafPublicKey;
      try {
        RawKeyPair leafKeys = TreePrivateKeys.nodeKeyPair(suite, leafSecret);
        leafPublicKey = leafKeys.publicKey();
        newKeys.put(TreeMath.leafToNode(sender), leafKeys.takePrivateKey());
        pathSecrets.add(suite.deriveSecret(leafSecret, "path"));
      } finally {
        leafSecret.destroy();
      }
      for (int i = 1; i <= path.size(); i++) {
        pathSecrets.add(suite.deriveSecret(pathSecrets.get(i - 1), "path"));
      }
      List<byte[]> publicKeys = new ArrayList<>();
      for (int i = 0; i < path.size(); i++) {
        RawKeyPair pair = TreePrivateKeys.nodeKeyPair(suite, pathSecrets.get(i));
        publicKeys.add(pair.publicKey());
        newKeys.put(path.get(i), pair.takePrivateKey());
      }
      Node[] next = blankedPath(tree, sender);
      byte[] leafParentHash = setParentNodes(tree, next, path, copath, publicKeys);
      LeafNode unsigned = new LeafNode(leafPublicKey, leafTemplate.signatureKey(),
          leafTemplate.credential(), leafTemplate.capabilities(), LeafNodeSource.COMMIT,
          Optional.empty(), Optional.of(leafParentHash), leafTemplate.extensions(), new byte[0]);
      byte[] signature = suite.signWithLabel(signaturePrivateKey, TreeValidator.LEAF_NODE_LABEL,
          unsigned.toBeSigned(contextTemplate.groupId(), sender));
      LeafNode leaf = unsigned.withSignature(signature);
      next[TreeMath.leafToNode(sender)] = Node.leaf(leaf);
      RatchetTree after = new RatchetTree(next, tree);
      GroupContext context = withTreeHash(contextTemplate, hashes.rootHash(after));
      byte[] contextBytes = context.toBytes();
      HpkeCiphertext[][] sealed = encryptPathSecrets(tree, path, copath, pathSecrets,
          excludedLeaves, contextBytes);
      List<UpdatePathNode> nodes = new ArrayList<>();
      for (int i = 0; i < path.size(); i++) {
        nodes.add(new UpdatePathNode(publicKeys.get(i), List.of(sealed[i])));
      }
      Map<Integer, Secret> byNode = new TreeMap<>();
      for (int i = 0; i < path.size(); i++) {
        byNode.put(path.get(i), pathSecrets.get(i));
      }
      Generated generated = new Generated(after, new UpdatePath(leaf, nodes),
          TreePrivateKeys.of(sender, newKeys), pathSecrets.get(path.size()), context, byNode);
      done = true;
      return generated;
    } finally {
      // The path secrets, the commit secret and the new keys go to the caller on success only.
      if (!done) {
        pathSecrets.forEach(Secret::destroy);
      }
      if (!done) {
        newKeys.values().forEach(Secret::destroy);
      }
    }
  }

  /**
   * Merges a received UpdatePath into the tree (§7.5 "merges UpdatePath into the tree"): blanks the
   * sender's direct path, installs the new public keys with empty unmerged leaves, recomputes
   * parent hashes and checks the leaf's {@code parent_hash} against them (§7.9.2). The caller
   * validates the new leaf itself first ({@link LeafNodeValidator}, source {@code COMMIT}, §7.3).
   *
   * @param sender the committer's leaf index, as read from the wire
   * @throws ProtocolException if the sender's leaf is blank or outside the tree (§12.4.2), the path
   *     has the wrong length (§7.6), the leaf is not a {@code commit} leaf (§7.3), or its parent
   *     hash does not match (§7.9.2)
   */
  public RatchetTree merge(RatchetTree tree, long sender, UpdatePath updatePath)
      throws ProtocolException {
    tree.requireMember(sender, "RFC 9420 §12.4.2", "Commit sender");
    List<Integer> path = tree.filteredDirectPath(sender);
    if (updatePath.nodes().size() != path.size()) {
      throw new ProtocolException("RFC 9420 §7.6", "UpdatePath has " + updatePath.nodes().size()
          + " nodes, the sender's filtered direct path has " + path.size());
    }
    LeafNode leaf = updatePath.leafNode();
    if (leaf.source() != LeafNodeSource.COMMIT) {
      throw new ProtocolException("RFC 9420 §7.3",
          "UpdatePath leaf node source is " + leaf.source() + ", expected COMMIT");
    }
    List<byte[]> publicKeys = new ArrayList<>();
    for (UpdatePathNode node : updatePath.nodes()) {
      publicKeys.add(node.encryptionKey());
    }
    Node[] next = blankedPath(tree, sender);
    byte[] expected = setParentNodes(tree, next, path, tree.filteredCopath(sender), publicKeys);
    if (!java.security.MessageDigest.isEqual(expected, leaf.parentHash().orElseThrow())) {
      throw new ProtocolException("RFC 9420 §7.9.2",
          "UpdatePath leaf parent_hash does not match the parent hash of its path");
    }
    next[TreeMath.leafToNode(sender)] = Node.leaf(leaf);
    return new RatchetTree(next, tree);
  }

  /**
   * Decrypts the path secret addressed to {@code receiver} and derives the keys up the path (§7.5
   * "decrypts the path secrets"), checking each derived public key against the UpdatePath.
   *
   * @param tree the tree the UpdatePath was made for (before {@link #merge})
   * @param sender the committer's leaf index, as read from the wire
   * @param context the provisional GroupContext, with the tree hash of the merged tree
   * @param excludedLeaves leaves added by the same Commit (§7.6)
   * @throws ProtocolException if the sender's leaf is blank or outside the tree (§12.4.2), the
   *     receiver is not covered by the path (§7.5), a ciphertext count is wrong (§7.6) or a derived
   *     public key differs (§7.5)
   * @throws AuthenticationException if the path secret does not decrypt
   * @throws BadKeyException if a KEM output or held key is unusable
   * @throws IllegalArgumentException if {@code receiver} is the sender or in {@code excludedLeaves}
   *     (the caller processes its own Commit, and new members join by Welcome)
   */
  public Processed decrypt(RatchetTree tree, long sender, UpdatePath updatePath,
      TreePrivateKeys receiver, GroupContext context, Collection<Long> excludedLeaves)
      throws ProtocolException, AuthenticationException, BadKeyException {
    tree.requireMember(sender, "RFC 9420 §12.4.2", "Commit sender");
    long me = receiver.leafIndex();
    if (me == sender || excludedLeaves.contains(me)) {
      throw new IllegalArgumentException("leaf " + me + " does not receive this UpdatePath");
    }
    List<Integer> path = tree.filteredDirectPath(sender);
    List<Integer> copath = tree.filteredCopath(sender);
    if (updatePath.nodes().size() != path.size()) {
      throw new ProtocolException("RFC 9420 §7.6", "UpdatePath has " + updatePath.nodes().size()
          + " nodes, the sender's filtered direct path has " + path.size());
    }
    int ancestor = TreeMath.commonAncestor(TreeMath.leafToNode(sender), TreeMath.leafToNode(me));
    int start = path.indexOf(ancestor);
    if (start < 0) {
      throw new ProtocolException("RFC 9420 §7.5", "common ancestor " + ancestor + " of leaves "
          + sender + " and " + me + " is not on the sender's filtered direct path");
    }
    List<Integer> resolution = tree.resolution(copath.get(start), excludedLeaves);
    List<HpkeCiphertext> ciphertexts = updatePath.nodes().get(start).encryptedPathSecret();
    if (ciphertexts.size() != resolution.size()) {
      throw new ProtocolException("RFC 9420 §7.6", "node " + ancestor + " has "
          + ciphertexts.size() + " encrypted path secrets, its copath resolution has "
          + resolution.size());
    }
    int slot = -1;
    for (int i = 0; i < resolution.size() && slot < 0; i++) {
      if (receiver.holds(resolution.get(i))) {
        slot = i;
      }
    }
    if (slot < 0) {
      throw new ProtocolException("RFC 9420 §7.5",
          "leaf " + me + " holds no private key in the resolution of node " + copath.get(start));
    }
    Secret held = receiver.key(resolution.get(slot)).orElseThrow();
    byte[] privateKey = held.copyBytes();
    held.destroy();
    byte[] decrypted;
    try {
      HpkeCiphertext ct = ciphertexts.get(slot);
      decrypted = suite.decryptWithLabel(privateKey, UPDATE_PATH_NODE_LABEL, context.toBytes(),
          ct.kemOutput(), ct.ciphertext());
    } finally {
      Arrays.fill(privateKey, (byte) 0);
    }
    Secret pathSecret = Secret.wrap(decrypted);
    Secret current = pathSecret.copy();
    Map<Integer, Secret> added = new TreeMap<>();
    boolean done = false;
    try {
      for (int i = start; i < path.size(); i++) {
        RawKeyPair pair = TreePrivateKeys.nodeKeyPair(suite, current);
        boolean matches = java.security.MessageDigest.isEqual(pair.publicKey(),
            updatePath.nodes().get(i).encryptionKey());
        Secret privateNodeKey = pair.takePrivateKey();
        if (!matches) {
          privateNodeKey.destroy();
          throw new ProtocolException("RFC 9420 §7.5", "public key derived for node " + path.get(i)
              + " does not match the UpdatePath");
        }
        added.put(path.get(i), privateNodeKey);
        Secret up = suite.deriveSecret(current, "path");
        current.destroy();
        current = up;
      }
      Set<Integer> dropped = new HashSet<>(
          TreeMath.directPath(TreeMath.leafToNode(sender), tree.leafCount()));
      Processed processed = new Processed(receiver.replaced(dropped, added), pathSecret, current);
      done = true;
      return processed;
    } finally {
      if (!done) {
        pathSecret.destroy();
        current.destroy();
        added.values().forEach(Secret::destroy);
      }
    }
  }

  /** Resolutions of at least this many nodes in all are encrypted to in parallel. */
  private static final int PARALLEL_ENCRYPTIONS = 32;

  /**
   * EncryptWithLabel of each path secret to every node in the resolution of its copath child
   * (§7.6), in resolution order. A large resolution (a fresh or sparse tree) means one HPKE
   * encryption per member; those are independent, so they run in parallel on the common pool.
   */
  private HpkeCiphertext[][] encryptPathSecrets(RatchetTree tree, List<Integer> path,
      List<Integer> copath, List<Secret> pathSecrets, Collection<Long> excludedLeaves,
      byte[] contextBytes) throws BadKeyException {
    int levels = path.size();
    List<List<Integer>> resolutions = new ArrayList<>(levels);
    HpkeCiphertext[][] sealed = new HpkeCiphertext[levels][];
    int total = 0;
    for (int i = 0; i < levels; i++) {
      List<Integer> resolution = tree.resolution(copath.get(i), excludedLeaves);
      resolutions.add(resolution);
      sealed[i] = new HpkeCiphertext[resolution.size()];
      total += resolution.size();
    }
    int[] levelOf = new int[total];
    int[] slotOf = new int[total];
    for (int i = 0, t = 0; i < levels; i++) {
      for (int j = 0; j < resolutions.get(i).size(); j++, t++) {
        levelOf[t] = i;
        slotOf[t] = j;
      }
    }
    byte[][] secrets = new byte[levels][];
    java.util.concurrent.atomic.AtomicReference<BadKeyException> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      for (int i = 0; i < levels; i++) {
        secrets[i] = pathSecrets.get(i).copyBytes();
      }
      java.util.stream.IntStream tasks = java.util.stream.IntStream.range(0, total);
      if (total >= PARALLEL_ENCRYPTIONS) {
        tasks = tasks.parallel();
      }
      tasks.forEach(t -> {
        int i = levelOf[t];
        int r = resolutions.get(i).get(slotOf[t]);
        try {
          HpkeSealed one = suite.encryptWithLabel(tree.encryptionKey(r).orElseThrow(),
              UPDATE_PATH_NODE_LABEL, contextBytes, secrets[i]);
          sealed[i][slotOf[t]] = new HpkeCiphertext(one.kemOutput(), one.ciphertext());
        } catch (BadKeyException e) {
          failure.compareAndSet(null, e);
        }
      });
    } finally {
      for (byte[] secret : secrets) {
        if (secret != null) {
          Arrays.fill(secret, (byte) 0);
        }
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return sealed;
  }

  /** {@code template} with its {@code tree_hash} replaced. */
  public static GroupContext withTreeHash(GroupContext template, byte[] treeHash) {
    return new GroupContext(template.version(), template.cipherSuite(), template.groupId(),
        template.epoch(), treeHash, template.confirmedTranscriptHash(), template.extensions());
  }

  private static Node[] blankedPath(RatchetTree tree, long sender) {
    Node[] next = tree.copyNodes();
    for (int p : TreeMath.directPath(TreeMath.leafToNode(sender), tree.leafCount())) {
      next[p] = null;
    }
    return next;
  }

  /**
   * Installs the path's parent nodes top down with their parent hashes (§7.9) and returns the
   * parent hash the sender's leaf must carry.
   */
  private byte[] setParentNodes(RatchetTree tree, Node[] next, List<Integer> path,
      List<Integer> copath, List<byte[]> publicKeys) {
    byte[][] treeHashes = hashes.all(tree);
    byte[] above = new byte[0];
    for (int i = path.size() - 1; i >= 0; i--) {
      next[path.get(i)] = Node.parent(new ParentNode(publicKeys.get(i), above, List.of()));
      above = hashes.parentHash(publicKeys.get(i), above, treeHashes[copath.get(i)]);
    }
    return above;
  }
}
