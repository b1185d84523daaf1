package dev.sealmeet.mls.framing;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.Sender;

/**
 * Finds the signature public key that must have signed a message (RFC 9420 §6.1): the LeafNode of a
 * member's leaf, an {@code external_senders} entry, the LeafNode in a new member's Commit path or
 * in the
 * KeyPackage of its Add proposal. The group state supplies it from its ratchet tree.
 */
@FunctionalInterface
public interface SignatureKeyLookup {
  /**
   * The signature public key of {@code sender}, in the suite's encoding.
   *
   * @param content the framed content being verified (a new member's key is inside it)
   * @throws ProtocolException if the sender has no key: a blank or absent leaf (RFC 9420 §6.3.2),
   *     an
   *     unknown external sender index, or a content without the expected LeafNode
   */
  byte[] signatureKey(Sender sender, FramedContent content) throws ProtocolException;

  /** A lookup that answers {@code publicKey} for every sender (tests, or a single known signer). */
  static SignatureKeyLookup fixed(byte[] publicKey) {
    byte[] copy = publicKey.clone();
    return (sender, content) -> copy.clone();
  }
}
