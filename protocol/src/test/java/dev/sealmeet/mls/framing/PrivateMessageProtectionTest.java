package dev.sealmeet.mls.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.PrivateMessageContent;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.mls.schedule.SecretTree;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 9420 §6.3: content and sender data encryption, and that rejected input changes nothing. */
class PrivateMessageProtectionTest {
  private final FramingFixture f = new FramingFixture();
  private final PrivateMessageProtection sender = f.privateProtection(f.newTree());
  private final PrivateMessageProtection receiver = f.privateProtection(f.newTree());

  private PrivateMessage protect(FramedContent content, int padding) throws Exception {
    return sender.protect(content, f.signer.privateKey(), f.tagFor(content), padding);
  }

  @Test
  void protect_thenUnprotect_returnsEveryContentType() throws Exception {
    for (FramedContent content : new FramedContent[] {
        f.application(1, "hello"), f.proposal(1), f.commit(1), f.application(1, "")}) {
      for (int padding : new int[] {0, 1, 200}) {
        PrivateMessage message = protect(content, padding);
        VerifiedContent verified = receiver.unprotect(message, f.keys());
        assertThat(verified.framedContent()).isEqualTo(content);
        assertThat(verified.wireFormat()).isEqualTo(WireFormat.PRIVATE_MESSAGE);
        assertThat(message.authenticatedData()).isEqualTo(content.authenticatedData());
      }
    }
  }

  @Test
  void unprotect_replayedGeneration_isReplayException() throws Exception {
    PrivateMessage message = protect(f.application(1, "once"), 0);
    receiver.unprotect(message, f.keys());
    assertThatThrownBy(() -> receiver.unprotect(message, f.keys()))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("generation 0");
  }

  @Test
  void unprotect_outOfOrderGenerations_bothDecryptOnce() throws Exception {
    PrivateMessage first = protect(f.application(2, "first"), 0);
    PrivateMessage second = protect(f.application(2, "second"), 0);
    assertThat(receiver.unprotect(second, f.keys()).content())
        .isEqualTo(f.application(2, "second").content());
    assertThat(receiver.unprotect(first, f.keys()).content())
        .isEqualTo(f.application(2, "first").content());
    assertThatThrownBy(() -> receiver.unprotect(first, f.keys()))
        .isInstanceOf(ReplayException.class);
  }

  @Test
  void unprotect_handshakeAndApplicationRatchets_areSeparate() throws Exception {
    PrivateMessage app = protect(f.application(1, "a"), 0);
    PrivateMessage proposal = protect(f.proposal(1), 0);
    receiver.unprotect(app, f.keys());
    assertThat(receiver.unprotect(proposal, f.keys()).contentType())
        .isEqualTo(ContentType.PROPOSAL);
  }

  @Test
  void unprotect_tamperedCiphertextBit_isRejectedAndStateUnchanged() throws Exception {
    PrivateMessage message = protect(f.commit(3), 5);
    byte[] ciphertext = message.ciphertext();
    for (int bit : new int[] {0, 7, 8 * 32 + 3, 8 * ciphertext.length - 1}) {
      byte[] tampered = ciphertext.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      PrivateMessage forged = new PrivateMessage(message.groupId(), message.epoch(),
          message.contentType(), message.authenticatedData(), message.encryptedSenderData(),
          tampered);
      assertThatThrownBy(() -> receiver.unprotect(forged, f.keys()))
          .isInstanceOf(AuthenticationException.class);
    }
    assertThat(receiver.unprotect(message, f.keys()).framedContent()).isEqualTo(f.commit(3));
  }

