package dev.sealmeet.mls.framing;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.PreSharedKeyId;

/** Resolves the pre-shared keys a Welcome names (RFC 9420 §8.4, §12.4.3.1). */
@FunctionalInterface
public interface PskLookup {
  /**
   * The PSK {@code id} names; the caller keeps ownership of the returned holder's original.
   *
   * @throws ProtocolException if this client does not have the PSK (RFC 9420 §12.4.3.1)
   */
  Secret psk(PreSharedKeyId id) throws ProtocolException;

  /** A lookup that has no PSK at all: any Welcome naming one is rejected. */
  static PskLookup none() {
    return id -> {
      throw new ProtocolException("RFC 9420 §12.4.3.1",
          "the Welcome names a PSK of type " + id.pskType() + " this client does not have");
    };
  }
}
