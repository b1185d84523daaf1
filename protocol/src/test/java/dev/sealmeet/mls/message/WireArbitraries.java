package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for the wire records, kept small so properties stay fast. */
final class WireArbitraries {
  private WireArbitraries() {}

  /** A generated value with the decoder that reads it back. */
  record Sample(String name, MlsStruct value, TlsReader.ElementReader<? extends MlsStruct> decoder) {
    @Override
    public String toString() {
      return name + "(" + value.toBytes().length + " bytes)";
    }
  }

  static Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
  }

  static Arbitrary<byte[]> fixed(int n) {
    return Arbitraries.bytes().array(byte[].class).ofSize(n);
  }

  static Arbitrary<Integer> uint16() {
    return Arbitraries.integers().between(0, 0xffff);
  }

  static Arbitrary<Long> uint32() {
    return Arbitraries.longs().between(0, 0xffffffffL);
  }

  static Arbitrary<Long> uint64() {
    return Arbitraries.longs();
  }

  static <T> Arbitrary<List<T>> few(Arbitrary<T> element) {
    return element.list().ofMaxSize(3);
  }

  static Arbitrary<Extension> extension() {
    return Combinators.combine(uint16(), bytes()).as(Extension::new);
  }

  static Arbitrary<List<Extension>> extensions() {
    return few(extension());
  }

  static Arbitrary<Credential> credential() {
    return Arbitraries.oneOf(
        bytes().map(BasicCredential::new),
        few(bytes()).map(X509Credential::new),
        Combinators.combine(Arbitraries.integers().between(3, 0xffff), bytes())
            .as(UnknownCredential::new));
  }

  static Arbitrary<Capabilities> capabilities() {
    return Combinators.combine(few(uint16()), few(uint16()), few(uint16()), few(uint16()),
        few(uint16())).as(Capabilities::new);
  }

  static Arbitrary<Lifetime> lifetime() {
    return Combinators.combine(uint64(), uint64()).as(Lifetime::new);
  }

  static Arbitrary<LeafNode> leafNode() {
    Arbitrary<LeafNodeSource> source = Arbitraries.of(LeafNodeSource.class);
    Arbitrary<Object[]> head = Combinators.combine(bytes(), bytes(), credential(), capabilities())
        .as((e, s, c, caps) -> new Object[] {e, s, c, caps});
    return Combinators.combine(head, source, lifetime(), bytes(), extensions(), bytes())
        .as((h, src, life, parentHash, ext, sig) -> new LeafNode((byte[]) h[0], (byte[]) h[1],
            (Credential) h[2], (Capabilities) h[3], src,
            src == LeafNodeSource.KEY_PACKAGE ? Optional.of(life) : Optional.empty(),
            src == LeafNodeSource.COMMIT ? Optional.of(parentHash) : Optional.empty(), ext, sig));
  }

  static Arbitrary<ParentNode> parentNode() {
    return Combinators.combine(bytes(), bytes(), few(uint32())).as(ParentNode::new);
  }

  static Arbitrary<Node> node() {
    return Arbitraries.oneOf(leafNode().map(Node::leaf), parentNode().map(Node::parent));
  }

  static Arbitrary<RatchetTreeExtension> ratchetTree() {
    return few(node().optional()).map(RatchetTreeExtension::new);
  }

  static Arbitrary<HpkeCiphertext> hpkeCiphertext() {
    return Combinators.combine(bytes(), bytes()).as(HpkeCiphertext::new);
  }

  static Arbitrary<UpdatePath> updatePath() {
    Arbitrary<UpdatePathNode> node =
        Combinators.combine(bytes(), few(hpkeCiphertext())).as(UpdatePathNode::new);
    return Combinators.combine(leafNode(), few(node)).as(UpdatePath::new);
  }

  static Arbitrary<KeyPackage> keyPackage() {
    return Combinators.combine(uint16(), uint16(), bytes(), leafNode(), extensions(), bytes())
        .as(KeyPackage::new);
  }

  static Arbitrary<PreSharedKeyId> psk() {
    return Arbitraries.oneOf(
        Combinators.combine(bytes(), bytes()).as(PreSharedKeyId.External::new),
        Combinators.combine(Arbitraries.of(ResumptionPskUsage.class), bytes(), uint64(), bytes())
            .as(PreSharedKeyId.Resumption::new));
  }

  static Arbitrary<Proposal> proposal() {
    return Arbitraries.oneOf(
        keyPackage().map(AddProposal::new),
        leafNode().map(UpdateProposal::new),
        uint32().map(RemoveProposal::new),
        psk().map(PreSharedKeyProposal::new),
        Combinators.combine(bytes(), uint16(), uint16(), extensions()).as(ReInitProposal::new),
        bytes().map(ExternalInitProposal::new),
        extensions().map(GroupContextExtensionsProposal::new),
        Combinators.combine(Arbitraries.integers().between(8, 0xffff), bytes())
            .as(UnknownProposal::new));
  }

  static Arbitrary<Commit> commit() {
    Arbitrary<ProposalOrRef> por = Arbitraries.oneOf(
        proposal().map(ProposalOrRef.ByValue::new), bytes().map(ProposalOrRef.ByReference::new));
    return Combinators.combine(few(por), updatePath().optional()).as(Commit::new);
  }

  static Arbitrary<Sender> sender() {
    return Arbitraries.oneOf(uint32().map(Sender::member), uint32().map(Sender::external),
        Arbitraries.just(Sender.newMemberProposal()), Arbitraries.just(Sender.newMemberCommit()));
  }

  static Arbitrary<MessageContent> messageContent() {
    return Arbitraries.oneOf(bytes().map(MessageContent.Application::new),
        proposal().map(MessageContent.ProposalContent::new),
        commit().map(MessageContent.CommitContent::new));
  }

  static Arbitrary<FramedContent> framedContent() {
    return Combinators.combine(bytes(), uint64(), sender(), bytes(), messageContent())
        .as(FramedContent::new);
  }

  static FramedContentAuthData auth(ContentType type, byte[] signature, byte[] tag) {
    return new FramedContentAuthData(
        signature, type == ContentType.COMMIT ? Optional.of(tag) : Optional.empty());
  }

  static Arbitrary<PublicMessage> publicMessage() {
    return Combinators.combine(framedContent(), bytes(), bytes(), bytes())
        .as((c, sig, tag, mac) -> new PublicMessage(c, auth(c.contentType(), sig, tag),
            c.sender().senderType() == SenderType.MEMBER ? Optional.of(mac) : Optional.empty()));
  }

  static Arbitrary<PrivateMessage> privateMessage() {
    return Combinators.combine(bytes(), uint64(), Arbitraries.of(ContentType.class), bytes(),
        bytes(), bytes()).as(PrivateMessage::new);
  }

  static Arbitrary<GroupContext> groupContext() {
    return Combinators.combine(uint16(), uint16(), bytes(), uint64(), bytes(), bytes(), extensions())
        .as(GroupContext::new);
  }

  static Arbitrary<GroupInfo> groupInfo() {
    return Combinators.combine(groupContext(), extensions(), bytes(), uint32(), bytes())
        .as(GroupInfo::new);
  }

  static Arbitrary<Welcome> welcome() {
    Arbitrary<EncryptedGroupSecrets> egs =
        Combinators.combine(bytes(), hpkeCiphertext()).as(EncryptedGroupSecrets::new);
    return Combinators.combine(uint16(), few(egs), bytes()).as(Welcome::new);
  }

  static Arbitrary<GroupSecrets> groupSecrets() {
    return Combinators.combine(bytes(), bytes().map(PathSecret::new).optional(), few(psk()))
        .as(GroupSecrets::new);
  }

  static Arbitrary<MlsMessage> mlsMessage() {
    return Arbitraries.<MlsMessageBody>oneOf(publicMessage(), privateMessage(), welcome(),
        groupInfo(), keyPackage()).map(MlsMessage::of);
  }

  static Arbitrary<AuthenticatedContent> authenticatedContent() {
    return Combinators.combine(Arbitraries.of(WireFormat.class), framedContent(), bytes(), bytes())
        .as((f, c, sig, tag) -> new AuthenticatedContent(f, c, auth(c.contentType(), sig, tag)));
  }

  static Arbitrary<SenderData> senderData() {
    return Combinators.combine(uint32(), uint32(), fixed(4)).as(SenderData::new);
  }

  /** Every record kind, each paired with its decoder. */
  static Arbitrary<Sample> samples() {
    return Arbitraries.oneOf(
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
