package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.message.PreSharedKeyId;

/**
 * One pre-shared key injected into the key schedule (RFC 9420 §8.4): its {@code PreSharedKeyID} (with
 * the {@code psk_nonce}) and its value.
 *
 * @param id the PreSharedKeyID, as carried in the PreSharedKey proposal or GroupSecrets
 * @param psk the PSK value (an external PSK or a {@code resumption_psk}); the caller keeps ownership
 */
public record PskInput(PreSharedKeyId id, Secret psk) {
  /** Checks for nulls. */
  public PskInput {
    if (id == null || psk == null) {
      throw new IllegalArgumentException("PSK id and value must not be null");
    }
  }

  /** The PSK type and the holder's length only, never the PSK. */
  @Override
  public String toString() {
    return "PskInput[psktype " + id.pskType() + ", " + psk + "]";
  }
}
