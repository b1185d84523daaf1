package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsWriter;

/**
 * A {@code basic} {@link Credential} (RFC 9420 §5.3.1): an opaque identity.
 *
 * @param identity the identity bytes (copied in and out)
 */
public record BasicCredential(byte[] identity) implements Credential {

  /** Copies the identity. */
  public BasicCredential {
    identity = Wire.copy(identity, "identity");
  }

  /** A copy of the identity. */
  @Override
  public byte[] identity() {
    return identity.clone();
  }

  @Override
  public int credentialType() {
    return BASIC;
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint16(BASIC);
    writer.writeOpaque(identity);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof BasicCredential
        && Wire.sameEncoding(this, (BasicCredential) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
