package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsWriter;

/**
 * A {@link Credential} of a type other than basic or x509, kept as {@code opaque credential_data<V>}
 * so it round-trips. Whether such a credential is acceptable is decided by validation
 * (RFC 9420 §5.3.3, §7.2), not by the decoder.
 *
 * @param credentialType the {@code CredentialType} (uint16, not 1 or 2)
 * @param data the opaque body (copied in and out)
 */
public record UnknownCredential(int credentialType, byte[] data) implements Credential {

  /** Checks the type and copies the body. */
  public UnknownCredential {
    Wire.uint16(credentialType, "credentialType");
    if (credentialType == BASIC || credentialType == X509) {
      throw new IllegalArgumentException("credential type " + credentialType + " is not unknown");
    }
    data = Wire.copy(data, "data");
  }

  /** A copy of the opaque body. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint16(credentialType);
    writer.writeOpaque(data);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof UnknownCredential
        && Wire.sameEncoding(this, (UnknownCredential) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
