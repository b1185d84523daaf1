package dev.sealmeet.mls.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.FramedContentAuthData;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.WireFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 9420 §6.1 and §6.2: signing, membership tags and what unprotect rejects. */
class PublicMessageProtectionTest {
  private final FramingFixture f = new FramingFixture();
  private final PublicMessageProtection pub = f.publicProtection();

  private PublicMessage protect(FramedContent content) throws Exception {
    return pub.protect(content, f.signer.privateKey(), f.tagFor(content));
  }

  @Test
  void protect_thenUnprotect_returnsTheContent() throws Exception {
    for (FramedContent content : new FramedContent[] {f.proposal(1), f.commit(3)}) {
      VerifiedContent verified = pub.unprotect(protect(content), f.keys());
      assertThat(verified.framedContent()).isEqualTo(content);
      assertThat(verified.wireFormat()).isEqualTo(WireFormat.PUBLIC_MESSAGE);
      assertThat(verified.confirmationTag().isPresent())
          .isEqualTo(content.content() instanceof MessageContent.CommitContent);
    }
  }

  @Test
  void protect_memberSender_setsMembershipTagOfTbm() throws Exception {
    PublicMessage message = protect(f.proposal(1));
    byte[] tbm = message.toAuthenticatedContent().toBeMaced(f.context);
    assertThat(message.membershipTag()).hasValueSatisfying(
        tag -> assertThat(tag).isEqualTo(f.suite.primitives().mac(f.membershipKey, tbm)));
  }

