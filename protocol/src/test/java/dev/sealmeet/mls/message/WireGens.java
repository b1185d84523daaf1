package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.crypto.testing.Gens;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for the wire records of RFC 9420 §6–§12, kept small (opaque values up to
 * 24 bytes, vectors up to 3 elements) so properties stay fast. Optional fields and blank tree nodes
 * are absent one time in four.
 */
final class WireGens {
  private static final int PERCENT_EMPTY = 25;

  private WireGens() {}

  /** A generated value with the decoder that reads it back. */
  record Sample(String name, MlsStruct value,
      TlsReader.ElementReader<? extends MlsStruct> decoder) {
    @Override
    public String toString() {
      return name + "(" + Gens.hex(value.toBytes()) + ")";
    }
  }

  static Gen<byte[]> bytes() {
    return Gens.bytes(24);
  }

  static Gen<byte[]> fixed(int n) {
    return Gens.fixedBytes(n);
  }

  static Gen<Integer> uint16() {
    return Gens.ints(0, 0xffff);
  }

  static Gen<Long> uint32() {
    return Gens.longs(0, 0xffffffffL);
  }

  static Gen<Long> uint64() {
    return Gens.anyLong();
  }

  static <T> Gen<List<T>> few(Gen<T> element) {
    return Gens.lists(element, 0, 3);
  }

  static Gen<Extension> extension() {
    return uint16().zip(bytes(), Extension::new);
  }

  static Gen<List<Extension>> extensions() {
    return few(extension());
  }

  static Gen<Credential> credential() {
    return Generate.oneOf(
        bytes().map(BasicCredential::new),
        few(bytes()).map(X509Credential::new),
        Gens.ints(3, 0xffff).zip(bytes(), UnknownCredential::new));
  }

  static Gen<Capabilities> capabilities() {
    Gen<List<Integer>> ids = few(uint16());
    return in -> new Capabilities(ids.generate(in), ids.generate(in), ids.generate(in),
        ids.generate(in), ids.generate(in));
  }

  static Gen<Lifetime> lifetime() {
    return uint64().zip(uint64(), Lifetime::new);
  }

  static Gen<LeafNode> leafNode() {
    Gen<byte[]> bytes = bytes();
    Gen<Credential> credential = credential();
    Gen<Capabilities> capabilities = capabilities();
    Gen<LeafNodeSource> source = Gens.enums(LeafNodeSource.class);
    Gen<Lifetime> lifetime = lifetime();
    Gen<List<Extension>> extensions = extensions();
    return in -> {
      byte[] encryptionKey = bytes.generate(in);
      byte[] signatureKey = bytes.generate(in);
      Credential c = credential.generate(in);
      Capabilities caps = capabilities.generate(in);
      LeafNodeSource src = source.generate(in);
      Lifetime life = lifetime.generate(in);
      byte[] parentHash = bytes.generate(in);
      List<Extension> ext = extensions.generate(in);
      byte[] signature = bytes.generate(in);
      return new LeafNode(encryptionKey, signatureKey, c, caps, src,
          src == LeafNodeSource.KEY_PACKAGE ? Optional.of(life) : Optional.empty(),
          src == LeafNodeSource.COMMIT ? Optional.of(parentHash) : Optional.empty(), ext,
          signature);
    };
  }

  static Gen<ParentNode> parentNode() {
    return bytes().zip(bytes(), few(uint32()), ParentNode::new);
  }

  static Gen<Node> node() {
    return Generate.oneOf(leafNode().map(Node::leaf), parentNode().map(Node::parent));
  }

  static Gen<RatchetTreeExtension> ratchetTree() {
    return few(node().toOptionals(PERCENT_EMPTY)).map(RatchetTreeExtension::new);
  }

  static Gen<HpkeCiphertext> hpkeCiphertext() {
    return bytes().zip(bytes(), HpkeCiphertext::new);
  }

  static Gen<UpdatePath> updatePath() {
    Gen<UpdatePathNode> node = bytes().zip(few(hpkeCiphertext()), UpdatePathNode::new);
    return leafNode().zip(few(node), UpdatePath::new);
  }

  static Gen<KeyPackage> keyPackage() {
    Gen<Integer> uint16 = uint16();
    Gen<byte[]> bytes = bytes();
    Gen<LeafNode> leafNode = leafNode();
    Gen<List<Extension>> extensions = extensions();
    return in -> new KeyPackage(uint16.generate(in), uint16.generate(in), bytes.generate(in),
        leafNode.generate(in), extensions.generate(in), bytes.generate(in));
  }

  static Gen<PreSharedKeyId> psk() {
    return Generate.oneOf(
        bytes().zip(bytes(), PreSharedKeyId.External::new),
        Gens.enums(ResumptionPskUsage.class).zip(bytes(), uint64(), bytes(),
            PreSharedKeyId.Resumption::new));
  }

  static Gen<Proposal> proposal() {
    return Generate.oneOf(
        keyPackage().map(AddProposal::new),
        leafNode().map(UpdateProposal::new),
        uint32().map(RemoveProposal::new),
        psk().map(PreSharedKeyProposal::new),
        bytes().zip(uint16(), uint16(), extensions(), ReInitProposal::new),
        bytes().map(ExternalInitProposal::new),
        extensions().map(GroupContextExtensionsProposal::new),
        Gens.ints(8, 0xffff).zip(bytes(), UnknownProposal::new));
  }

