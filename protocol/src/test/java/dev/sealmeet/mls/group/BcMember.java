package dev.sealmeet.mls.group;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.TreeKEM.LifeTime;
import org.bouncycastle.mls.TreeKEM.TreeKEMPublicKey;
import org.bouncycastle.mls.codec.Capabilities;
import org.bouncycastle.mls.codec.Credential;
import org.bouncycastle.mls.codec.Extension;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.Proposal;
import org.bouncycastle.mls.codec.WireFormat;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.bouncycastle.mls.crypto.Secret;
import org.bouncycastle.mls.protocol.Group;

/**
 * A BouncyCastle MLS client (bcmls 1.84) behind {@link InteropMember}, driven the way BC's own
 * interop client ({@code org.bouncycastle.mls.client.MLSClientImpl}) drives it. What BC does
 * differently from Sealmeet's API, and how this adapter bridges it:
 *
 * <ul>
 *   <li>Each epoch is a new {@link Group} object: a handled commit returns the next group, and a
 *       member's own commit takes effect only through the group {@link Group#commit} returns (BC
 *       refuses to handle its own commit without that cached successor).
 *   <li>The commit and its Welcome come back in one {@link MLSMessage}; the Welcome is that same
 *       object re-encoded with wire format {@code mls_welcome}. BC builds a Welcome even when the
 *       commit adds nobody; it is only handed out when there are joiners.
 *   <li>BC does not store its own proposals: an Update it sends is handled by itself as well, so
 *       that the commit of another member can refer to it.
 *   <li>A ratchet tree decoded out of band has no cipher suite until {@code setSuite} is called.
 *   <li>BC rejects, as "Invalid proposal list", the commit that removes its own member (its
 *       {@code validateRemove} refuses a Remove of its own leaf), so a removed BC member never
 *       learns of its removal from the commit; the test pins that.
 * </ul>
 */
final class BcMember implements InteropMember {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private final MlsCipherSuite suite;
  private final AsymmetricCipherKeyPair signatureKeys;
  private final byte[] signaturePrivateKey;
  private final AsymmetricCipherKeyPair initKeys;
  private final AsymmetricCipherKeyPair encryptionKeys;
  private final KeyPackage keyPackage;
  private final boolean encryptHandshake;
  private Group group;

  /**
   * A client with fresh keys and a KeyPackage (BC's default capabilities: every suite, basic and
   * x509 credentials; lifetime 0 to 2^64-1).
   *
   * @param encryptHandshake send proposals and commits as PrivateMessage
   */
  BcMember(int suiteId, String name, boolean encryptHandshake) throws Exception {
    this.name = name;
    this.suite = MlsCipherSuite.getSuite((short) suiteId);
    this.encryptHandshake = encryptHandshake;
    this.signatureKeys = suite.generateSignatureKeyPair();
    this.signaturePrivateKey = suite.serializeSignaturePrivateKey(signatureKeys.getPrivate());
    this.initKeys = suite.getHPKE().generatePrivateKey();
    this.encryptionKeys = suite.getHPKE().generatePrivateKey();
    this.keyPackage = new KeyPackage(suite,
        suite.getHPKE().serializePublicKey(initKeys.getPublic()), leafNode(encryptionKeys),
        new ArrayList<Extension>(), signaturePrivateKey);
  }

  private LeafNode leafNode(AsymmetricCipherKeyPair leafKeys) throws Exception {
    return new LeafNode(suite, suite.getHPKE().serializePublicKey(leafKeys.getPublic()),
        suite.serializeSignaturePublicKey(signatureKeys.getPublic()),
        Credential.forBasic(name.getBytes(StandardCharsets.UTF_8)), new Capabilities(),
        new LifeTime(), new ArrayList<Extension>(), signaturePrivateKey);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return "BouncyCastle";
  }

  @Override
  public byte[] keyPackage() throws Exception {
    return MLSOutputStream.encode(MLSMessage.keyPackage(keyPackage));
  }

  @Override
  public void create(byte[] groupId) throws Exception {
    AsymmetricCipherKeyPair leafKeys = suite.getHPKE().generatePrivateKey();
    LeafNode leaf = leafNode(leafKeys);
    group = new Group(groupId, suite, leafKeys, signaturePrivateKey,
        leaf.copy(leaf.getEncryptionKey()), new ArrayList<Extension>());
  }

