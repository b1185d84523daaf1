package dev.sealmeet.conformance.mls;

import static dev.sealmeet.conformance.mls.PqScheduleVectors.map;
import static dev.sealmeet.conformance.mls.PqVectorGenerator.hex;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.NewMember;
import dev.sealmeet.mls.framing.PrivateMessageProtection;
import dev.sealmeet.mls.framing.PublicMessageProtection;
import dev.sealmeet.mls.framing.WelcomeSender;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.Lifetime;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.Welcome;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.SecretTree;
import dev.sealmeet.mls.tree.TreeValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One case of {@code message-protection.json} or {@code welcome.json} in the layouts of
 * mls-implementations' test-vectors.md, built with Sealmeet's framing from inputs drawn from a
 * {@link SeededRandom}.
 */
final class PqFramingVectors {
  /** No padding, so that the PrivateMessages are as short as the suite allows. */
  private static final int PADDING = 0;

  private PqFramingVectors() {}

  /**
   * A Remove proposal, a Commit (one proposal by value, one by reference, no path) and application
   * data from leaf 1, each as PublicMessage (not the application data, RFC 9420 §6.2) and as
   * PrivateMessage at generation 0 of a fresh two-leaf secret tree (§6.3).
   */
  static Map<String, Object> messageProtection(MlsSuite suite, SeededRandom r)
      throws SealmeetException {
    int nh = suite.hashLength();
    GroupContext context = new GroupContext(ProtocolVersion.MLS10, suite.id(), r.bytes(16),
        r.nextInt() & 0x7fff_ffff, r.bytes(nh), r.bytes(nh), List.of());
    RawKeyPair signing = suite.primitives().signatureGenerateKeyPair();
    byte[] encryptionSecret = r.bytes(nh);
    Secret senderDataSecret = Secret.copyOf(r.bytes(nh));
    Secret membershipKey = Secret.copyOf(r.bytes(nh));
    Map<String, Object> c = map("cipher_suite", suite.id(),
        "group_id", hex(context.groupId()), "epoch", context.epoch(),
        "tree_hash", hex(context.treeHash()),
        "confirmed_transcript_hash", hex(context.confirmedTranscriptHash()),
        "signature_priv", hex(signing.privateKey()), "signature_pub", hex(signing.publicKey()),
        "encryption_secret", hex(encryptionSecret),
        "sender_data_secret", hex(senderDataSecret), "membership_key", hex(membershipKey));

    MessageContent[] contents = {
        new MessageContent.ProposalContent(new RemoveProposal(2)),
        new MessageContent.CommitContent(new Commit(List.of(
            new ProposalOrRef.ByValue(new RemoveProposal(3)),
            new ProposalOrRef.ByReference(r.bytes(nh))), Optional.empty())),
        new MessageContent.Application(r.bytes(48))};
    String[] kinds = {"proposal", "commit", "application"};
    PublicMessageProtection pub = new PublicMessageProtection(suite, context, membershipKey);
    for (int i = 0; i < kinds.length; i++) {
      MessageContent content = contents[i];
      FramedContent framed =
          new FramedContent(context.groupId(), context.epoch(), Sender.member(1), new byte[0], content);
      Optional<byte[]> tag = kinds[i].equals("commit") ? Optional.of(r.bytes(nh)) : Optional.empty();
      c.put(kinds[i], hex(content instanceof MessageContent.Application application
          ? application.data() : content.toBytes()));
      if (!kinds[i].equals("application")) {
        c.put(kinds[i] + "_pub", hex(MlsMessage.of(
            pub.protect(framed, signing.privateKey(), tag)).toBytes()));
      }
      SecretTree tree = new SecretTree(suite, Secret.copyOf(encryptionSecret), 2);
      PrivateMessageProtection priv =
          new PrivateMessageProtection(suite, context, senderDataSecret, tree, r);
      c.put(kinds[i] + "_priv", hex(MlsMessage.of(
          priv.protect(framed, signing.privateKey(), tag, PADDING)).toBytes()));
      tree.destroy();
    }
    pub.destroy();
    senderDataSecret.destroy();
    membershipKey.destroy();
    return c;
  }