  static Gen<Commit> commit() {
    Gen<ProposalOrRef> por = Generate.oneOf(
        proposal().map(ProposalOrRef.ByValue::new), bytes().map(ProposalOrRef.ByReference::new));
    return few(por).zip(updatePath().toOptionals(PERCENT_EMPTY), Commit::new);
  }

  static Gen<Sender> sender() {
    return Generate.oneOf(uint32().map(Sender::member), uint32().map(Sender::external),
        Generate.constant(Sender.newMemberProposal()),
        Generate.constant(Sender.newMemberCommit()));
  }

  static Gen<MessageContent> messageContent() {
    return Generate.oneOf(bytes().map(MessageContent.Application::new),
        proposal().map(MessageContent.ProposalContent::new),
        commit().map(MessageContent.CommitContent::new));
  }

  static Gen<FramedContent> framedContent() {
    Gen<byte[]> bytes = bytes();
    Gen<Long> uint64 = uint64();
    Gen<Sender> sender = sender();
    Gen<MessageContent> content = messageContent();
    return in -> new FramedContent(bytes.generate(in), uint64.generate(in), sender.generate(in),
        bytes.generate(in), content.generate(in));
  }

  static FramedContentAuthData auth(ContentType type, byte[] signature, byte[] tag) {
    return new FramedContentAuthData(
        signature, type == ContentType.COMMIT ? Optional.of(tag) : Optional.empty());
  }

  static Gen<PublicMessage> publicMessage() {
    return framedContent().zip(bytes(), bytes(), bytes(), (c, sig, tag, mac) ->
        new PublicMessage(c, auth(c.contentType(), sig, tag),
            c.sender().senderType() == SenderType.MEMBER ? Optional.of(mac) : Optional.empty()));
  }

  static Gen<PrivateMessage> privateMessage() {
    Gen<byte[]> bytes = bytes();
    Gen<Long> uint64 = uint64();
    Gen<ContentType> types = Gens.enums(ContentType.class);
    return in -> new PrivateMessage(bytes.generate(in), uint64.generate(in), types.generate(in),
        bytes.generate(in), bytes.generate(in), bytes.generate(in));
  }

  static Gen<GroupContext> groupContext() {
    Gen<Integer> uint16 = uint16();
    Gen<byte[]> bytes = bytes();
    Gen<Long> uint64 = uint64();
    Gen<List<Extension>> extensions = extensions();
    return in -> new GroupContext(uint16.generate(in), uint16.generate(in), bytes.generate(in),
        uint64.generate(in), bytes.generate(in), bytes.generate(in), extensions.generate(in));
  }

  static Gen<GroupInfo> groupInfo() {
    Gen<GroupContext> context = groupContext();
    Gen<List<Extension>> extensions = extensions();
    Gen<byte[]> bytes = bytes();
    Gen<Long> uint32 = uint32();
    return in -> new GroupInfo(context.generate(in), extensions.generate(in), bytes.generate(in),
        uint32.generate(in), bytes.generate(in));
  }

  static Gen<Welcome> welcome() {
    Gen<EncryptedGroupSecrets> egs = bytes().zip(hpkeCiphertext(), EncryptedGroupSecrets::new);
    return uint16().zip(few(egs), bytes(), Welcome::new);
  }

  static Gen<GroupSecrets> groupSecrets() {
    return bytes().zip(bytes().map(PathSecret::new).toOptionals(PERCENT_EMPTY), few(psk()),
        GroupSecrets::new);
  }

  static Gen<MlsMessage> mlsMessage() {
    return Generate.<MlsMessageBody>oneOf(publicMessage().map(m -> m),
        privateMessage().map(m -> m), welcome().map(m -> m), groupInfo().map(m -> m),
        keyPackage().map(m -> m)).map(MlsMessage::of);
  }

  static Gen<AuthenticatedContent> authenticatedContent() {
    return Gens.enums(WireFormat.class).zip(framedContent(), bytes(), bytes(), (f, c, sig, tag) ->
        new AuthenticatedContent(f, c, auth(c.contentType(), sig, tag)));
  }

  static Gen<SenderData> senderData() {
    return uint32().zip(uint32(), fixed(4), SenderData::new);
  }

  /** Every record kind, each paired with its decoder. */
  static Gen<Sample> samples() {
    return Generate.oneOf(
        leafNode().map(v -> new Sample("LeafNode", v, LeafNode::decode)),
        ratchetTree().map(v -> new Sample("RatchetTree", v, RatchetTreeExtension::decode)),
        commit().map(v -> new Sample("Commit", v, Commit::decode)),
        proposal().map(v -> new Sample("Proposal", new ProposalBytes(v), Proposal::decode)),
        mlsMessage().map(v -> new Sample("MlsMessage", v, MlsMessage::decode)),
        authenticatedContent()
            .map(v -> new Sample("AuthenticatedContent", v, AuthenticatedContent::decode)),
        groupSecrets().map(v -> new Sample("GroupSecrets", v, GroupSecrets::decode)),
        senderData().map(v -> new Sample("SenderData", v, SenderData::decode)),
        groupContext().map(v -> new Sample("GroupContext", v, GroupContext::decode)));
  }

  /** A whole {@code Proposal} (type and body) as an {@link MlsStruct}. */
  record ProposalBytes(Proposal proposal) implements MlsStruct {
    @Override
    public void encode(dev.sealmeet.codec.TlsWriter writer) {
      proposal.encodeProposal(writer);
    }
  }
}
