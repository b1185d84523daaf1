package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Examples for the select rules, TBS layouts, secrets in toString and input checks. */
class WireStructTest {
  private static final byte[] GROUP = {7, 7};

  private static LeafNode leaf(LeafNodeSource source) {
    return new LeafNode(new byte[] {1}, new byte[] {2}, new BasicCredential(new byte[] {3}),
        new Capabilities(List.of(1), List.of(1), List.of(), List.of(), List.of(1)), source,
        source == LeafNodeSource.KEY_PACKAGE ? Optional.of(new Lifetime(0, -1)) : Optional.empty(),
        source == LeafNodeSource.COMMIT ? Optional.of(new byte[] {4}) : Optional.empty(),
        List.of(), new byte[] {5, 5});
  }

  private static FramedContent content(Sender sender, MessageContent body) {
    return new FramedContent(GROUP, 3, sender, new byte[0], body);
  }

  @Test
  void leafNodeTbs_updateSource_appendsGroupIdAndLeafIndex() {
    LeafNode update = leaf(LeafNodeSource.UPDATE);
    byte[] full = update.toBytes();
    byte[] content = Arrays.copyOf(full, full.length - 3); // minus opaque signature<V> (1 + 2)
    byte[] expectedTail = new TlsWriter().writeOpaque(GROUP).writeUint32(0xfffffffeL).toByteArray();
    byte[] tbs = update.toBeSigned(GROUP, 0xfffffffeL);
    assertThat(Arrays.copyOf(tbs, content.length)).isEqualTo(content);
    assertThat(Arrays.copyOfRange(tbs, content.length, tbs.length)).isEqualTo(expectedTail);
  }

  @Test
  void leafNodeTbs_keyPackageSource_isContentOnly() {
    LeafNode kp = leaf(LeafNodeSource.KEY_PACKAGE);
    byte[] full = kp.toBytes();
    assertThat(kp.toBeSigned(null, 0)).isEqualTo(Arrays.copyOf(full, full.length - 3));
  }

