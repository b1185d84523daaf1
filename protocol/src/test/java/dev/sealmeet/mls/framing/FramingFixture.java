package dev.sealmeet.mls.framing;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.PrivateContentAad;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderData;
import dev.sealmeet.mls.message.SenderDataAad;
import dev.sealmeet.mls.schedule.MessageKey;
import dev.sealmeet.mls.schedule.RatchetType;
import dev.sealmeet.mls.schedule.SecretTree;
import dev.sealmeet.mls.schedule.SenderDataKey;
import dev.sealmeet.mls.testing.TestSuites;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** One epoch of a four-member group on suite 1, fixed secrets. */
final class FramingFixture {
  static final byte[] GROUP_ID = "framing-test-group".getBytes(StandardCharsets.US_ASCII);
  static final long EPOCH = 7;
  static final int LEAVES = 4;

  final MlsSuite suite = TestSuites.suite1();
  final RawKeyPair signer = suite.primitives().signatureGenerateKeyPair();
  final RawKeyPair otherSigner = suite.primitives().signatureGenerateKeyPair();
  final GroupContext context = new GroupContext(ProtocolVersion.MLS10, 1, GROUP_ID, EPOCH,
      filled(0x0a, 32), filled(0x0b, 32), List.of());
  final byte[] encryptionSecret = filled(0x11, 32);
  final byte[] senderDataSecret = filled(0x22, 32);
  final byte[] membershipKey = filled(0x33, 32);

  static byte[] filled(int value, int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  SecretTree newTree() {
    return new SecretTree(suite, Secret.copyOf(encryptionSecret), LEAVES);
  }

  PrivateMessageProtection privateProtection(SecretTree tree) {
    return new PrivateMessageProtection(
        suite, context, Secret.copyOf(senderDataSecret), tree, new SecureRandom());
  }

  PublicMessageProtection publicProtection() {
    return new PublicMessageProtection(suite, context, Secret.copyOf(membershipKey));
  }

  SignatureKeyLookup keys() {
    return SignatureKeyLookup.fixed(signer.publicKey());
  }

  FramedContent framed(Sender sender, MessageContent content) {
    return new FramedContent(GROUP_ID, EPOCH, sender, "aad".getBytes(StandardCharsets.US_ASCII),
        content);
  }

  FramedContent application(long leaf, String text) {
    return framed(Sender.member(leaf),
        new MessageContent.Application(text.getBytes(StandardCharsets.UTF_8)));
  }

  FramedContent proposal(long leaf) {
    return framed(Sender.member(leaf), new MessageContent.ProposalContent(new RemoveProposal(2)));
  }

  FramedContent commit(long leaf) {
    return framed(Sender.member(leaf),
        new MessageContent.CommitContent(new Commit(List.of(), Optional.empty())));
  }

  /** The confirmation tag argument each content type needs. */
  Optional<byte[]> tagFor(FramedContent content) {
    return content.content() instanceof MessageContent.CommitContent
        ? Optional.of(filled(0x44, 32)) : Optional.empty();
  }

  /**
   * Encrypts {@code plaintext} with {@code tree}'s next key of {@code leaf}, but with sender data
   * naming {@code claimedLeaf}: for plaintexts and sender data that protect() would never make.
   */
  PrivateMessage encryptByHand(SecretTree tree, int leaf, long claimedLeaf, byte[] plaintext,
      ContentType type) {
    RatchetType ratchet =
        type == ContentType.APPLICATION ? RatchetType.APPLICATION : RatchetType.HANDSHAKE;
    MessageKey key = tree.ratchet(leaf, ratchet).nextForSending();
    byte[] guard = {1, 2, 3, 4};
    byte[] aad = "aad".getBytes(StandardCharsets.US_ASCII);
    byte[] ciphertext = key.seal(guard,
        new PrivateContentAad(GROUP_ID, EPOCH, type, aad).toBytes(), plaintext);
    SenderDataKey senderKey =
        SenderDataKey.derive(suite, Secret.copyOf(senderDataSecret), ciphertext);
    byte[] senderData = senderKey.seal(new SenderDataAad(GROUP_ID, EPOCH, type).toBytes(),
        new SenderData(claimedLeaf, key.generation(), guard).toBytes());
    return new PrivateMessage(GROUP_ID, EPOCH, type, aad, senderData, ciphertext);
  }
}