  @Test
  void unprotect_tamperedSignatureByte_isRejectedNamingTheSignature() throws Exception {
    PublicMessage message = protect(f.proposal(1));
    byte[] signature = message.auth().signature();
    signature[5] ^= 0x01;
    // Recompute the membership tag so that only the signature is wrong.
    AuthenticatedContent forged = new AuthenticatedContent(WireFormat.PUBLIC_MESSAGE,
        message.content(), new FramedContentAuthData(signature, Optional.empty()));
    PublicMessage tampered = pub.protect(forged);
    assertThatThrownBy(() -> pub.unprotect(tampered, f.keys()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("FramedContentTBS signature");
  }

  @Test
  void unprotect_tamperedSignatureByteKeepingOldTag_isRejectedNamingMembershipTag()
      throws Exception {
    PublicMessage message = protect(f.proposal(1));
    byte[] signature = message.auth().signature();
    signature[0] ^= (byte) 0x80;
    PublicMessage tampered = new PublicMessage(message.content(),
        new FramedContentAuthData(signature, Optional.empty()), message.membershipTag());
    assertThatThrownBy(() -> pub.unprotect(tampered, f.keys()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("membership_tag");
  }

  @Test
  void unprotect_tamperedMembershipTagByte_isRejectedNamingMembershipTag() throws Exception {
    PublicMessage message = protect(f.commit(2));
    byte[] tag = message.membershipTag().orElseThrow();
    tag[tag.length - 1] ^= 0x01;
    PublicMessage tampered = new PublicMessage(message.content(), message.auth(), Optional.of(tag));
    assertThatThrownBy(() -> pub.unprotect(tampered, f.keys()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("membership_tag");
  }

  @Test
  void unprotect_tamperedContentByte_isRejected() throws Exception {
    PublicMessage message = protect(f.proposal(1));
    FramedContent content = message.content();
    byte[] aad = content.authenticatedData();
    aad[0] ^= 0x01;
    PublicMessage tampered = new PublicMessage(new FramedContent(content.groupId(),
        content.epoch(), content.sender(), aad, content.content()), message.auth(),
        message.membershipTag());
    assertThatThrownBy(() -> pub.unprotect(tampered, f.keys()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("membership_tag");
  }

  @Test
  void unprotect_externalSenderTamperedContent_isRejectedNamingTheSignature() throws Exception {
    FramedContent content = f.framed(Sender.external(0),
        new MessageContent.ProposalContent(new RemoveProposal(1)));
    PublicMessage message = protect(content);
    assertThat(message.membershipTag()).isEmpty();
    assertThat(pub.unprotect(message, f.keys()).sender()).isEqualTo(Sender.external(0));
    PublicMessage tampered = new PublicMessage(f.framed(Sender.external(0),
        new MessageContent.ProposalContent(new RemoveProposal(3))), message.auth(),
        Optional.empty());
    assertThatThrownBy(() -> pub.unprotect(tampered, f.keys()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("FramedContentTBS signature");
  }

  @Test
  void unprotect_otherSignersKey_isRejectedNamingTheSignature() throws Exception {
    PublicMessage message = protect(f.proposal(1));
    assertThatThrownBy(() -> pub.unprotect(
        message, SignatureKeyLookup.fixed(f.otherSigner.publicKey())))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("FramedContentTBS signature");
  }

  @Test
  void unprotect_unknownSender_propagatesTheLookupsProtocolException() throws Exception {
    PublicMessage message = protect(f.proposal(1));
    assertThatThrownBy(() -> pub.unprotect(message, (sender, content) -> {
      throw new ProtocolException("RFC 9420 §6.3.2", "blank leaf");
    })).isInstanceOf(ProtocolException.class);
  }

  @Test
  void protect_applicationData_isRefused() {
    assertThatThrownBy(() -> pub.protect(f.application(1, "hi"), f.signer.privateKey(),
        Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unprotect_applicationData_isProtocolException() throws Exception {
    AuthenticatedContent signed = ContentSignatures.signed(f.suite, f.context,
        WireFormat.PUBLIC_MESSAGE, f.application(1, "hi"), f.signer.privateKey(),
        Optional.empty());
    PublicMessage message =
        new PublicMessage(signed.content(), signed.auth(), Optional.of(new byte[32]));
    assertThatThrownBy(() -> pub.unprotect(message, f.keys()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("§6.2");
  }

  @Test
  void unprotect_otherEpoch_isProtocolException() throws Exception {
    PublicMessage message = protect(f.proposal(1));
    FramedContent c = message.content();
    PublicMessage stale = new PublicMessage(new FramedContent(c.groupId(), c.epoch() - 1,
        c.sender(), c.authenticatedData(), c.content()), message.auth(), message.membershipTag());
    assertThatThrownBy(() -> pub.unprotect(stale, f.keys()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("epoch 6");
  }

  @Test
  void unprotect_externalSenderCommit_isProtocolException() throws Exception {
    FramedContent commit = f.commit(0);
    FramedContent external = f.framed(Sender.external(0), commit.content());
    AuthenticatedContent signed = ContentSignatures.signed(f.suite, f.context,
        WireFormat.PUBLIC_MESSAGE, external, f.signer.privateKey(), f.tagFor(commit));
    PublicMessage message = pub.protect(signed);
    assertThatThrownBy(() -> pub.unprotect(message, f.keys()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("§6.1");
  }

  @Test
  void protect_contentSignedForPrivateMessage_isRefused() throws Exception {
    AuthenticatedContent signed = ContentSignatures.signed(f.suite, f.context,
        WireFormat.PRIVATE_MESSAGE, f.proposal(1), f.signer.privateKey(), Optional.empty());
    assertThatThrownBy(() -> pub.protect(signed)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_printsNoSecret() throws Exception {
    VerifiedContent verified = pub.unprotect(protect(f.proposal(1)), f.keys());
    assertThat(pub.toString()).doesNotContain(FramingFixture.hex(f.membershipKey))
        .contains("epoch 7");
    assertThat(verified.toString()).contains("PROPOSAL").contains("epoch 7");
  }

  @Test
  void destroy_thenProtect_isIllegalState() {
    pub.destroy();
    assertThatThrownBy(() -> protect(f.proposal(1))).isInstanceOf(IllegalStateException.class);
  }
}
