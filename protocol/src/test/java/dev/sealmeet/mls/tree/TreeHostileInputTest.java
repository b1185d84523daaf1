package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.Node;
import dev.sealmeet.mls.message.ParentNode;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.RatchetTreeExtension;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.message.UpdateProposal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 §1: leaf indices read from the wire (Sender, Remove) that name a blank leaf or one outside
 * the tree raise {@link ProtocolException}, never an unchecked exception.
 */
class TreeHostileInputTest {
  private static final HexFormat HEX = HexFormat.of();

  /** {@code Sender}: sender_type member (1), uint32 leaf_index. */
  private static long memberSender(String leafIndexHex) throws Exception {
    Sender sender = TlsReader.decodeExactly(HEX.parseHex("01" + leafIndexHex), Sender::decode);
    return sender.index();
  }

  /** {@code Proposal}: proposal_type remove (3), uint32 removed. */
  private static long removed(String leafIndexHex) throws Exception {
    Proposal p = TlsReader.decodeExactly(HEX.parseHex("0003" + leafIndexHex), Proposal::decode);
    return ((RemoveProposal) p).removed();
  }

  @Test
  void withRemove_wireIndexOfBlankOrAbsentLeaf_throwsProtocolException() throws Exception {
    TestGroup g = TestGroup.of(3);
    g.remove(1);
    for (String index : List.of("00000001", "00000004", "7fffffff", "ffffffff")) {
      long leaf = removed(index);
      assertThatThrownBy(() -> g.tree.withRemove(leaf))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("RFC 9420 §12.1.3");
    }
  }

  @Test
  void withUpdate_wireSenderOfBlankOrAbsentLeaf_throwsProtocolException() throws Exception {
    TestGroup g = TestGroup.of(3);
    byte[] proposal = new UpdateProposal(g.tree.leaf(1).orElseThrow()).toProposalBytes();
    UpdateProposal update = (UpdateProposal) TlsReader.decodeExactly(proposal, Proposal::decode);
    g.remove(1);
    for (String index : List.of("00000001", "00000008", "ffffffff")) {
      long sender = memberSender(index);
      assertThatThrownBy(() -> g.tree.withUpdate(sender, update.leafNode()))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("RFC 9420 §12.1.2");
    }
  }

  @Test
  void mergeAndDecrypt_wireSenderOfBlankOrAbsentLeaf_throwProtocolException() throws Exception {
    TestGroup g = TestGroup.of(4);
    TreeKem kem = new TreeKem(g.suite);
    TreeKem.Generated c = kem.generate(g.tree, 2, g.tree.leaf(2).orElseThrow(),
        g.signatureKeys.get(2L), g.context(), List.of(), g.random);
    UpdatePath path = TlsReader.decodeExactly(c.path().toBytes(), UpdatePath::decode);
    g.remove(3);
    for (String index : List.of("00000003", "00000004", "ffffffff")) {
      long sender = memberSender(index);
      assertThatThrownBy(() -> kem.merge(g.tree, sender, path))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("RFC 9420 §12.4.2");
      assertThatThrownBy(() -> kem.decrypt(g.tree, sender, path, g.privates.get(0L),
          c.groupContext(), List.of()))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("RFC 9420 §12.4.2");
    }
    assertThat(g.tree.leaf(0)).isPresent();
  }

  @Test
  void verifyParentHashes_blankUnmergedLeafInResolution_throwsProtocolException() throws Exception {
    TestGroup g = TestGroup.of(4);
    // Leaf 3 commits: nodes 5 and 3 get keys, node 1 stays blank. Node 5 then claims the blank
    // leaf 2 as unmerged, so the root's check meets a blank node in the resolution of node 5.
    TreeKem.Generated c = new TreeKem(g.suite).generate(g.tree, 3, g.tree.leaf(3).orElseThrow(),
        g.signatureKeys.get(3L), g.context(), List.of(), g.random);
    List<Optional<Node>> nodes = new ArrayList<>(c.tree().toNodes());
    ParentNode p = c.tree().parent(5).orElseThrow();
    nodes.set(5, Optional.of(Node.parent(
        new ParentNode(p.encryptionKey(), p.parentHash(), List.of(2L)))));
    nodes.set(4, Optional.empty());
    RatchetTree hostile = RatchetTree.decode(new RatchetTreeExtension(nodes).toBytes());

    assertThatThrownBy(() -> new TreeValidator(g.suite).verifyParentHashes(hostile))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> new TreeValidator(g.suite).verifyUnmergedLeaves(hostile))
        .isInstanceOf(ProtocolException.class);
  }
}
