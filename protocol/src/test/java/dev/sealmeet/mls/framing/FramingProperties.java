package dev.sealmeet.mls.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.MlsMessageBody;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import org.junit.jupiter.api.Test;

/**
 * Any one-bit tamper of an encoded PublicMessage or PrivateMessage is rejected with a typed
 * exception, and a rejected PrivateMessage leaves the receiver's secret tree able to decrypt the
 * original (RFC 9420 §6.2, §6.3; rejected input changes no state).
 */
class FramingProperties {
  private static final FramingFixture F = new FramingFixture();
  private static final FramedContent COMMIT = F.commit(2);
  private static final byte[] PUBLIC = encodedPublic();
  private static final byte[] PRIVATE = encodedPrivate();

  private static byte[] encodedPublic() {
    try {
      return MlsMessage.of(F.publicProtection()
          .protect(COMMIT, F.signer.privateKey(), F.tagFor(COMMIT))).toBytes();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] encodedPrivate() {
    try {
      return MlsMessage.of(F.privateProtection(F.newTree())
          .protect(COMMIT, F.signer.privateKey(), F.tagFor(COMMIT), 3)).toBytes();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] flip(byte[] bytes, int bit) {
    byte[] out = bytes.clone();
    int at = bit % (8 * out.length);
    out[at / 8] ^= (byte) (1 << (at % 8));
    return out;
  }

  /** Decodes and unprotects; true if accepted, false if rejected with a typed exception. */
  private static boolean accepted(byte[] bytes, PrivateMessageProtection receiver) {
    try {
      MlsMessageBody body = MlsMessage.fromBytes(bytes).body();
      if (body instanceof PublicMessage) {
        F.publicProtection().unprotect((PublicMessage) body, F.keys());
      } else if (body instanceof PrivateMessage && receiver != null) {
        receiver.unprotect((PrivateMessage) body, F.keys());
      } else {
        return false;
      }
      return true;
    } catch (DecodeException | ProtocolException | AuthenticationException
        | ReplayException rejected) {
      return false;
    }
  }

  @Test
  void publicMessage_anyBitFlip_isRejected() {
    qt().withExamples(300)
        .forAll(Gens.ints(0, 1 << 20))
        .checkAssert(bit -> assertThat(accepted(flip(PUBLIC, bit), null))
            .as("bit %d", bit % (8 * PUBLIC.length))
            .isFalse());
  }

  @Test
  void privateMessage_anyBitFlip_isRejectedAndStateUnchanged() {
    qt().withExamples(200)
        .forAll(Gens.ints(0, 1 << 20))
        .checkAssert(Checked.of(bit -> {
          PrivateMessageProtection receiver = F.privateProtection(F.newTree());
          assertThat(accepted(flip(PRIVATE, bit), receiver))
              .as("bit %d", bit % (8 * PRIVATE.length))
              .isFalse();
          PrivateMessage original = (PrivateMessage) MlsMessage.fromBytes(PRIVATE).body();
          assertThat(receiver.unprotect(original, F.keys()).framedContent()).isEqualTo(COMMIT);
        }));
  }

  /**
   * A member's key encrypting arbitrary bytes: the plaintext either fails to decode as
   * PrivateMessageContent (DecodeException) or its signature fails; nothing else escapes and the
   * key stays unused (RFC 9420 §6.3.1).
   */
  @Test
  void privateMessage_arbitraryPlaintext_isRejectedWithTypedException() {
    qt().withExamples(200)
        .forAll(Gens.bytes(255), Gens.ints(0, 2))
        .checkAssert(Checked.of((plaintext, contentType) -> {
          ContentType type = ContentType.values()[contentType];
          PrivateMessage message = F.encryptByHand(F.newTree(), 1, 1, plaintext, type);
          PrivateMessageProtection receiver = F.privateProtection(F.newTree());
          try {
            receiver.unprotect(message, F.keys());
            throw new AssertionError("arbitrary plaintext was accepted");
          } catch (DecodeException | AuthenticationException expected) {
            // rejected
          }
          PrivateMessage again = F.encryptByHand(F.newTree(), 1, 1, plaintext, type);
          assertThatRejectedAgain(receiver, again);
        }));
  }

  /** The same generation is still available (not consumed) after the rejection. */
  private static void assertThatRejectedAgain(PrivateMessageProtection receiver,
      PrivateMessage again) throws Exception {
    try {
      receiver.unprotect(again, F.keys());
      throw new AssertionError("arbitrary plaintext was accepted");
    } catch (DecodeException | AuthenticationException expected) {
      // the key was peeked again rather than found consumed (a ReplayException would escape)
    }
  }
}
