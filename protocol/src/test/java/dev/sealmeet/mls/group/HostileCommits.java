package dev.sealmeet.mls.group;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.framing.ContentSignatures;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.FramedContentAuthData;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.WireFormat;
import java.util.Arrays;
import java.util.Optional;

/**
 * Commits as a malicious member or outsider makes them: any Commit struct, framed for the current
 * epoch and signed with the sender's real key, so that receivers get past the signature and the
 * membership tag (or AEAD) to the checks under test.
 */
final class HostileCommits {
  private HostileCommits() {}

  /** The Commit struct inside a commit sent as a PublicMessage. */
  static Commit commitOf(MlsMessage commit) {
    PublicMessage message = (PublicMessage) commit.body();
    return ((MessageContent.CommitContent) message.content().content()).commit();
  }

  /**
   * {@code commit} framed by {@code member} for its current epoch, signed with its key, with
   * {@code tag} as confirmation tag, in the group's handshake wire format.
   */
  static MlsMessage signedBy(MlsGroup member, Commit commit, byte[] tag) {
    EpochState epoch = member.currentEpoch();
    FramedContent content = new FramedContent(epoch.context.groupId(), epoch.epoch(),
        Sender.member(member.ownLeafIndex()), new byte[0], new MessageContent.CommitContent(commit));
    AuthenticatedContent signed = member.sign(content, Optional.of(tag));
    return epoch.protection.protect(signed, 0);
  }

  /**
   * {@code commit} as an external commit ({@code new_member_commit}, a PublicMessage) for the
   * epoch of {@code context}, signed with {@code signatureKey}, with {@code tag}.
   */
  static MlsMessage external(GroupContext context, Commit commit, byte[] signatureKey,
      byte[] tag, MlsGroup anyMember) throws SealmeetException {
    FramedContent content = new FramedContent(context.groupId(), context.epoch(),
        Sender.newMemberCommit(), new byte[0], new MessageContent.CommitContent(commit));
    byte[] signature = ContentSignatures.sign(anyMember.suite(), context,
        WireFormat.PUBLIC_MESSAGE, content, signatureKey);
    return MlsMessage.of(new PublicMessage(content,
        new FramedContentAuthData(signature, Optional.of(tag)), Optional.empty()));
  }

  /** KDF.Nh zero bytes: a confirmation tag nobody can check without the new epoch. */
  static byte[] zeroTag(MlsGroup member) {
    return new byte[member.suite().hashLength()];
  }

  /** A copy of {@code bytes} with its last byte flipped. */
  static byte[] flipped(byte[] bytes) {
    byte[] copy = Arrays.copyOf(bytes, bytes.length);
    copy[copy.length - 1] ^= 1;
    return copy;
  }
}