  @Override
  public void join(byte[] welcome, Optional<byte[]> ratchetTree) throws Exception {
    MLSMessage message = (MLSMessage) MLSInputStream.decode(welcome, MLSMessage.class);
    TreeKEMPublicKey tree = null;
    if (ratchetTree.isPresent()) {
      tree = (TreeKEMPublicKey) MLSInputStream.decode(ratchetTree.get(), TreeKEMPublicKey.class);
      // BC quirk: a decoded tree carries no suite, and hashing it fails until one is set.
      tree.setSuite(message.getCipherSuite());
    }
    group = new Group(suite.getHPKE().serializePrivateKey(initKeys.getPrivate()), encryptionKeys,
        signaturePrivateKey, keyPackage, message.welcome, tree, new HashMap<>(), new HashMap<>());
  }

  /**
   * Commits as in {@link InteropMember#commit}; the tree goes into the Welcome unless {@code
   * inlineTree} is false, and then out of band.
   */
  Committed commit(List<byte[]> keyPackages, List<Long> removedLeaves, boolean path,
      boolean inlineTree) throws Exception {
    List<Proposal> byValue = new ArrayList<>();
    for (byte[] bytes : keyPackages) {
      byValue.add(Proposal.add(
          ((MLSMessage) MLSInputStream.decode(bytes, MLSMessage.class)).keyPackage));
    }
    for (long leaf : removedLeaves) {
      byValue.add(Proposal.remove(new LeafIndex(Math.toIntExact(leaf))));
    }
    byte[] leafSecret = new byte[suite.getKDF().getHashLength()];
    RANDOM.nextBytes(leafSecret);
    Group.GroupWithMessage result = group.commit(new Secret(leafSecret),
        new Group.CommitOptions(byValue, inlineTree, path, null), messageOptions(),
        new Group.CommitParameters(Group.NORMAL_COMMIT_PARAMS));
    byte[] commit = MLSOutputStream.encode(result.message);
    Optional<byte[]> welcome = Optional.empty();
    Optional<byte[]> tree = Optional.empty();
    if (!keyPackages.isEmpty()) {
      // BC quirk: the Welcome rides in the commit's MLSMessage; re-encode it as mls_welcome.
      result.message.wireFormat = WireFormat.mls_welcome;
      welcome = Optional.of(MLSOutputStream.encode(result.message));
      if (!inlineTree) {
        tree = Optional.of(MLSOutputStream.encode(result.group.getTree()));
      }
    }
    // BC quirk: the own commit takes effect only through the group it returned.
    group = result.group;
    return new Committed(commit, welcome, tree);
  }

  @Override
  public Committed commit(List<byte[]> keyPackages, List<Long> removedLeaves, boolean path)
      throws Exception {
    return commit(keyPackages, removedLeaves, path, true);
  }

  @Override
  public byte[] proposeUpdate() throws Exception {
    Proposal update = group.updateProposal(
        suite.getHPKE().generatePrivateKey(), new Group.LeafNodeOptions());
    byte[] message = MLSOutputStream.encode(group.update(update, messageOptions()));
    // BC does not store the proposals it sends; it must see its own to resolve a reference.
    if (group.handle(message, null) != null) {
      throw new AssertionError("a proposal produced a new epoch");
    }
    return message;
  }

  @Override
  public void handle(byte[] handshake) throws Exception {
    Group next = group.handle(handshake, null);
    if (next != null) {
      group = next;
    }
  }

  @Override
  public byte[] protect(byte[] data, byte[] authenticatedData) throws Exception {
    return MLSOutputStream.encode(group.protect(authenticatedData, data, 0));
  }

  @Override
  public byte[][] unprotect(byte[] message) throws Exception {
    return group.unprotect((MLSMessage) MLSInputStream.decode(message, MLSMessage.class));
  }

  @Override
  public long epoch() {
    return group.getEpoch();
  }

  @Override
  public long leafIndex() {
    return group.getIndex().value();
  }

  @Override
  public byte[] epochAuthenticator() {
    return group.getEpochAuthenticator();
  }

  @Override
  public byte[] export(String label, byte[] context, int length) throws Exception {
    return group.getKeySchedule().MLSExporter(label, context, length);
  }

  private Group.MessageOptions messageOptions() {
    return new Group.MessageOptions(encryptHandshake, new byte[0], 0);
  }

  @Override
  public String toString() {
    return "BouncyCastle " + name;
  }
}
