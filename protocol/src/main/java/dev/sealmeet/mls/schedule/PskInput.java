package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;

/**
 * One pre-shared key injected into the key schedule (RFC 9420 §8.4): its encoded {@code
 * PreSharedKeyID} (with the {@code psk_nonce}) and its value.
 *
 * @param encodedPskId the TLS encoding of the PreSharedKeyID, as carried in the PreSharedKey proposal
 *     or GroupSecrets
 * @param psk the PSK value (an external PSK or a {@code resumption_psk})
 */
public record PskInput(byte[] encodedPskId, Secret psk) {
  /** Copies the id; keeps the holder. */
  public PskInput {
    if (encodedPskId == null || psk == null) {
      throw new IllegalArgumentException("PSK id and value must not be null");
    }
    encodedPskId = encodedPskId.clone();
  }

  /** A copy of the encoded id. */
  @Override
  public byte[] encodedPskId() {
    return encodedPskId.clone();
  }

  /** Lengths only, never the PSK. */
  @Override
  public String toString() {
    return "PskInput[id " + encodedPskId.length + " bytes, " + psk + "]";
  }
}
