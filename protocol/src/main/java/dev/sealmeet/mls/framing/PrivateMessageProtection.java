package dev.sealmeet.mls.framing;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.PrivateContentAad;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.PrivateMessageContent;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderData;
import dev.sealmeet.mls.message.SenderDataAad;
import dev.sealmeet.mls.message.SenderType;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.mls.schedule.HashRatchet;
import dev.sealmeet.mls.schedule.MessageKey;
import dev.sealmeet.mls.schedule.RatchetType;
import dev.sealmeet.mls.schedule.ReuseGuard;
import dev.sealmeet.mls.schedule.SecretTree;
import dev.sealmeet.mls.schedule.SenderDataKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * PrivateMessage protection for one epoch (RFC 9420 §6.3): the content is signed (§6.1), padded and
 * encrypted under the sender's handshake or application ratchet key with the reuse guard XORed into
 * the nonce (§6.3.1); the SenderData is encrypted under a key and nonce derived from {@code
 * sender_data_secret} and a sample of that ciphertext (§6.3.2).
 *
 * <pre>
 * protect:   FramedContent ─sign─► PrivateMessageContent ─ratchet key ⊕ guard─► ciphertext
 *                                  SenderData{leaf, generation, guard} ─sender data key(sample)─►
 * unprotect: sender data ─► leaf, generation, guard ─peek key─► content ─► signature ─► consume key
 * </pre>
 *
 * <p>A rejected message changes nothing: the ratchet key is only peeked until the content has
 * decrypted, decoded and its signature verified, then consumed (RFC 9420 §9.2 deletes it). The
 * secret tree is shared with the caller, who owns and destroys it. Not thread-safe.
 */
public final class PrivateMessageProtection {
  private final MlsSuite suite;
  private final GroupContext context;
  private final Secret senderDataSecret;
  private final SecretTree tree;
  private final SecureRandom random;

  /**
   * Protection for the epoch described by {@code context}.
   *
   * @param senderDataSecret the epoch's {@code sender_data_secret}; copied, the caller keeps its
   *     holder
   * @param tree the epoch's secret tree (shared, not copied: sending and receiving advance it)
   * @param random source of reuse guards
   */
  public PrivateMessageProtection(MlsSuite suite, GroupContext context, Secret senderDataSecret,
      SecretTree tree, SecureRandom random) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.context = Objects.requireNonNull(context, "context");
    this.senderDataSecret = senderDataSecret.copy();
    this.tree = Objects.requireNonNull(tree, "tree");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Signs {@code content} and encrypts it as a PrivateMessage.
   *
   * @param confirmationTag present exactly for commits
   * @param paddingLength number of zero bytes appended to the plaintext (§6.3.1)
   * @throws BadKeyException if the signature key is not a key of the suite's scheme
   * @throws IllegalArgumentException if the sender is not a member, or the content is not for this
   *     group and epoch
   */
  public PrivateMessage protect(FramedContent content, byte[] signaturePrivateKey,
      Optional<byte[]> confirmationTag, int paddingLength) throws BadKeyException {
    requireSendable(content);
    return protect(ContentSignatures.signed(suite, context, WireFormat.PRIVATE_MESSAGE, content,
        signaturePrivateKey, confirmationTag), paddingLength);
  }

  /**
   * Encrypts already signed content with the next generation of the sender's ratchet.
   *
   * @throws IllegalArgumentException if the content was not signed for a PrivateMessage, its sender
   *     is not a member of this tree, it is not for this group and epoch, or the padding is
   *     negative
   * @throws IllegalStateException if the sender's ratchet is exhausted or destroyed
   */
  public PrivateMessage protect(AuthenticatedContent authenticated, int paddingLength) {
    if (authenticated.wireFormat() != WireFormat.PRIVATE_MESSAGE) {
      throw new IllegalArgumentException(
          "content was signed for " + authenticated.wireFormat() + ", not a PrivateMessage");
    }
    FramedContent content = authenticated.content();
    requireSendable(content);
    ContentType type = content.contentType();
    byte[] plaintext =
        new PrivateMessageContent(content.content(), authenticated.auth(), paddingLength).toBytes();
    byte[] guard = ReuseGuard.random(random);
    int leaf = (int) content.sender().leafIndex();
    MessageKey key = tree.ratchet(leaf, ratchetType(type)).nextForSending();
    byte[] ciphertext;
    try {
      byte[] aad = new PrivateContentAad(
          content.groupId(), content.epoch(), type, content.authenticatedData()).toBytes();
      ciphertext = key.seal(guard, aad, plaintext);
    } finally {
      key.destroy();
      Arrays.fill(plaintext, (byte) 0);
    }
    byte[] senderData = new SenderData(leaf, key.generation(), guard).toBytes();
    byte[] senderDataAad = new SenderDataAad(content.groupId(), content.epoch(), type).toBytes();
    SenderDataKey senderKey = SenderDataKey.derive(suite, senderDataSecret, ciphertext);
    try {
      return new PrivateMessage(content.groupId(), content.epoch(), type,
          content.authenticatedData(), senderKey.seal(senderDataAad, senderData), ciphertext);
    } finally {
      senderKey.destroy();
    }
  }

  /**
   * Decrypts and verifies a received PrivateMessage, then deletes the message key it used.
   *
   * @throws ProtocolException if the message is for another group or epoch, names a leaf outside
   *     the tree or without a signature key (§6.3.2), or a generation beyond the forward window
   * @throws ReplayException if the generation's key was already used or deleted (§9.2)
   * @throws AuthenticationException naming the check that failed: the sender data AEAD, the content
   *     AEAD or the FramedContentTBS signature
   * @throws DecodeException if the SenderData or PrivateMessageContent is malformed, including
   *     non-zero padding (§6.3.1)
   */
  public VerifiedContent unprotect(PrivateMessage message, SignatureKeyLookup keys)
      throws ProtocolException, ReplayException, AuthenticationException, DecodeException {
    VerifiedContent verified = open(message, keys);
    deleteMessageKey(verified);
    return verified;
  }

