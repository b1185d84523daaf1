package dev.sealmeet.mls.framing;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.MlsMessageBody;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.RatchetWindow;
import dev.sealmeet.mls.schedule.SecretTree;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Both protections of one epoch behind one object (RFC 9420 §6.2, §6.3), as the group state uses
 * them: {@link #protect} in the wire format of the caller's choice, {@link #unprotect} of any
 * handshake or application MLSMessage.
 *
 * <pre>
 * EpochSecrets ─membership_key──────► PublicMessageProtection ─┐
 *              ─sender_data_secret─┐                           ├─► EpochProtection
 *              ─secretTree(n)──────┴► PrivateMessageProtection ─┘
 * </pre>
 *
 * Owns the secret tree it creates; {@link #destroy} wipes everything. Not thread-safe.
 */
public final class EpochProtection {
  private final GroupContext context;
  private final SecretTree tree;
  private final PublicMessageProtection publicProtection;
  private final PrivateMessageProtection privateProtection;

  private EpochProtection(MlsSuite suite, GroupContext context, Secret membershipKey,
      Secret senderDataSecret, SecretTree tree, SecureRandom random) {
    this.context = context;
    this.tree = tree;
    this.publicProtection = new PublicMessageProtection(suite, context, membershipKey);
    this.privateProtection =
        new PrivateMessageProtection(suite, context, senderDataSecret, tree, random);
  }

  /**
   * The protections of the epoch whose secrets are {@code secrets}. Creates the epoch's secret tree
   * (which takes {@code encryption_secret} over, see {@link EpochSecrets#secretTree}).
   *
   * @param leafCount the number of leaves of the epoch's ratchet tree
   * @throws IllegalStateException if the epoch's secret tree was already created
   */
  public static EpochProtection of(MlsSuite suite, GroupContext context, EpochSecrets secrets,
      int leafCount, SecureRandom random) {
    return of(suite, context, secrets, leafCount, RatchetWindow.DEFAULT, random);
  }

  /**
   * As {@link #of(MlsSuite, GroupContext, EpochSecrets, int, SecureRandom)}, with the out-of-order
   * window of the secret tree's ratchets.
   */
  public static EpochProtection of(MlsSuite suite, GroupContext context, EpochSecrets secrets,
      int leafCount, RatchetWindow window, SecureRandom random) {
    Secret membership = secrets.membershipKey();
    Secret senderData = secrets.senderDataSecret();
    try {
      return new EpochProtection(suite, context, membership, senderData,
          secrets.secretTree(leafCount, window), random);
    } finally {
      membership.destroy();
      senderData.destroy();
    }
  }

  /**
   * The protections for explicitly given epoch values (e.g. a test vector); copies both secrets and
   * takes ownership of {@code tree}.
   */
  public static EpochProtection of(MlsSuite suite, GroupContext context, Secret membershipKey,
      Secret senderDataSecret, SecretTree tree, SecureRandom random) {
    return new EpochProtection(suite, context, membershipKey, senderDataSecret, tree, random);
  }

  /** The GroupContext of this epoch. */
  public GroupContext context() {
    return context;
  }

  /**
   * Signs {@code content} and protects it as {@code wireFormat}.
   *
   * @param confirmationTag present exactly for commits
   * @param paddingLength zero bytes appended to a PrivateMessage's plaintext (ignored for public)
   * @throws BadKeyException if the signature key is not a key of the suite's scheme
   * @throws IllegalArgumentException if {@code wireFormat} is neither message format, or the content
   *     may not go in it (application data in public, non-member sender in private)
   */
  public MlsMessage protect(FramedContent content, WireFormat wireFormat,
      byte[] signaturePrivateKey, Optional<byte[]> confirmationTag, int paddingLength)
      throws BadKeyException {
    switch (wireFormat) {
      case PUBLIC_MESSAGE:
        return MlsMessage.of(
            publicProtection.protect(content, signaturePrivateKey, confirmationTag));
      case PRIVATE_MESSAGE:
        return MlsMessage.of(privateProtection.protect(
            content, signaturePrivateKey, confirmationTag, paddingLength));
      default:
        throw new IllegalArgumentException(wireFormat + " does not carry framed content");
    }
  }

  /**
   * Protects already signed content in the wire format it was signed for: the commit path, where
   * the confirmation tag is computed between signing and protecting (RFC 9420 §8.2).
   *
   * @throws IllegalArgumentException as for {@link #protect(FramedContent, WireFormat, byte[],
   *     Optional, int)}
   */
  public MlsMessage protect(AuthenticatedContent authenticated, int paddingLength) {
    return authenticated.wireFormat() == WireFormat.PRIVATE_MESSAGE
        ? MlsMessage.of(privateProtection.protect(authenticated, paddingLength))
        : MlsMessage.of(publicProtection.protect(authenticated));
  }

  /**
   * Unprotects a PublicMessage or PrivateMessage of this epoch.
   *
   * @throws ProtocolException if the message is not a public or private message, or is rejected
   *     as {@link PublicMessageProtection#unprotect} or {@link PrivateMessageProtection#unprotect}
   *     describe
   * @throws ReplayException if a PrivateMessage's generation was already used
   * @throws AuthenticationException naming the tag, AEAD or signature that failed
   * @throws DecodeException if a PrivateMessage's plaintext is malformed
   */
  public VerifiedContent unprotect(MlsMessage message, SignatureKeyLookup keys)
      throws ProtocolException, ReplayException, AuthenticationException, DecodeException {
    VerifiedContent verified = open(message, keys);
    deleteMessageKey(verified);
    return verified;
  }

  /**
   * Unprotects like {@link #unprotect}, but changes no state: a PrivateMessage's message key stays
   * until {@link #deleteMessageKey}. For callers that validate the content further (group rules,
   * a commit's staging) and must leave the epoch exactly as it was when that fails.
   *
   * @throws ProtocolException as {@link #unprotect}
   * @throws ReplayException if the generation's key was already used or deleted
   * @throws AuthenticationException as {@link #unprotect}
   * @throws DecodeException as {@link #unprotect}
   */
  public VerifiedContent open(MlsMessage message, SignatureKeyLookup keys)
      throws ProtocolException, ReplayException, AuthenticationException, DecodeException {
    MlsMessageBody body = message.body();
    if (body instanceof PublicMessage) {
      return publicProtection.unprotect((PublicMessage) body, keys);
    }
    if (body instanceof PrivateMessage) {
      return privateProtection.open((PrivateMessage) body, keys);
    }
    throw new ProtocolException("RFC 9420 §6",
        "expected a public or private message, got " + message.wireFormat());
  }

  /**
   * Deletes the message key of content that {@link #open} returned, once the caller accepted it
   * (RFC 9420 §9.2); nothing to do for a PublicMessage.
   *
   * @throws IllegalStateException if that key was deleted already
   */
  public void deleteMessageKey(VerifiedContent verified) {
    if (verified.wireFormat() == WireFormat.PRIVATE_MESSAGE) {
      privateProtection.deleteMessageKey(verified);
    }
  }

  /**
   * Writes this epoch's protection state for persistence: membership key (absent once retired),
   * sender data secret and the secret tree with its ratchets. The bytes are secret.
   */
  public void writeState(dev.sealmeet.codec.TlsWriter writer) {
    dev.sealmeet.mls.schedule.SecretState.write(writer, publicProtection.membershipKey());
    dev.sealmeet.mls.schedule.SecretState.write(writer, privateProtection.senderDataSecret());
    tree.writeState(writer);
  }

  /**
   * Reads a protection written by {@link #writeState} for the epoch of {@code context}.
   *
   * @throws DecodeException if the encoding is malformed
   */
  public static EpochProtection readState(MlsSuite suite, GroupContext context,
      RatchetWindow window, SecureRandom random, dev.sealmeet.codec.TlsReader reader)
      throws DecodeException {
    Secret membership = dev.sealmeet.mls.schedule.SecretState.read(reader);
    Secret senderData = dev.sealmeet.mls.schedule.SecretState.read(reader);
    if (senderData == null) {
      throw new DecodeException("persisted epoch protection lacks its sender data secret");
    }
    boolean retired = membership == null;
    if (retired) {
      membership = Secret.wrap(new byte[suite.hashLength()]);
    }
    try {
      EpochProtection protection = new EpochProtection(suite, context, membership, senderData,
          SecretTree.readState(suite, window, reader), random);
      if (retired) {
        protection.publicProtection.destroy();
      }
      return protection;
    } finally {
      membership.destroy();
      senderData.destroy();
    }
  }

  /**
   * Keeps only the application receive keys of {@code senders} (RFC 9420 §14), for an epoch that
   * is no longer current: the membership key, every handshake ratchet and the secret tree's
   * unexpanded nodes are wiped. Afterwards only application PrivateMessages of those senders
   * open; anything else is refused as {@code ReplayException} (private) or {@code
   * IllegalStateException} (public, which a past epoch is never asked to open).
   */
  public void retainApplicationKeys(java.util.Collection<Long> senders) {
    publicProtection.destroy();
    tree.retainApplicationRatchets(senders);
  }

  /** Wipes the membership key, the sender data secret and the secret tree. */
  public void destroy() {
    publicProtection.destroy();
    privateProtection.destroy();
    tree.destroy();
  }

  /** Epoch and tree size only. */
  @Override
  public String toString() {
    return "EpochProtection[epoch " + context.epoch() + ", " + tree.leafCount() + " leaves]";
  }
}