  @Test
  void leafNode_lifetimeOnCommitSource_isRejected() {
    assertThatThrownBy(() -> new LeafNode(new byte[0], new byte[0], new BasicCredential(new byte[0]),
        leaf(LeafNodeSource.COMMIT).capabilities(), LeafNodeSource.COMMIT,
        Optional.of(new Lifetime(0, 0)), Optional.of(new byte[0]), List.of(), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accessors_returnCopies_recordStaysUnchanged() {
    LeafNode node = leaf(LeafNodeSource.COMMIT);
    node.signature()[0] = 99;
    node.parentHash().orElseThrow()[0] = 99;
    assertThat(node.signature()).containsExactly(5, 5);
    assertThat(node.parentHash().orElseThrow()).containsExactly(4);
  }

  @Test
  void keyPackageAndGroupInfoTbs_areEncodingWithoutSignature() {
    KeyPackage kp = new KeyPackage(1, 1, new byte[] {9}, leaf(LeafNodeSource.KEY_PACKAGE), List.of(),
        new byte[] {8, 8, 8});
    byte[] kpBytes = kp.toBytes();
    assertThat(kp.toBeSigned()).isEqualTo(Arrays.copyOf(kpBytes, kpBytes.length - 4));
    GroupContext gc = new GroupContext(1, 1, GROUP, 0, new byte[0], new byte[0], List.of());
    GroupInfo gi = new GroupInfo(gc, List.of(), new byte[] {1}, 4, new byte[] {6, 6});
    byte[] giBytes = gi.toBytes();
    assertThat(gi.toBeSigned()).isEqualTo(Arrays.copyOf(giBytes, giBytes.length - 3));
  }

  @Test
  void framedContentTbs_groupContext_onlyForMemberAndNewMemberCommit() {
    GroupContext gc = new GroupContext(1, 1, GROUP, 3, new byte[0], new byte[0], List.of());
    MessageContent app = new MessageContent.Application(new byte[] {1});
    for (Sender s : List.of(Sender.member(1), Sender.newMemberCommit())) {
      assertThat(FramedContentTbs.of(WireFormat.PUBLIC_MESSAGE, content(s, app), gc).context())
          .contains(gc);
    }
    for (Sender s : List.of(Sender.external(0), Sender.newMemberProposal())) {
      FramedContentTbs tbs = FramedContentTbs.of(WireFormat.PUBLIC_MESSAGE, content(s, app), null);
      assertThat(tbs.context()).isEmpty();
      assertThat(tbs.toBytes()).isEqualTo(new TlsWriter().writeUint16(1).writeUint16(1)
          .writeBytes(content(s, app).toBytes()).toByteArray());
    }
  }

  @Test
  void publicMessage_membershipTagForExternalSender_isRejected() {
    FramedContent c = content(Sender.external(0), new MessageContent.Application(new byte[0]));
    FramedContentAuthData auth = new FramedContentAuthData(new byte[0], Optional.empty());
    assertThatThrownBy(() -> new PublicMessage(c, auth, Optional.of(new byte[1])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void authenticatedContent_commitWithoutConfirmationTag_isRejected() {
    FramedContent c = content(Sender.member(0),
        new MessageContent.CommitContent(new Commit(List.of(), Optional.empty())));
    assertThatThrownBy(() -> new AuthenticatedContent(WireFormat.PUBLIC_MESSAGE, c,
        new FramedContentAuthData(new byte[0], Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void privateMessageContent_nonZeroPadding_isRejected() {
    byte[] plaintext = new PrivateMessageContent(new MessageContent.Application(new byte[] {1}),
        new FramedContentAuthData(new byte[] {2}, Optional.empty()), 5).toBytes();
    plaintext[plaintext.length - 2] = 1;
    assertThatThrownBy(() -> PrivateMessageContent.decode(plaintext, ContentType.APPLICATION))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("padding");
  }

  @Test
  void secretsAndPlaintext_toString_showNoBytes() {
    byte[] secret = HexFormat.of().parseHex("a1b2c3d4e5f60718");
    GroupSecrets gs = new GroupSecrets(secret, Optional.of(new PathSecret(secret)), List.of());
    PrivateMessageContent pmc = new PrivateMessageContent(new MessageContent.Application(secret),
        new FramedContentAuthData(new byte[0], Optional.empty()), 0);
    for (String s : List.of(gs.toString(), new PathSecret(secret).toString(), pmc.toString(),
        new MessageContent.Application(secret).toString())) {
      assertThat(s).doesNotContain("a1b2").doesNotContain("-95").doesNotContain("[B@");
    }
  }

  @Test
  void unknownProposalType_passesThroughAsOpaque() throws DecodeException {
    byte[] bytes = new TlsWriter().writeUint16(0x0a0a).writeOpaque(new byte[] {1, 2}).toByteArray();
    Proposal p = TlsReader.decodeExactly(bytes, Proposal::decode);
    assertThat(p).isInstanceOf(UnknownProposal.class);
    assertThat(p.proposalType()).isEqualTo(0x0a0a);
    assertThat(p.toProposalBytes()).isEqualTo(bytes);
  }

  @Test
  void mlsMessage_unknownVersionOrWireFormat_isRejected() {
    assertThatThrownBy(() -> MlsMessage.fromBytes(new byte[] {0, 2, 0, 1}))
        .isInstanceOf(DecodeException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> MlsMessage.fromBytes(new byte[] {0, 1, 0, 6}))
        .isInstanceOf(DecodeException.class).hasMessageContaining("WireFormat");
  }

  @Test
  void node_unknownNodeType_isRejected() {
    assertThatThrownBy(() -> TlsReader.decodeExactly(new byte[] {3}, Node::decode))
        .isInstanceOf(DecodeException.class).hasMessageContaining("NodeType");
  }

  @Test
  void senderData_reuseGuardNotFourBytes_isRejected() {
    assertThatThrownBy(() -> new SenderData(0, 0, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ratchetTree_extensionRoundTrip_keepsBlanks() throws DecodeException {
    RatchetTreeExtension tree = new RatchetTreeExtension(List.of(
        Optional.of(Node.leaf(leaf(LeafNodeSource.KEY_PACKAGE))), Optional.empty(),
        Optional.of(Node.leaf(leaf(LeafNodeSource.COMMIT)))));
    RatchetTreeExtension back = RatchetTreeExtension.fromExtension(tree.toExtension());
    assertThat(back.nodes()).hasSize(3);
    assertThat(back.nodes().get(1)).isEmpty();
    assertThat(back.toBytes()).isEqualTo(tree.toBytes());
  }

  @Test
  void equals_comparesArraysByContent() {
    assertThat(leaf(LeafNodeSource.UPDATE)).isEqualTo(leaf(LeafNodeSource.UPDATE))
        .hasSameHashCodeAs(leaf(LeafNodeSource.UPDATE))
        .isNotEqualTo(leaf(LeafNodeSource.UPDATE).withSignature(new byte[] {5, 6}));
    assertThat(new UnknownProposal(100, new byte[] {1}))
        .isEqualTo(new UnknownProposal(100, new byte[] {1}))
        .isNotEqualTo(new UnknownProposal(101, new byte[] {1}));
    assertThat(new MessageContent.Application(new byte[] {1}))
        .isEqualTo(new MessageContent.Application(new byte[] {1}));
  }
}