  /**
   * A Welcome (RFC 9420 §12.4.3.1) for one joiner's KeyPackage: GroupSecrets with the joiner secret
   * and no path secret or PSK, a GroupInfo of epoch 1 signed by leaf 0 whose confirmation tag is
   * that of the epoch derived from the joiner secret.
   */
  static Map<String, Object> welcome(MlsSuite suite, SeededRandom r) throws SealmeetException {
    int nh = suite.hashLength();
    RawKeyPair init = suite.primitives().hpkeGenerateKeyPair();
    KeyPackage keyPackage = keyPackage(suite, "joiner", init.publicKey());
    RawKeyPair signer = suite.primitives().signatureGenerateKeyPair();

    GroupContext context = new GroupContext(ProtocolVersion.MLS10, suite.id(), r.bytes(16), 1,
        r.bytes(nh), r.bytes(nh), List.of());
    JoinerSecret joiner = JoinerSecret.of(suite, Secret.copyOf(r.bytes(nh)));
    PskSecret psk = PskSecret.none(suite);
    EpochSecrets epoch = joiner.epochSecrets(psk, context);
    GroupInfo info = WelcomeSender.sign(suite, new GroupInfo(context, List.of(),
        epoch.confirmationTag(context.confirmedTranscriptHash()), 0, new byte[0]),
        signer.privateKey());
    epoch.destroy();
    Welcome welcome = WelcomeSender.create(suite, joiner, List.of(), psk, info,
        List.of(new NewMember(keyPackage, Optional.empty())));
    joiner.destroy();
    psk.destroy();
    return map("cipher_suite", suite.id(), "init_priv", hex(init.privateKey()),
        "signer_pub", hex(signer.publicKey()),
        "key_package", hex(MlsMessage.of(keyPackage).toBytes()),
        "welcome", hex(MlsMessage.of(welcome).toBytes()));
  }

  /** The capabilities of every generated leaf: MLS 1.0, the suite, basic credentials. */
  static Capabilities capabilities(MlsSuite suite) {
    return new Capabilities(List.of(ProtocolVersion.MLS10), List.of(suite.id()), List.of(),
        List.of(), List.of(1));
  }

  /** A basic credential naming {@code name}. */
  static BasicCredential credential(String name) {
    return new BasicCredential(name.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A plain RFC 9420 KeyPackage (§10) for {@code name}: a basic credential, a lifetime covering
   * every date, no extensions (in particular no Sealmeet suite-binding extension).
   */
  static KeyPackage keyPackage(MlsSuite suite, String name, byte[] initKey)
      throws SealmeetException {
    return keyPackage(suite, name, initKey, suite.primitives().hpkeGenerateKeyPair(),
        suite.primitives().signatureGenerateKeyPair());
  }

  /** As {@link #keyPackage(MlsSuite, String, byte[])} with the leaf's key pairs given. */
  static KeyPackage keyPackage(MlsSuite suite, String name, byte[] initKey, RawKeyPair leaf,
      RawKeyPair signing) throws SealmeetException {
    LeafNode unsigned = new LeafNode(leaf.publicKey(), signing.publicKey(),
        credential(name), capabilities(suite),
        LeafNodeSource.KEY_PACKAGE, Optional.of(new Lifetime(0, 0xFFFF_FFFF_FFFFL)),
        Optional.empty(), List.of(), new byte[0]);
    LeafNode signedLeaf = unsigned.withSignature(suite.signWithLabel(
        signing.privateKey(), TreeValidator.LEAF_NODE_LABEL, unsigned.toBeSigned(null, 0)));
    KeyPackage unsignedPackage = new KeyPackage(ProtocolVersion.MLS10, suite.id(), initKey,
        signedLeaf, List.of(), new byte[0]);
    return unsignedPackage.withSignature(suite.signWithLabel(signing.privateKey(),
        KeyPackageBundle.KEY_PACKAGE_LABEL, unsignedPackage.toBeSigned()));
  }
}
