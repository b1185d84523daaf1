package dev.sealmeet.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.TreeKEM.LifeTime;
import org.bouncycastle.mls.codec.Capabilities;
import org.bouncycastle.mls.codec.Credential;
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
 * The same clients and groups as {@link SealmeetGroupFixture}, with BouncyCastle MLS
 * ({@code bcmls-jdk18on}), used the way its own interop client does. BouncyCastle returns a new
 * {@link Group} per epoch and leaves the old one as it was, so repeating an operation on one group
 * object starts from the same state every time.
 */
final class BcGroupFixture {
  private final SecureRandom random = new SecureRandom();
  final MlsCipherSuite suite;

  BcGroupFixture() {
    try {
      suite = MlsCipherSuite.getSuite((short) GroupBenchmarkBase.SUITE);
    } catch (Exception e) {
      throw new IllegalStateException(
          "BouncyCastle MLS lacks suite " + GroupBenchmarkBase.SUITE, e);
    }
  }

  /** A client: its three key pairs and its KeyPackage. */
  record Client(AsymmetricCipherKeyPair init, AsymmetricCipherKeyPair encryption,
      AsymmetricCipherKeyPair signature, KeyPackage keyPackage) {}

  /** A fresh signature key pair and KeyPackage. */
  Client newClient(String name) throws Exception {
    return newClient(name, suite.generateSignatureKeyPair());
  }

  /**
   * A fresh KeyPackage (two HPKE key pairs, a signed leaf, a signed KeyPackage) for an existing
   * signature key pair: what {@link KeyPackageBenchmark} measures.
   */
  Client newClient(String name, AsymmetricCipherKeyPair signature) throws Exception {
    AsymmetricCipherKeyPair init = suite.getHPKE().generatePrivateKey();
    AsymmetricCipherKeyPair encryption = suite.getHPKE().generatePrivateKey();
    byte[] signaturePrivate = suite.serializeSignaturePrivateKey(signature.getPrivate());
    LeafNode leaf = new LeafNode(suite, suite.getHPKE().serializePublicKey(encryption.getPublic()),
        suite.serializeSignaturePublicKey(signature.getPublic()),
        Credential.forBasic(name.getBytes(StandardCharsets.UTF_8)), new Capabilities(),
        new LifeTime(), new ArrayList<>(), signaturePrivate);
    KeyPackage keyPackage = new KeyPackage(suite,
        suite.getHPKE().serializePublicKey(init.getPublic()), leaf, new ArrayList<>(),
        signaturePrivate);
    return new Client(init, encryption, signature, keyPackage);
  }

  /** The creator's group after one commit adding everyone else, and that commit. */
  static final class Grown {
    final Group creator;
    final List<Client> added;
    final byte[] welcome;

    Grown(Group creator, List<Client> added, byte[] welcome) {
      this.creator = creator;
      this.added = added;
      this.welcome = welcome;
    }
  }

  /** A group of {@code size} members: created, one commit adding the rest, applied. */
  Grown grow(int size) throws Exception {
    Client creator = newClient("member 0");
    byte[] groupId = new byte[32];
    random.nextBytes(groupId);
    Group group = new Group(groupId, suite, creator.encryption(),
        suite.serializeSignaturePrivateKey(creator.signature().getPrivate()),
        creator.keyPackage().getLeafNode().copy(creator.keyPackage().getLeafNode()
            .getEncryptionKey()),
        new ArrayList<>());
    if (size == 1) {
      return new Grown(group, List.of(), null);
    }
    List<Client> added = new ArrayList<>();
    List<Proposal> adds = new ArrayList<>();
    for (int i = 1; i < size; i++) {
      Client c = newClient("member " + i);
      added.add(c);
      adds.add(Proposal.add(c.keyPackage()));
    }
    Group.GroupWithMessage result = commit(group, adds, false, 0);
    return new Grown(result.group, added, welcomeBytes(result.message));
  }

  /**
   * Creates a commit of {@code proposals} by value, a path only where required (as {@code
   * SealmeetGroupFixture#request}: every {@code op} but {@code add}), {@code count} in its
   * {@code authenticated_data}; the returned group is the next epoch's.
   */
  Group.GroupWithMessage commit(Group group, List<Proposal> proposals, boolean forcePath,
      long count) throws Exception {
    byte[] leafSecret = new byte[suite.getKDF().getHashLength()];
    random.nextBytes(leafSecret);
    return group.commit(new Secret(leafSecret),
        new Group.CommitOptions(proposals, true, forcePath, null),
        new Group.MessageOptions(false, SealmeetGroupFixture.counter(count), 0),
        new Group.CommitParameters(Group.NORMAL_COMMIT_PARAMS));
  }

  /**
   * The proposals of one group benchmark operation, as in {@link SealmeetGroupFixture#request};
   * commit them with {@code forcePath} unless {@code op} is {@code add}.
   */
  static List<Proposal> proposals(String op, Client joiner, long removed) throws Exception {
    switch (op) {
      case "add": return List.of(Proposal.add(joiner.keyPackage()));
      case "remove": return List.of(Proposal.remove(new LeafIndex((int) removed)));
      case "update": return List.of();
      default: throw new IllegalArgumentException("unknown operation " + op);
    }
  }

  /** {@code client}'s KeyPackage as an {@code MLSMessage}, as a peer hands it to the group. */
  static byte[] keyPackageBytes(Client client) throws Exception {
    return MLSOutputStream.encode(MLSMessage.keyPackage(client.keyPackage()));
  }

  /** The commit alone, as the group receives it. */
  static byte[] commitBytes(MLSMessage message) throws Exception {
    return MLSOutputStream.encode(message);
  }

  /**
   * The Welcome: BouncyCastle returns commit and Welcome in one MLSMessage, so it is re-encoded
   * with wire format {@code mls_welcome}. Changes {@code message}: encode the commit first.
   */
  static byte[] welcomeBytes(MLSMessage message) throws Exception {
    message.wireFormat = WireFormat.mls_welcome;
    return MLSOutputStream.encode(message);
  }

  /** Joins {@code client} from a Welcome's bytes; the tree comes from the Welcome. */
  Group join(Client client, byte[] welcome) throws Exception {
    MLSMessage message = (MLSMessage) MLSInputStream.decode(welcome, MLSMessage.class);
    return new Group(suite.getHPKE().serializePrivateKey(client.init().getPrivate()),
        client.encryption(), suite.serializeSignaturePrivateKey(client.signature().getPrivate()),
        client.keyPackage(), message.welcome, null, new HashMap<>(), new HashMap<>());
  }
}