  @Test
  void unprotect_tamperedCiphertextAfterSample_namesTheContentCiphertext() throws Exception {
    PrivateMessage message = protect(f.application(1, "x".repeat(64)), 0);
    byte[] tampered = message.ciphertext();
    tampered[tampered.length - 1] ^= 0x01;
    PrivateMessage forged = new PrivateMessage(message.groupId(), message.epoch(),
        message.contentType(), message.authenticatedData(), message.encryptedSenderData(),
        tampered);
    assertThatThrownBy(() -> receiver.unprotect(forged, f.keys()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("PrivateMessage ciphertext");
    assertThat(receiver.unprotect(message, f.keys()).contentType())
        .isEqualTo(ContentType.APPLICATION);
  }

  @Test
  void unprotect_tamperedSenderDataBit_isRejectedAndStateUnchanged() throws Exception {
    PrivateMessage message = protect(f.proposal(1), 0);
    byte[] senderData = message.encryptedSenderData();
    for (int i = 0; i < senderData.length; i += 5) {
      byte[] tampered = senderData.clone();
      tampered[i] ^= 0x10;
      PrivateMessage forged = new PrivateMessage(message.groupId(), message.epoch(),
          message.contentType(), message.authenticatedData(), tampered, message.ciphertext());
      assertThatThrownBy(() -> receiver.unprotect(forged, f.keys()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("encrypted_sender_data");
    }
    assertThat(receiver.unprotect(message, f.keys()).contentType())
        .isEqualTo(ContentType.PROPOSAL);
  }

  @Test
  void unprotect_tamperedAuthenticatedData_isRejectedAndStateUnchanged() throws Exception {
    PrivateMessage message = protect(f.application(1, "aad"), 0);
    PrivateMessage forged = new PrivateMessage(message.groupId(), message.epoch(),
        message.contentType(), new byte[] {1}, message.encryptedSenderData(),
        message.ciphertext());
    assertThatThrownBy(() -> receiver.unprotect(forged, f.keys()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("PrivateMessage ciphertext");
    receiver.unprotect(message, f.keys());
  }

  @Test
  void unprotect_otherSignersKey_isRejectedAndKeyNotConsumed() throws Exception {
    PrivateMessage message = protect(f.application(1, "signed"), 0);
    assertThatThrownBy(() -> receiver.unprotect(
        message, SignatureKeyLookup.fixed(f.otherSigner.publicKey())))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("FramedContentTBS signature");
    assertThat(receiver.unprotect(message, f.keys()).sender()).isEqualTo(Sender.member(1));
  }

  @Test
  void unprotect_contentSignedAsPublicMessage_isRejected() throws Exception {
    FramedContent content = f.proposal(1);
    AuthenticatedContent signedForPublic = ContentSignatures.signed(f.suite, f.context,
        WireFormat.PUBLIC_MESSAGE, content, f.signer.privateKey(), Optional.empty());
    PrivateMessage message = encryptByHand(1, new PrivateMessageContent(
        content.content(), signedForPublic.auth(), 0).toBytes(), ContentType.PROPOSAL);
    assertThatThrownBy(() -> receiver.unprotect(message, f.keys()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void unprotect_nonZeroPadding_isDecodeExceptionAndStateUnchanged() throws Exception {
    FramedContent content = f.proposal(1);
    AuthenticatedContent signed = ContentSignatures.signed(f.suite, f.context,
        WireFormat.PRIVATE_MESSAGE, content, f.signer.privateKey(), Optional.empty());
    byte[] good = new PrivateMessageContent(content.content(), signed.auth(), 3).toBytes();
    byte[] bad = good.clone();
    bad[bad.length - 2] = 1;
    SecretTree senderTree = f.newTree();
    PrivateMessage badMessage = encryptByHand(senderTree, 1, 1, bad, ContentType.PROPOSAL);
    assertThatThrownBy(() -> receiver.unprotect(badMessage, f.keys()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("padding");
    PrivateMessage goodMessage = encryptByHand(f.newTree(), 1, 1, good, ContentType.PROPOSAL);
    assertThat(receiver.unprotect(goodMessage, f.keys()).framedContent()).isEqualTo(content);
  }

  @Test
  void unprotect_leafOutsideTree_isProtocolException() throws Exception {
    FramedContent content = f.application(1, "who");
    AuthenticatedContent signed = ContentSignatures.signed(f.suite, f.context,
        WireFormat.PRIVATE_MESSAGE, content, f.signer.privateKey(), Optional.empty());
    byte[] plain = new PrivateMessageContent(content.content(), signed.auth(), 0).toBytes();
    PrivateMessage message =
        encryptByHand(f.newTree(), 1, FramingFixture.LEAVES, plain, ContentType.APPLICATION);
    assertThatThrownBy(() -> receiver.unprotect(message, f.keys()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("leaf 4");
  }

  @Test
  void unprotect_otherEpoch_isProtocolException() throws Exception {
    PrivateMessage message = protect(f.application(1, "late"), 0);
    PrivateMessage stale = new PrivateMessage(message.groupId(), message.epoch() + 1,
        message.contentType(), message.authenticatedData(), message.encryptedSenderData(),
        message.ciphertext());
    assertThatThrownBy(() -> receiver.unprotect(stale, f.keys()))
        .isInstanceOf(ProtocolException.class);
    receiver.unprotect(message, f.keys());
  }

  @Test
  void protect_nonMemberSender_isRefused() {
    FramedContent external = f.framed(Sender.external(0),
        new MessageContent.ProposalContent(new RemoveProposal(1)));
    assertThatThrownBy(() -> sender.protect(external, f.signer.privateKey(), Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void protect_wireEncoding_roundTripsThroughMlsMessage() throws Exception {
    PrivateMessage message = protect(f.commit(0), 8);
    PrivateMessage decoded =
        (PrivateMessage) MlsMessage.fromBytes(MlsMessage.of(message).toBytes()).body();
    assertThat(receiver.unprotect(decoded, f.keys()).framedContent()).isEqualTo(f.commit(0));
  }

  @Test
  void toString_printsNoSecret() throws Exception {
    PrivateMessage message = protect(f.application(1, "secret words"), 0);
    VerifiedContent verified = receiver.unprotect(message, f.keys());
    assertThat(receiver.toString()).doesNotContain(FramingFixture.hex(f.senderDataSecret))
        .doesNotContain(FramingFixture.hex(f.encryptionSecret)).contains("4 leaves");
    assertThat(verified.toString()).doesNotContain("secret words")
        .doesNotContain(FramingFixture.hex("secret words".getBytes()));
  }

  private PrivateMessage encryptByHand(int claimedLeaf, byte[] plaintext, ContentType type) {
    return f.encryptByHand(f.newTree(), 1, claimedLeaf, plaintext, type);
  }

  private PrivateMessage encryptByHand(SecretTree tree, int leaf, long claimedLeaf,
      byte[] plaintext, ContentType type) {
    return f.encryptByHand(tree, leaf, claimedLeaf, plaintext, type);
  }
}