  /**
   * Decrypts and verifies a received PrivateMessage as {@link #unprotect} does, but changes no
   * state: the message key stays until {@link #deleteMessageKey}. For callers that validate the
   * content further and must leave everything as it was when that fails.
   *
   * @throws ProtocolException as {@link #unprotect}
   * @throws ReplayException if the generation's key was already used or deleted
   * @throws AuthenticationException as {@link #unprotect}
   * @throws DecodeException as {@link #unprotect}
   */
  public VerifiedContent open(PrivateMessage message, SignatureKeyLookup keys)
      throws ProtocolException, ReplayException, AuthenticationException, DecodeException {
    EpochCheck.require(context, message.groupId(), message.epoch());
    SenderData senderData = openSenderData(message);
    long leafIndex = senderData.leafIndex();
    if (leafIndex >= tree.leafCount()) {
      throw new ProtocolException("RFC 9420 §6.3.2", "sender data names leaf " + leafIndex
          + ", the tree has " + tree.leafCount() + " leaves");
    }
    ContentType type = message.contentType();
    if (!tree.holds((int) leafIndex, ratchetType(type))) {
      throw new ReplayException("the " + type + " keys of leaf " + leafIndex + " in epoch "
          + context.epoch() + " were erased (RFC 9420 §14: a past epoch keeps only application"
          + " receive keys)");
    }
    HashRatchet ratchet = tree.ratchet((int) leafIndex, ratchetType(type));
    long generation = senderData.generation();
    MessageKey key = ratchet.peek(generation);
    byte[] plaintext;
    try {
      plaintext = key.open(senderData.reuseGuard(), message.contentAad().toBytes(),
          message.ciphertext());
    } catch (AuthenticationException e) {
      throw new AuthenticationException("PrivateMessage ciphertext of leaf " + leafIndex
          + " generation " + generation + " does not decrypt (RFC 9420 §6.3.1)");
    } finally {
      key.destroy();
    }
    PrivateMessageContent decrypted;
    try {
      decrypted = PrivateMessageContent.decode(plaintext, type);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    FramedContent content = new FramedContent(message.groupId(), message.epoch(),
        Sender.member(leafIndex), message.authenticatedData(), decrypted.content());
    AuthenticatedContent authenticated =
        new AuthenticatedContent(WireFormat.PRIVATE_MESSAGE, content, decrypted.auth());
    ContentSignatures.verify(
        suite, context, authenticated, keys.signatureKey(content.sender(), content));
    return new VerifiedContent(authenticated, generation);
  }

  /**
   * Deletes the message key that decrypted {@code verified} and ratchets past it (RFC 9420 §9.2).
   *
   * @throws IllegalArgumentException if {@code verified} was not opened by this epoch's {@link
   *     #open}
   * @throws IllegalStateException if that key was deleted already
   */
  public void deleteMessageKey(VerifiedContent verified) {
    if (verified.wireFormat() != WireFormat.PRIVATE_MESSAGE || verified.generation() < 0
        || verified.framedContent().epoch() != context.epoch()) {
      throw new IllegalArgumentException("not a PrivateMessage opened in this epoch");
    }
    tree.ratchet((int) verified.sender().leafIndex(), ratchetType(verified.contentType()))
        .consume(verified.generation());
  }

  /** The held sender data secret itself, for {@link EpochProtection#writeState}. */
  Secret senderDataSecret() {
    return senderDataSecret;
  }

  /** The epoch's secret tree, for {@link EpochProtection#writeState}. */
  SecretTree secretTree() {
    return tree;
  }

  /** Wipes this object's copy of the sender data secret (the tree stays the caller's). */
  public void destroy() {
    senderDataSecret.destroy();
  }

  /** Suite, epoch and tree size only. */
  @Override
  public String toString() {
    return String.format("PrivateMessageProtection[suite 0x%04x, epoch %d, %d leaves]",
        suite.id(), context.epoch(), tree.leafCount());
  }

  private SenderData openSenderData(PrivateMessage message)
      throws AuthenticationException, DecodeException {
    SenderDataKey senderKey = SenderDataKey.derive(suite, senderDataSecret, message.ciphertext());
    byte[] plain;
    try {
      plain = senderKey.open(message.senderDataAad().toBytes(), message.encryptedSenderData());
    } catch (AuthenticationException e) {
      throw new AuthenticationException(
          "encrypted_sender_data does not decrypt (RFC 9420 §6.3.2)");
    } finally {
      senderKey.destroy();
    }
    return TlsReader.decodeExactly(plain, SenderData::decode);
  }

  private void requireSendable(FramedContent content) {
    if (content.sender().senderType() != SenderType.MEMBER) {
      throw new IllegalArgumentException("only members send PrivateMessages (RFC 9420 §6.3.2), not "
          + content.sender().senderType());
    }
    if (content.sender().leafIndex() >= tree.leafCount()) {
      throw new IllegalArgumentException("sender leaf " + content.sender().leafIndex()
          + " is outside a tree of " + tree.leafCount() + " leaves");
    }
    if (!Arrays.equals(context.groupId(), content.groupId())
        || content.epoch() != context.epoch()) {
      throw new IllegalArgumentException("content is not for this group and epoch");
    }
  }

  private static RatchetType ratchetType(ContentType type) {
    return type == ContentType.APPLICATION ? RatchetType.APPLICATION : RatchetType.HANDSHAKE;
  }
}
